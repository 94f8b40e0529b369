package dev.mallard.api.table;

import static dev.mallard.api.table.Op.between;
import static dev.mallard.api.table.Op.gt;
import static dev.mallard.api.table.Op.in;
import static dev.mallard.api.table.Op.notIn;
import static dev.mallard.api.table.Op.startsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters become SQL with every value a bind parameter, in the column's Java form. */
class FilterSqlTest {
    private final TableSchema schema = new TableSchema("people", List.of(new TableSchema.Column("id", ColumnType.BIGINT),
            new TableSchema.Column("Name", ColumnType.TEXT), new TableSchema.Column("born", ColumnType.DATE),
            new TableSchema.Column("score", ColumnType.DOUBLE)), "id");

    private FilterSql sql;

    private String where(Filter f) {
        sql = new FilterSql(schema, new MallardDialect());
        return sql.where(f);
    }

    @Test
    void valuesAreParametersNeverText() {
        assertThat(where(Filter.where("name", "x'; DROP TABLE people; --"))).isEqualTo(" WHERE \"Name\" = ?");
        assertThat(sql.parameters).containsExactly("x'; DROP TABLE people; --");
        assertThat(where(Filter.where("score", gt(3)).or("born", between(LocalDate.of(2000, 1, 1), LocalDate.of(2001, 1, 1)))))
                .isEqualTo(" WHERE (\"score\" > ? OR \"born\" BETWEEN ? AND ?)");
        assertThat(sql.parameters).containsExactly(3.0, LocalDate.of(2000, 1, 1), LocalDate.of(2001, 1, 1));
    }

    @Test
    void collectionsNullsAndPatterns() {
        assertThat(where(Filter.where("id", List.of(1, 2)))).isEqualTo(" WHERE \"id\" IN (?, ?)");
        assertThat(sql.parameters).containsExactly(1L, 2L);
        assertThat(where(Filter.where("id", in(Arrays.asList(1, null))))).isEqualTo(" WHERE (\"id\" IN (?) OR \"id\" IS NULL)");
        assertThat(where(Filter.where("id", notIn(1, null)))).isEqualTo(" WHERE (\"id\" NOT IN (?) AND \"id\" IS NOT NULL)");
        assertThat(where(Filter.where("name", null))).isEqualTo(" WHERE \"Name\" IS NULL");
        assertThat(where(Filter.where("name", startsWith("50%_off")))).isEqualTo(" WHERE \"Name\" LIKE ? ESCAPE '\\'");
        assertThat(sql.parameters).containsExactly("50\\%\\_off%");
        assertThat(where(Filter.none())).isEmpty();
    }

    @Test
    void badFiltersAreClearErrors() {
        assertThatThrownBy(() -> where(Filter.where("nmae", 1))).hasMessageContaining("closest is \"Name\"");
        assertThatThrownBy(() -> where(Filter.where("born", "yesterday"))).hasMessageContaining("cannot compare column \"born\" (DATE)");
        assertThatThrownBy(() -> gt(null)).hasMessageContaining("isNull()");
    }
}
