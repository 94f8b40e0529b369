package dev.mallard.optimizer;

import static dev.mallard.plan.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.expression.Expr;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.PlanFixtures;
import org.junit.jupiter.api.Test;

class ShareCommonSubplansTest {
    private final PlanFixtures f = PlanFixtures.tpch();

    private static LogicalPlan share(LogicalPlan p) {
        return new ShareCommonSubplans(new CardinalityEstimator(PlanFixtures::tpchRowCounts)).apply(p);
    }

    /** partsupp joined with the suppliers of one nation, bound afresh (new symbols) on each call. */
    private LogicalPlan germanPartsupp(Expr extra) {
        Get ps = f.scan("partsupp"), s = f.scan("supplier"), n = f.scan("nation");
        Expr nationFilter = eq(col(n, "n_name"), lit("GERMANY"));
        if (extra != null) nationFilter = and(nationFilter, cmp("<", call("random"), extra));
        LogicalPlan nations = filter(n, nationFilter);
        LogicalPlan sn = join(JoinType.INNER, s, nations, eq(col(s, "s_nationkey"), col(n, "n_nationkey")));
        return join(JoinType.INNER, ps, sn, eq(col(ps, "ps_suppkey"), col(s, "s_suppkey")));
    }

    private static LogicalPlan twoUses(LogicalPlan a, LogicalPlan b) {
        return join(JoinType.INNER, a, b, eq(col(a, "ps_partkey"), col(b, "ps_partkey")));
    }

    @Test
    void aJoinComputedTwiceIsComputedOnce() {
        LogicalPlan a = germanPartsupp(null), b = germanPartsupp(null);
        LogicalPlan shared = share(twoUses(a, b));
        LogicalPlan.MaterializedCte cte = (LogicalPlan.MaterializedCte) shared;
        LogicalPlan.Join top = (LogicalPlan.Join) cte.body();
        assertThat(top.left()).isInstanceOf(LogicalPlan.CteScan.class);
        assertThat(top.right()).isInstanceOf(LogicalPlan.CteScan.class);
        // each scan keeps the symbols of the copy it replaces, so everything above reads the same columns
        assertThat(top.left().outputs()).isEqualTo(a.outputs());
        assertThat(top.right().outputs()).isEqualTo(b.outputs());
        assertThat(shared.outputs()).isEqualTo(top.outputs());
    }

    @Test
    void differentSubplansAndVolatileOnesStayApart() {
        LogicalPlan a = germanPartsupp(null);
        Get ps = f.scan("partsupp"), s = f.scan("supplier");
        LogicalPlan other = join(JoinType.INNER, ps, s, eq(col(ps, "ps_suppkey"), col(s, "s_suppkey")));
        LogicalPlan p = twoUses(a, other);
        assertThat(share(p)).isSameAs(p);
        LogicalPlan random = twoUses(germanPartsupp(lit(0.5)), germanPartsupp(lit(0.5)));
        assertThat(share(random)).isSameAs(random);
    }

    @Test
    void smallSubplansAreRecomputed() {
        Get n1 = f.scan("nation"), r1 = f.scan("region"), n2 = f.scan("nation"), r2 = f.scan("region");
        LogicalPlan a = join(JoinType.INNER, n1, r1, eq(col(n1, "n_regionkey"), col(r1, "r_regionkey")));
        LogicalPlan b = join(JoinType.INNER, n2, r2, eq(col(n2, "n_regionkey"), col(r2, "r_regionkey")));
        LogicalPlan p = join(JoinType.INNER, a, b, eq(col(a, "n_nationkey"), col(b, "n_nationkey")));
        assertThat(share(p)).isSameAs(p);
    }
}
