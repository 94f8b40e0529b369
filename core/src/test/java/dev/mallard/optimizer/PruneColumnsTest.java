package dev.mallard.optimizer;

import static dev.mallard.plan.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.SetOpKind;
import dev.mallard.plan.LogicalPlan.SetOperation;
import dev.mallard.plan.PlanFixtures;
import dev.mallard.types.LogicalType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruneColumnsTest {
    private final PlanFixtures f = PlanFixtures.standard();
    private final Get t = f.scan("t");
    private final Get u = f.scan("u");

    private static String prune(LogicalPlan p) {
        return print(new PruneColumns().apply(p));
    }

    @Test
    void scansReadOnlyWhatIsUsed() {
        LogicalPlan p = project(filter(t, cmp(">", col(t, "b"), lit(1))), col(t, "a"));
        assertThat(prune(p)).isEqualTo("""
                Project[a#1]
                  Filter[b#2 > 1]
                    Get[t: a#1, b#2]
                """);
    }

    @Test
    void countStarKeepsTheNarrowestColumn() {
        f.table("w", "s VARCHAR", "n BIGINT", "i INTEGER");
        LogicalPlan p = aggregate(f.scan("w"), List.of(), agg("count_star"));
        assertThat(prune(p)).isEqualTo("""
                Aggregate[count_star#1 := count_star()]
                  Get[w: i#2]
                """);
    }

    @Test
    void unusedAggregatesAndProjectionsGo() {
        var s = agg("sum", col(t, "b"));
        var m = agg("max", col(t, "c"));
        var g = aggregate(t, List.of(col(t, "a")), s, m);
        LogicalPlan p = project(g, g.outputs().get(0), "total", s.output());
        assertThat(prune(p)).isEqualTo("""
                Project[a#1, total#2 := sum#3]
                  Aggregate[group by: a#1 := a#4; sum#3 := sum(b#5)]
                    Get[t: a#4, b#5]
                """);
    }

    @Test
    void markJoinWhoseMarkIsUnusedIsItsLeftSide() {
        var mark = ColumnIds.fresh("in", LogicalType.BOOLEAN);
        LogicalPlan p = project(new Join(JoinType.MARK, t, u, eq(col(t, "a"), col(u, "x")), mark, true), col(t, "b"));
        assertThat(prune(p)).isEqualTo("""
                Project[b#1]
                  Get[t: b#1]
                """);
    }

    @Test
    void joinInputsKeepConditionColumns() {
        LogicalPlan p = project(join(JoinType.INNER, t, u, eq(col(t, "a"), col(u, "x"))), col(u, "y"));
        assertThat(prune(p)).isEqualTo("""
                Project[y#1]
                  Join[INNER, a#2 = x#3]
                    Get[t: a#2]
                    Get[u: x#3, y#1]
                """);
    }

    @Test
    void unionAllPrunesByPositionButUnionKeepsEveryColumn() {
        var z1 = ColumnIds.fresh("z1", LogicalType.INTEGER);
        var z2 = ColumnIds.fresh("z2", LogicalType.INTEGER);
        LogicalPlan all = new SetOperation(SetOpKind.UNION, true, project(t, col(t, "a"), col(t, "b")), u, List.of(z1, z2));
        assertThat(prune(project(all, z2))).isEqualTo("""
                Project[z2#1]
                  UNION ALL[z2#1]
                    Project[b#2]
                      Get[t: b#2]
                    Get[u: y#3]
                """);
        LogicalPlan distinct = new SetOperation(SetOpKind.UNION, false, project(t, col(t, "a"), col(t, "b")), u, List.of(z1, z2));
        assertThat(prune(project(distinct, z2))).contains("Get[u: x#", "Project[a#");
    }

    @Test
    void rootColumnsStayInOrder() {
        LogicalPlan p = join(JoinType.INNER, t, u, eq(col(t, "a"), col(u, "x")));
        assertThat(new PruneColumns().apply(p).outputs()).isEqualTo(p.outputs());
    }
}
