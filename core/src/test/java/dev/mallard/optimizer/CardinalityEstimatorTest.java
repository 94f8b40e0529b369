package dev.mallard.optimizer;

import static dev.mallard.plan.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mallard.expression.Expr;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.PlanFixtures;
import dev.mallard.types.LogicalType;
import org.junit.jupiter.api.Test;

class CardinalityEstimatorTest {
    private final PlanFixtures f = PlanFixtures.tpch();

    private static Expr date(int days) {
        return new Expr.Constant(days, LogicalType.DATE);
    }

    @Test
    void equalityUsesTheColumnsDistinctCount() {
        Get p = f.scan("part");
        CardinalityEstimator withStats = new CardinalityEstimator(PlanFixtures.tpchStatistics());
        CardinalityEstimator without = new CardinalityEstimator(PlanFixtures::tpchRowCounts);
        var typeFilter = filter(p, eq(col(p, "p_type"), lit("ECONOMY ANODIZED STEEL")));
        assertThat(withStats.rows(typeFilter)).isCloseTo(200_000 / 150.0, within(1.0));
        assertThat(without.rows(typeFilter)).isCloseTo(20_000, within(1.0));
    }

    @Test
    void boundsOnOneColumnCoverOneShareOfItsRange() {
        Get o = f.scan("orders");
        CardinalityEstimator e = new CardinalityEstimator(PlanFixtures.tpchStatistics());
        // o_orderdate spans days 8035..10440; a quarter from 1993-07-01 (8582) to 1993-10-01 (8674)
        var quarter = filter(o, and(cmp(">=", col(o, "o_orderdate"), date(8582)), cmp("<", col(o, "o_orderdate"), date(8674))));
        assertThat(e.rows(quarter)).isCloseTo(1_500_000 * 92.0 / 2405, within(100.0));
        // constant first, and a bound outside the range
        Get o2 = f.scan("orders");
        var after = filter(o2, and(cmp("<", date(9000), col(o2, "o_orderdate")), cmp(">=", col(o2, "o_orderdate"), date(0))));
        assertThat(e.rows(after)).isCloseTo(1_500_000 * 1440.0 / 2405, within(100.0));
        // a range entirely outside the values still keeps one value's share
        Get o3 = f.scan("orders");
        var none = filter(o3, cmp(">", col(o3, "o_orderdate"), date(20000)));
        assertThat(e.rows(none)).isCloseTo(1_500_000 / 2406.0, within(1.0));
    }

    @Test
    void decimalConstantsAreRescaledToTheColumn() {
        PlanFixtures g = PlanFixtures.standard();
        g.table("t", "q DECIMAL(15,2)");
        Get t = g.scan("t");
        // q holds 1.00 .. 50.00, stored scaled as 100 .. 5000
        CardinalityEstimator e = new CardinalityEstimator(new TableStatistics() {
            @Override
            public long rowCount(dev.mallard.catalog.TableEntry table) {
                return 10_000;
            }

            @Override
            public ColumnStats column(dev.mallard.catalog.TableEntry table, int column) {
                return new ColumnStats(50, 100, 5000);
            }
        });
        // as bound: the column widened to the common type, the constant cast and then folded
        var q = new FoldConstants().apply(filter(t, cmp("<", col(t, "q"), new Expr.Constant(24L, LogicalType.BIGINT))));
        assertThat(e.rows(q)).isCloseTo(10_000 * (2400 - 100) / 4900.0, within(1.0));
    }
}
