package dev.mallard.execution;

import static dev.mallard.execution.PlanFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.catalog.TableEntry;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.AggregateCall;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.types.LogicalType;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateOperatorTest {
    private static final LogicalType I = LogicalType.BIGINT;
    private static final LogicalType S = LogicalType.VARCHAR;

    private final TableEntry t = table("t", List.of(S, I),
            row("a", 1L), row("b", 2L), row(null, 3L), row("a", null), row(null, 5L), row("a", 1L));

    private static AggregateCall agg(String name, dev.mallard.function.AggregateFunction f, List<dev.mallard.expression.Expr> args,
                                     boolean distinct, dev.mallard.expression.Expr filter) {
        return new AggregateCall(ColumnIds.fresh(name, f.returnType()), f, args, distinct, filter);
    }

    @Test
    void groupsIncludingNullKeyWithDistinctAndFilter() {
        LogicalPlan.Get g = scan(t);
        ColumnRef key = ColumnIds.fresh("k", S);
        LogicalPlan a = new LogicalPlan.Aggregate(g, List.of(new Assignment(key, col(g, 0))), List.of(
                agg("n", TestFunctions.count(null), List.of(), false, null),
                agg("nv", TestFunctions.count(I), List.of(col(g, 1)), false, null),
                agg("s", TestFunctions.sum(), List.of(col(g, 1)), false, null),
                agg("sd", TestFunctions.sum(), List.of(col(g, 1)), true, null),
                agg("nf", TestFunctions.count(null), List.of(), false, cmp(">", col(g, 1), lit(1L, I)))));
        assertThat(run(a)).isEqualTo(rows(
                row("a", 3L, 2L, 2L, 1L, 0L),
                row("b", 1L, 1L, 2L, 2L, 1L),
                row(null, 2L, 2L, 8L, 8L, 2L)));
    }

    @Test
    void ungroupedAggregateOnEmptyInputGivesOneRow() {
        LogicalPlan.Get g = scan(t);
        LogicalPlan empty = new LogicalPlan.Filter(g, lit(false, LogicalType.BOOLEAN));
        LogicalPlan a = new LogicalPlan.Aggregate(empty, List.of(), List.of(
                agg("n", TestFunctions.count(null), List.of(), false, null),
                agg("s", TestFunctions.sum(), List.of(col(g, 1)), false, null),
                agg("sd", TestFunctions.sum(), List.of(col(g, 1)), true, null)));
        assertThat(run(a)).isEqualTo(rows(row(0L, null, null)));
        LogicalPlan all = new LogicalPlan.Aggregate(scan(t), List.of(), List.of(
                agg("n", TestFunctions.count(null), List.of(), false, null)));
        assertThat(run(all)).isEqualTo(rows(row(6L)));
    }

    @Test
    void groupedAggregateOnEmptyInputGivesNoRows() {
        LogicalPlan.Get g = scan(t);
        LogicalPlan empty = new LogicalPlan.Filter(g, lit(false, LogicalType.BOOLEAN));
        LogicalPlan a = new LogicalPlan.Aggregate(empty, List.of(new Assignment(ColumnIds.fresh("k", S), col(g, 0))),
                List.of(agg("n", TestFunctions.count(null), List.of(), false, null)));
        assertThat(run(a)).isEmpty();
    }

    @Test
    void distinctWithoutAggregatesAndExpressionKeys() {
        LogicalPlan.Get g = scan(t);
        LogicalPlan a = new LogicalPlan.Aggregate(g, List.of(
                new Assignment(ColumnIds.fresh("k", S), col(g, 0)),
                new Assignment(ColumnIds.fresh("big", LogicalType.BOOLEAN), cmp(">", col(g, 1), lit(1L, I)))), List.of());
        // Groups come out in no promised order (SQL promises none; rows that collide in the hash table may come later).
        assertThat(run(a)).containsExactlyInAnyOrderElementsOf(rows(row("a", false), row("b", true), row(null, true), row("a", null)));
    }

    @Test
    void manyGroupsAcrossChunksAndTableGrowth() {
        Object[][] data = new Object[50_000][];
        for (int i = 0; i < data.length; i++) data[i] = row((long) (i % 7919), (long) i);
        TableEntry big = table("big", List.of(I, I), data);
        LogicalPlan.Get g = scan(big);
        LogicalPlan a = new LogicalPlan.Aggregate(g, List.of(new Assignment(ColumnIds.fresh("k", I), col(g, 0))), List.of(
                agg("n", TestFunctions.count(null), List.of(), false, null),
                agg("s", TestFunctions.sum(), List.of(col(g, 1)), false, null)));
        List<List<Object>> out = run(a);
        assertThat(out).hasSize(7919);
        assertThat(out.get(0).get(0)).isEqualTo(0L);
        long total = 0;
        for (List<Object> r : out) total += (Long) r.get(1);
        assertThat(total).isEqualTo(50_000L);
        // group 0: rows 0, 7919, ... 47514 -> 7 rows
        assertThat(out.get(0).get(1)).isEqualTo(7L);
    }
}
