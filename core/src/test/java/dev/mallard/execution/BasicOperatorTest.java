package dev.mallard.execution;

import static dev.mallard.execution.PlanFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.catalog.TableEntry;
import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.SetOpKind;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BasicOperatorTest {
    private static final LogicalType I = LogicalType.BIGINT;
    private static final LogicalType S = LogicalType.VARCHAR;

    private final TableEntry t = table("t", List.of(I, S),
            row(1L, "a"), row(2L, "b"), row(null, "c"), row(4L, null), row(5L, "e"));

    @Test
    void scanReturnsRowsInInsertionOrder() {
        assertThat(run(scan(t))).isEqualTo(rows(row(1L, "a"), row(2L, "b"), row(null, "c"), row(4L, null), row(5L, "e")));
    }

    @Test
    void scanWithRowIdAndDeletedRows() {
        t.storage().delete(new long[] {1}, 1);
        ColumnRef rid = ColumnIds.fresh("rowid", I);
        ColumnRef c1 = ColumnIds.fresh("c1", S);
        LogicalPlan.Get g = new LogicalPlan.Get(t, List.of(LogicalPlan.Get.ROW_ID, 1), List.of(rid, c1));
        assertThat(run(g)).isEqualTo(rows(row(0L, "a"), row(2L, "c"), row(3L, null), row(4L, "e")));
        // no columns at all (count(*) after pruning) still yields one row per live row
        LogicalPlan.Get none = new LogicalPlan.Get(t, List.of(), List.of());
        assertThat(run(none)).hasSize(4);
    }

    @Test
    void filterAndProjection() {
        LogicalPlan.Get g = scan(t);
        LogicalPlan f = new LogicalPlan.Filter(g, cmp(">", col(g, 0), lit(1L, I)));
        ColumnRef plus = ColumnIds.fresh("plus", I);
        ColumnRef s = ColumnIds.fresh("s", S);
        LogicalPlan p = new LogicalPlan.Project(f, List.of(new Assignment(s, col(g, 1)),
                new Assignment(plus, arith("+", col(g, 0), lit(10L, I)))));
        assertThat(run(p)).isEqualTo(rows(row("b", 12L), row(null, 14L), row("e", 15L)));
    }

    @Test
    void filterChainKeepsNarrowingTheSelection() {
        LogicalPlan.Get g = scan(t);
        LogicalPlan f1 = new LogicalPlan.Filter(g, new Expr.IsNull(col(g, 1), true));
        LogicalPlan f2 = new LogicalPlan.Filter(f1, cmp("<", col(g, 0), lit(5L, I)));
        assertThat(run(f2)).isEqualTo(rows(row(1L, "a"), row(2L, "b")));
        LogicalPlan none = new LogicalPlan.Filter(g, lit(false, LogicalType.BOOLEAN));
        assertThat(run(none)).isEmpty();
    }

    @Test
    void valuesAndEmpty() {
        ColumnRef a = ColumnIds.fresh("a", I), b = ColumnIds.fresh("b", S);
        LogicalPlan v = new LogicalPlan.Values(List.of(a, b), List.of(
                List.of(lit(1L, I), lit("x", S)),
                List.of(arith("*", lit(2L, I), lit(3L, I)), new Expr.Constant(null, S))));
        assertThat(run(v)).isEqualTo(rows(row(1L, "x"), row(6L, null)));
        assertThat(run(new LogicalPlan.Empty(List.of(a, b)))).isEmpty();
        LogicalPlan bad = new LogicalPlan.Values(List.of(a), List.of(List.of(arith("/", lit(1L, I), lit(0L, I)))));
        assertThatThrownBy(() -> run(bad)).isInstanceOf(MallardException.Data.class);
    }

    @Test
    void limitAndOffset() {
        assertThat(run(new LogicalPlan.Limit(scan(t), 2, 0))).isEqualTo(rows(row(1L, "a"), row(2L, "b")));
        assertThat(run(new LogicalPlan.Limit(scan(t), 2, 3))).isEqualTo(rows(row(4L, null), row(5L, "e")));
        assertThat(run(new LogicalPlan.Limit(scan(t), -1, 4))).isEqualTo(rows(row(5L, "e")));
        assertThat(run(new LogicalPlan.Limit(scan(t), 0, 0))).isEmpty();
        assertThat(run(new LogicalPlan.Limit(scan(t), 10, 10))).isEmpty();
    }

    @Test
    void limitStopsEarlyOnLargeInput() {
        Object[][] data = new Object[10_000][];
        for (int i = 0; i < data.length; i++) data[i] = row((long) i);
        TableEntry big = table("big", List.of(I), data);
        assertThat(run(new LogicalPlan.Limit(scan(big), 3, 4095))).isEqualTo(rows(row(4095L), row(4096L), row(4097L)));
    }

    private LogicalPlan setOp(SetOpKind kind, boolean all, LogicalPlan l, LogicalPlan r) {
        List<ColumnRef> outs = new ArrayList<>();
        for (ColumnRef c : l.outputs()) outs.add(ColumnIds.fresh(c.name(), c.type()));
        return new LogicalPlan.SetOperation(kind, all, l, r, outs);
    }

    private LogicalPlan ints(Long... values) {
        ColumnRef c = ColumnIds.fresh("v", I);
        List<List<Expr>> rs = new ArrayList<>();
        for (Long v : values) rs.add(List.of(new Expr.Constant(v, I)));
        return new LogicalPlan.Values(List.of(c), rs);
    }

    @Test
    void unionAllKeepsLeftThenRightAndLimitSpansBoth() {
        LogicalPlan u = setOp(SetOpKind.UNION, true, ints(1L, 2L), ints(3L, 2L));
        assertThat(run(u)).isEqualTo(rows(row(1L), row(2L), row(3L), row(2L)));
        assertThat(run(new LogicalPlan.Limit(u, 3, 1))).isEqualTo(rows(row(2L), row(3L), row(2L)));
        LogicalPlan nested = setOp(SetOpKind.UNION, true, setOp(SetOpKind.UNION, true, ints(1L), ints(2L)), ints(3L));
        assertThat(run(nested)).isEqualTo(rows(row(1L), row(2L), row(3L)));
    }

    @Test
    void unionDeduplicatesIncludingNulls() {
        LogicalPlan u = setOp(SetOpKind.UNION, false, ints(1L, null, 2L, 1L), ints(null, 3L, 2L));
        assertThat(run(u)).containsExactlyInAnyOrderElementsOf(rows(row(1L), row((Object) null), row(2L), row(3L)));
    }

    @Test
    void intersectAndExceptWithAndWithoutAll() {
        LogicalPlan l = ints(1L, 1L, 1L, 2L, null, null, 3L);
        LogicalPlan r = ints(1L, 1L, null, 4L);
        assertThat(run(setOp(SetOpKind.INTERSECT, false, l, r))).isEqualTo(rows(row(1L), row((Object) null)));
        assertThat(run(setOp(SetOpKind.INTERSECT, true, l, r))).isEqualTo(rows(row(1L), row(1L), row((Object) null)));
        assertThat(run(setOp(SetOpKind.EXCEPT, false, l, r))).isEqualTo(rows(row(2L), row(3L)));
        assertThat(run(setOp(SetOpKind.EXCEPT, true, l, r))).isEqualTo(rows(row(1L), row(2L), row((Object) null), row(3L)));
        assertThat(run(setOp(SetOpKind.EXCEPT, false, l, ints()))).isEqualTo(rows(row(1L), row(2L), row((Object) null), row(3L)));
        assertThat(run(setOp(SetOpKind.INTERSECT, true, ints(), r))).isEmpty();
    }

    @Test
    void setOperationCastsInputsToOutputTypes() {
        ColumnRef c = ColumnIds.fresh("v", LogicalType.INTEGER);
        LogicalPlan ints32 = new LogicalPlan.Values(List.of(c), List.of(List.of(new Expr.Constant(7, LogicalType.INTEGER))));
        LogicalPlan u = setOp(SetOpKind.UNION, true, ints(1L), ints32);
        assertThat(run(u)).isEqualTo(rows(row(1L), row(7L)));
    }

    @Test
    void sortWithDirectionsAndNullPlacement() {
        LogicalPlan.Get g = scan(t);
        LogicalPlan asc = new LogicalPlan.Sort(g, List.of(new SortKey(col(g, 0), true, false)));
        assertThat(run(asc).stream().map(r -> r.get(0)).toList()).containsExactly(1L, 2L, 4L, 5L, null);
        LogicalPlan desc = new LogicalPlan.Sort(g, List.of(new SortKey(col(g, 1), false, true)));
        assertThat(run(desc).stream().map(r -> r.get(1)).toList()).containsExactly(null, "e", "c", "b", "a");
        // an expression key
        LogicalPlan byNeg = new LogicalPlan.Sort(g, List.of(new SortKey(arith("-", lit(0L, I), col(g, 0)), true, true)));
        assertThat(run(byNeg).stream().map(r -> r.get(0)).toList()).containsExactly(null, 5L, 4L, 2L, 1L);
    }

    @Test
    void topN() {
        LogicalPlan.Get g = scan(t);
        LogicalPlan top = new LogicalPlan.TopN(g, List.of(new SortKey(col(g, 0), false, false)), 2, 1);
        assertThat(run(top)).isEqualTo(rows(row(4L, null), row(2L, "b")));
        LogicalPlan empty = new LogicalPlan.TopN(new LogicalPlan.Filter(g, lit(false, LogicalType.BOOLEAN)),
                List.of(new SortKey(col(g, 0), true, false)), 2, 0);
        assertThat(run(empty)).isEmpty();
    }

    @Test
    void windowRowNumberAndPartitionedSum() {
        TableEntry w = table("w", List.of(S, I), row("a", 1L), row("b", 2L), row("a", 3L), row("b", 4L), row("a", null));
        LogicalPlan.Get g = scan(w);
        ColumnRef rn = ColumnIds.fresh("rn", I);
        ColumnRef total = ColumnIds.fresh("total", I);
        LogicalPlan.WindowCall rowNumber = new LogicalPlan.WindowCall(rn, LogicalPlan.WindowFunctionKind.ROW_NUMBER, null,
                List.of(), false, null, false, List.of(col(g, 0)), List.of(new SortKey(col(g, 1), false, false)), null);
        LogicalPlan.WindowCall sum = new LogicalPlan.WindowCall(total, LogicalPlan.WindowFunctionKind.AGGREGATE,
                TestFunctions.sum(), List.of(col(g, 1)), false, null, false, List.of(col(g, 0)), List.of(),
                new LogicalPlan.Frame(LogicalPlan.FrameUnit.ROWS,
                        new LogicalPlan.FrameBound(LogicalPlan.BoundKind.UNBOUNDED_PRECEDING, null),
                        new LogicalPlan.FrameBound(LogicalPlan.BoundKind.UNBOUNDED_FOLLOWING, null)));
        LogicalPlan win = new LogicalPlan.Window(g, List.of(rowNumber, sum));
        assertThat(run(win)).isEqualTo(rows(
                row("a", 1L, 2L, 4L), row("b", 2L, 2L, 6L), row("a", 3L, 1L, 4L), row("b", 4L, 1L, 6L), row("a", null, 3L, 4L)));
    }

    @Test
    void cancellationInterruptsTheQuery() {
        LogicalPlan.Get g = scan(t);
        assertThatThrownBy(() -> QueryExecutor.execute(g, List.of("a", "b"), new ExecutionContext(1, () -> true)))
                .isInstanceOf(MallardException.Interrupted.class)
                .hasMessage("Query was cancelled");
    }
}
