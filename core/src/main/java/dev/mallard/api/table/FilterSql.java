package dev.mallard.api.table;

import dev.mallard.MallardException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A {@link Filter} as a SQL condition over one table's columns. Every value becomes a bind
 * parameter, converted to the column's Java form (so a Long compares with a BIGINT column on
 * PostgreSQL too); column names are checked against the table, and an unknown one names the closest.
 */
final class FilterSql {
    private final TableSchema schema;
    private final Dialect dialect;
    final List<Object> parameters = new ArrayList<>();

    FilterSql(TableSchema schema, Dialect dialect) {
        this.schema = schema;
        this.dialect = dialect;
    }

    /** {@code " WHERE ..."}, or nothing for a filter that keeps every row. */
    String where(Filter filter) {
        if (filter instanceof Filter.All all && all.filters().isEmpty()) return "";
        return " WHERE " + condition(filter);
    }

    private String condition(Filter filter) {
        return switch (filter) {
            case Filter.All all -> group(all.filters(), " AND ", "1 = 1");
            case Filter.Any any -> group(any.filters(), " OR ", "1 = 0");
            case Filter.Condition c -> condition(schema.require(c.column()), c.op());
        };
    }

    private String group(List<Filter> filters, String separator, String whenEmpty) {
        if (filters.isEmpty()) return whenEmpty;
        StringJoiner sql = new StringJoiner(separator, "(", ")");
        for (Filter f : filters) sql.add(condition(f));
        return sql.toString();
    }

    private String condition(TableSchema.Column column, Op op) {
        String name = dialect.quote(column.name());
        return switch (op) {
            case Op.Compare cmp -> name + " " + cmp.comparison().sql + " " + bind(column, cmp.value());
            case Op.Like like -> asText(column, name) + (like.negated() ? " NOT" : "") + (like.caseInsensitive() ? " ILIKE " : " LIKE ")
                    + param(like.pattern()) + " ESCAPE '\\'";
            case Op.Between b -> name + " BETWEEN " + bind(column, b.low()) + " AND " + bind(column, b.high());
            case Op.In in -> in(column, name, in);
            case Op.IsNull n -> name + (n.negated() ? " IS NOT NULL" : " IS NULL");
        };
    }

    /** IN over the non-null values; a null in the list matches NULL (and NOT IN with a null keeps NULLs out), as find(Map) users expect. */
    private String in(TableSchema.Column column, String name, Op.In in) {
        StringJoiner values = new StringJoiner(", ", "(", ")");
        boolean hasNull = false;
        int count = 0;
        for (Object v : in.values()) {
            if (v == null) {
                hasNull = true;
            } else {
                values.add(bind(column, v));
                count++;
            }
        }
        if (!in.negated()) {
            String some = count == 0 ? "1 = 0" : name + " IN " + values;
            return hasNull ? "(" + some + " OR " + name + " IS NULL)" : some;
        }
        String none = count == 0 ? "1 = 1" : name + " NOT IN " + values;
        return hasNull ? "(" + none + " AND " + name + " IS NOT NULL)" : none;
    }

    private String asText(TableSchema.Column column, String name) {
        return column.type() == ColumnType.TEXT ? name : "CAST(" + name + " AS " + dialect.typeName(ColumnType.TEXT) + ")";
    }

    private String param(Object value) {
        parameters.add(value);
        return "?";
    }

    /**
     * A value compared with {@code column}: in the column's form when the column holds it, in its own
     * when the two compare anyway (a DOUBLE bound against a BIGINT column), else a clear error.
     */
    private String bind(TableSchema.Column column, Object value) {
        ColumnType own = ColumnType.of(value);
        if (column.type().holds(own)) {
            parameters.add(column.type().convert(value));
            return dialect.placeholder(column.type());
        }
        if (column.type().join(own) != ColumnType.TEXT) {
            parameters.add(own.convert(value));
            return "?";
        }
        throw MallardException.Binder.typeMismatch("cannot compare column \"" + column.name() + "\" (" + column.type() + ") of table \""
                + schema.name() + "\" with " + ValueText.describe(value) + "; give a value of the column's type");
    }
}
