package dev.mallard.execution;

import static dev.mallard.execution.PlanFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.catalog.TableEntry;
import dev.mallard.expression.Expr;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.AggregateCall;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.types.LogicalType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainTest {
    private static final LogicalType I = LogicalType.BIGINT;

    @Test
    void physicalPlanAsTree() {
        TableEntry t = table("t", List.of(I, I));
        TableEntry u = table("u", List.of(I));
        LogicalPlan.Get a = scan(t), b = scan(u);
        LogicalPlan f = new LogicalPlan.Filter(b, cmp(">", col(b, 0), lit(3L, I)));
        Expr cond = new Expr.And(List.of(cmp("=", col(a, 0), col(b, 0)), cmp("<", col(a, 1), col(b, 0))));
        LogicalPlan j = new LogicalPlan.Join(JoinType.LEFT, a, f, cond, null, false);
        LogicalPlan agg = new LogicalPlan.Aggregate(j, List.of(new Assignment(ColumnIds.fresh("k", I), col(a, 1))),
                List.of(new AggregateCall(ColumnIds.fresh("n", I), TestFunctions.count(null), List.of(), false, null)));
        assertThat(QueryExecutor.explain(agg)).isEqualTo("""
                HASH_GROUP_BY groups: t.c1 | aggregates: count_star(*)
                └─ HASH_JOIN LEFT | ON t.c0 = u.c0 AND (t.c1 < u.c0)
                   ├─ TABLE_SCAN t | (c0, c1)
                   └─ TABLE_SCAN u | (c0) | filter: (u.c0 > 3)
                """);
    }

    @Test
    void materializedCteIsPlannedOnceAndScannedByEachReference() {
        TableEntry t = table("t", List.of(I, I));
        LogicalPlan.Get def = scan(t);
        int id = ColumnIds.freshId();
        LogicalPlan.CteScan x = new LogicalPlan.CteScan(id, List.of(ColumnIds.fresh("a", I), ColumnIds.fresh("b", I)), def);
        LogicalPlan.CteScan y = new LogicalPlan.CteScan(id, List.of(ColumnIds.fresh("a", I), ColumnIds.fresh("b", I)), def);
        LogicalPlan j = new LogicalPlan.Join(JoinType.INNER, x, y, cmp("=", x.outputs().get(0), y.outputs().get(1)), null, false);
        String text = QueryExecutor.explain(new LogicalPlan.MaterializedCte(id, def.outputs(), def, j));
        assertThat(text).isEqualTo("""
                CTE cte %d
                ├─ TABLE_SCAN t | (c0, c1)
                └─ HASH_JOIN INNER | ON a = b
                   ├─ CTE_SCAN cte %d
                   └─ CTE_SCAN cte %d
                """.formatted(id, id, id));
    }

    @Test
    void innerJoinFiltersTheScanOnItsProbeSide() {
        TableEntry t = table("t", List.of(I, I));
        TableEntry u = table("u", List.of(I));
        LogicalPlan.Get a = scan(t), b = scan(u);
        LogicalPlan inner = new LogicalPlan.Join(JoinType.INNER, a, b, cmp("=", col(a, 1), col(b, 0)), null, false);
        assertThat(QueryExecutor.explain(inner)).isEqualTo("""
                HASH_JOIN INNER | ON t.c1 = u.c0
                ├─ TABLE_SCAN t | (c0, c1) | join filter: t.c1
                └─ TABLE_SCAN u | (c0)
                """);
        // a LEFT join keeps probe rows without partner: no filter
        LogicalPlan left = new LogicalPlan.Join(JoinType.LEFT, a, b, cmp("=", col(a, 1), col(b, 0)), null, false);
        assertThat(QueryExecutor.explain(left)).doesNotContain("join filter");
    }
}
