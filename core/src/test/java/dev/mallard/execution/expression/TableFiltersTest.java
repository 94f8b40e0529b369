package dev.mallard.execution.expression;

import static dev.mallard.execution.PlanFixture.arith;
import static dev.mallard.execution.PlanFixture.cmp;
import static dev.mallard.execution.PlanFixture.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.plan.ColumnIds;
import dev.mallard.storage.DataTable;
import dev.mallard.storage.TableFilter;
import dev.mallard.storage.ZoneMap;
import dev.mallard.types.LogicalType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which pushed-down conjuncts become zone-map tests, and in what form. */
class TableFiltersTest {
    private static final LogicalType I = LogicalType.BIGINT;

    private final ColumnRef x = ColumnIds.fresh("x", I);
    private final ColumnRef rowId = ColumnIds.fresh("rowid", I);
    private final ColumnRef s = ColumnIds.fresh("s", LogicalType.VARCHAR);
    /** Scan outputs x, rowid, s read table columns 3, the row id and 0. */
    private final int[] columns = {3, DataTable.ROW_ID, 0};

    private List<TableFilter> of(Expr... conjuncts) {
        List<ResolvedExpr> resolved = List.of(conjuncts).stream().map(e -> ExpressionResolver.resolve(e, List.of(x, rowId, s))).toList();
        return TableFilters.of(resolved, columns);
    }

    @Test
    void comparisonOutcomeMasksAreTheZoneMapsOutcomeBits() {
        assertThat(ComparisonSelect.mask("<")).isEqualTo(ZoneMap.LESS);
        assertThat(ComparisonSelect.mask("=")).isEqualTo(ZoneMap.EQUAL);
        assertThat(ComparisonSelect.mask(">")).isEqualTo(ZoneMap.GREATER);
        assertThat(ComparisonSelect.mask("<>")).isEqualTo(ZoneMap.LESS | ZoneMap.GREATER);
    }

    @Test
    void comparisonsWithAConstantOnEitherSide() {
        assertThat(of(cmp(">", x, lit(5L, I)), cmp(">", lit(5L, I), x), cmp("<=", s, lit("m", LogicalType.VARCHAR)))).containsExactly(
                new TableFilter.Comparison(3, ZoneMap.GREATER, 5L),
                new TableFilter.Comparison(3, ZoneMap.LESS, 5L),
                new TableFilter.Comparison(0, ZoneMap.LESS | ZoneMap.EQUAL, "m"));
    }

    @Test
    void inListsKeepTheirNonNullConstants() {
        assertThat(of(new Expr.InList(x, List.of(lit(1L, I), lit(null, I), lit(3L, I)), false)))
                .containsExactly(new TableFilter.InList(3, List.of(1L, 3L)));
        assertThat(of(new Expr.InList(x, List.of(lit(1L, I)), true))).isEmpty(); // NOT IN
        assertThat(of(new Expr.InList(x, List.of(lit(1L, I), arith("+", x, lit(1L, I))), false))).isEmpty();
    }

    @Test
    void nullTests() {
        assertThat(of(new Expr.IsNull(s, false), new Expr.IsNull(x, true)))
                .containsExactly(new TableFilter.NullTest(0, false), new TableFilter.NullTest(3, true));
    }

    @Test
    void everythingElseIsLeftToTheRows() {
        assertThat(of(
                cmp("<", rowId, lit(5L, I)), // row ids have no zone map
                cmp(">", arith("+", x, lit(1L, I)), lit(5L, I)),
                cmp("=", x, lit(null, I)),
                cmp("<", x, x),
                new Expr.Or(List.of(cmp("<", x, lit(1L, I)), cmp(">", x, lit(9L, I)))),
                new Expr.Not(cmp("<", x, lit(1L, I))),
                new Expr.IsNull(arith("+", x, lit(1L, I)), false))).isEmpty();
    }
}
