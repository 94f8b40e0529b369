package dev.mallard.optimizer;

import static dev.mallard.plan.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.catalog.TableEntry;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.PlanFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReorderJoinsTest {
    private final PlanFixtures f = PlanFixtures.tpch();

    private static String reorder(LogicalPlan p, TableStatistics stats) {
        return print(new ReorderJoins(new CardinalityEstimator(stats)).apply(p));
    }

    private static String reorder(LogicalPlan p) {
        return reorder(p, PlanFixtures::tpchRowCounts);
    }

    @Test
    void filteredDimensionJoinsFirstAndSmallerInputsBuild() {
        // lineitem ⋈ orders ⋈ σ(customer), written in the worst order.
        Get c = f.scan("customer"), o = f.scan("orders"), l = f.scan("lineitem");
        LogicalPlan seg = filter(c, eq(col(c, "c_mktsegment"), lit("BUILDING")));
        LogicalPlan p = join(JoinType.INNER, join(JoinType.INNER, seg, l, null), o,
                and(eq(col(c, "c_custkey"), col(o, "o_custkey")), eq(col(l, "l_orderkey"), col(o, "o_orderkey"))));
        String plan = reorder(p);
        assertThat(plan).isEqualTo("""
                Join[INNER, l_orderkey#1 = o_orderkey#2]
                  Get[lineitem: l_orderkey#1, l_partkey#3, l_suppkey#4, l_linenumber#5, l_quantity#6, l_extendedprice#7, l_discount#8, l_tax#9, l_returnflag#10, l_linestatus#11, l_shipdate#12, l_commitdate#13, l_receiptdate#14, l_shipinstruct#15, l_shipmode#16, l_comment#17]
                  Join[INNER, c_custkey#18 = o_custkey#19]
                    Get[orders: o_orderkey#2, o_custkey#19, o_orderstatus#20, o_totalprice#21, o_orderdate#22, o_orderpriority#23, o_clerk#24, o_shippriority#25, o_comment#26]
                    Filter[c_mktsegment#27 = 'BUILDING']
                      Get[customer: c_custkey#18, c_name#28, c_address#29, c_nationkey#30, c_phone#31, c_acctbal#32, c_mktsegment#27, c_comment#33]
                """);
    }

    @Test
    void neverACrossProductWhenTheGraphIsConnected() {
        // region - nation - supplier: region and supplier are both small relative to a cross
        // product with nation, but they share no predicate.
        Get r = f.scan("region"), n = f.scan("nation"), s = f.scan("supplier");
        LogicalPlan p = join(JoinType.INNER, join(JoinType.INNER, r, s, null), n,
                and(eq(col(r, "r_regionkey"), col(n, "n_regionkey")), eq(col(s, "s_nationkey"), col(n, "n_nationkey"))));
        String plan = reorder(p, t -> Map.of("region", 5L, "nation", 25L, "supplier", 30L).get(t.name()));
        assertThat(plan).doesNotContain("CROSS");
        assertThat(plan).startsWith("Join[INNER, s_nationkey");
    }

    @Test
    void disconnectedInputsAreCrossJoinedLastSmallestFirst() {
        Get r = f.scan("region"), n = f.scan("nation"), c = f.scan("customer");
        LogicalPlan p = join(JoinType.INNER, join(JoinType.INNER, c, r, null), n, eq(col(c, "c_nationkey"), col(n, "n_nationkey")));
        String plan = reorder(p);
        List<String> lines = plan.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Join[CROSS]");
        assertThat(lines.get(1)).startsWith("  Join[INNER, c_nationkey");
        assertThat(lines.get(lines.size() - 1)).startsWith("  Get[region:");
    }

    @Test
    void leftJoinWithTheBigSideOnTheRightFlipsToRightJoin() {
        Get c = f.scan("customer"), o = f.scan("orders");
        LogicalPlan p = join(JoinType.LEFT, c, o, eq(col(c, "c_custkey"), col(o, "o_custkey")));
        assertThat(reorder(p)).startsWith("Join[RIGHT, c_custkey#1 = o_custkey#2]\n  Get[orders:");
    }

    @Test
    void semiJoinKeepsItsOrientation() {
        Get c = f.scan("customer"), o = f.scan("orders");
        LogicalPlan p = join(JoinType.SEMI, c, o, eq(col(c, "c_custkey"), col(o, "o_custkey")));
        assertThat(reorder(p)).startsWith("Join[SEMI, c_custkey#1 = o_custkey#2]\n  Get[customer:");
    }

    @Test
    void manyRelationsUseTheGreedyOrderWithoutCrossProducts() {
        // A chain of 12 relations (beyond the dynamic programming limit).
        PlanFixtures g = new PlanFixtures();
        LogicalPlan acc = null;
        LogicalPlan prev = null;
        for (int i = 0; i < 12; i++) {
            g.table("r" + i, "k INTEGER", "next INTEGER");
            Get s = g.scan("r" + i);
            acc = acc == null ? s : join(JoinType.INNER, acc, s, eq(col(prev, "next"), col(s, "k")));
            prev = s;
        }
        String plan = reorder(acc, (TableEntry t) -> 100L * (1 + Integer.parseInt(t.name().substring(1))));
        assertThat(plan).doesNotContain("CROSS");
        assertThat(plan.lines().filter(l -> l.contains("Join[")).count()).isEqualTo(11);
    }
}
