package dev.mallard.optimizer;

import static dev.mallard.plan.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.PlanFixtures;
import org.junit.jupiter.api.Test;

class ChooseSemiJoinBuildSideTest {
    private final PlanFixtures f = PlanFixtures.tpch();

    private static LogicalPlan choose(LogicalPlan p) {
        return new ChooseSemiJoinBuildSide(new CardinalityEstimator(PlanFixtures::tpchRowCounts)).apply(p);
    }

    @Test
    void smallPreservedSideBecomesTheBuildSide() {
        Get n = f.scan("nation"), s = f.scan("supplier");
        for (JoinType type : new JoinType[] {JoinType.SEMI, JoinType.ANTI}) {
            Join j = join(type, n, s, eq(col(n, "n_nationkey"), col(s, "s_nationkey")));
            LogicalPlan chosen = choose(j);
            Join swapped = (Join) chosen;
            assertThat(swapped.type()).isEqualTo(type == JoinType.SEMI ? JoinType.RIGHT_SEMI : JoinType.RIGHT_ANTI);
            assertThat(swapped.left()).isSameAs(s);
            assertThat(swapped.right()).isSameAs(n);
            // the same columns come out, in the same order
            assertThat(chosen.outputs()).isEqualTo(j.outputs());
        }
    }

    @Test
    void bigPreservedSideKeepsProbing() {
        Get o = f.scan("orders"), c = f.scan("customer");
        Join j = join(JoinType.SEMI, o, c, eq(col(o, "o_custkey"), col(c, "c_custkey")));
        assertThat(choose(j)).isSameAs(j);
    }

    @Test
    void sidesOfSimilarSizeAreLeftAlone() {
        // estimates are rough: only a clear difference swaps (4x here is not enough)
        Get c = f.scan("customer"), p = f.scan("part"), s = f.scan("supplier");
        Join j = join(JoinType.SEMI, c, p, eq(col(c, "c_custkey"), col(p, "p_partkey")));
        assertThat(choose(j)).isSameAs(j);
        Join k = join(JoinType.SEMI, s, c, eq(col(s, "s_nationkey"), col(c, "c_nationkey")));
        assertThat(((Join) choose(k)).type()).isEqualTo(JoinType.RIGHT_SEMI);
    }

    @Test
    void notInKeepsItsNullRules() {
        Get n = f.scan("nation"), s = f.scan("supplier");
        Join j = new Join(JoinType.ANTI, n, s, eq(col(n, "n_nationkey"), col(s, "s_nationkey")), null, true);
        assertThat(choose(j)).isSameAs(j);
    }
}
