package dev.mallard.optimizer;

import static dev.mallard.plan.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Empty;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.Limit;
import dev.mallard.plan.LogicalPlan.SetOpKind;
import dev.mallard.plan.LogicalPlan.SetOperation;
import dev.mallard.plan.PlanFixtures;
import dev.mallard.types.LogicalType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropagateEmptyTest {
    private final PlanFixtures f = PlanFixtures.standard();
    private final Get t = f.scan("t");
    private final Get u = f.scan("u");
    private final LogicalPlan noU = new Empty(u.outputs());

    private static String run(LogicalPlan p) {
        return print(new PropagateEmpty().apply(p));
    }

    @Test
    void falseOrNullFilterIsEmpty() {
        assertThat(run(project(filter(t, lit(false)), col(t, "a")))).isEqualTo("Empty[a#1]\n");
        assertThat(run(filter(t, nullOf(LogicalType.BOOLEAN)))).isEqualTo("Empty[a#1, b#2, c#3]\n");
    }

    @Test
    void innerAndSemiJoinsWithAnEmptyInputAreEmpty() {
        assertThat(run(join(JoinType.INNER, t, noU, eq(col(t, "a"), col(u, "x"))))).isEqualTo("Empty[a#1, b#2, c#3, x#4, y#5]\n");
        assertThat(run(join(JoinType.SEMI, t, noU, eq(col(t, "a"), col(u, "x"))))).isEqualTo("Empty[a#1, b#2, c#3]\n");
    }

    @Test
    void leftJoinWithEmptyRightPadsWithNulls() {
        assertThat(run(join(JoinType.LEFT, t, noU, eq(col(t, "a"), col(u, "x"))))).isEqualTo("""
                Project[a#1, b#2, c#3, x#4 := NULL, y#5 := NULL]
                  Get[t: a#1, b#2, c#3]
                """);
    }

    @Test
    void antiJoinWithEmptyRightIsItsLeftAndMarkJoinMarksFalse() {
        assertThat(run(new Join(JoinType.ANTI, t, noU, eq(col(t, "a"), col(u, "x")), null, true))).isEqualTo("""
                Get[t: a#1, b#2, c#3]
                """);
        var mark = ColumnIds.fresh("in", LogicalType.BOOLEAN);
        assertThat(run(new Join(JoinType.MARK, t, noU, eq(col(t, "a"), col(u, "x")), mark, true))).isEqualTo("""
                Project[a#1, b#2, c#3, in#4 := false]
                  Get[t: a#1, b#2, c#3]
                """);
    }

    @Test
    void nullConditionStillMattersForNullAwareJoins() {
        LogicalPlan p = new Join(JoinType.ANTI, t, u, nullOf(LogicalType.BOOLEAN), null, true);
        assertThat(new PropagateEmpty().apply(p)).isEqualTo(p);
    }

    @Test
    void ungroupedAggregateOverEmptyKeepsItsRowGroupedDoesNot() {
        var cnt = agg("count_star");
        LogicalPlan ungrouped = aggregate(new Empty(t.outputs()), List.of(), cnt);
        assertThat(new PropagateEmpty().apply(ungrouped)).isEqualTo(ungrouped);
        assertThat(run(aggregate(filter(t, lit(false)), List.of(col(t, "a")), agg("count_star")))).startsWith("Empty[a#");
    }

    @Test
    void limitZeroIsEmpty() {
        assertThat(run(new Limit(t, 0, 0))).isEqualTo("Empty[a#1, b#2, c#3]\n");
    }

    @Test
    void unionAllWithAnEmptySideIsTheOtherSide() {
        var out = ColumnIds.fresh("z", LogicalType.INTEGER);
        LogicalPlan p = new SetOperation(SetOpKind.UNION, true, project(t, col(t, "a")), project(filter(u, lit(false)), col(u, "x")),
                List.of(out));
        assertThat(run(p)).isEqualTo("""
                Project[z#1 := a#2]
                  Project[a#2]
                    Get[t: a#2, b#3, c#4]
                """);
    }
}
