package dev.mallard.plan;

import static dev.mallard.plan.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.Constant;
import dev.mallard.plan.LogicalPlan.Frame;
import dev.mallard.plan.LogicalPlan.FrameBound;
import dev.mallard.plan.LogicalPlan.BoundKind;
import dev.mallard.plan.LogicalPlan.FrameUnit;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogicalPlanPrinterTest {
    private final PlanFixtures f = PlanFixtures.standard();
    private final Get t = f.scan("t");
    private final Get u = f.scan("u");

    @Test
    void printsOneNodePerLineIndentedWithKeyDetails() {
        var s = agg("sum", col(t, "b"));
        var g = aggregate(filter(join(JoinType.INNER, t, u, eq(col(t, "a"), col(u, "x"))), cmp(">", col(u, "y"), lit(1))),
                List.of(col(t, "a")), s);
        LogicalPlan plan = new LogicalPlan.TopN(project(g, g.outputs().get(0), "total", s.output()),
                List.of(new SortKey(s.output(), false, true)), 10, 5);
        assertThat(print(plan)).isEqualTo("""
                TopN[10 OFFSET 5, sum#1 DESC NULLS FIRST]
                  Project[a#2, total#3 := sum#1]
                    Aggregate[group by: a#2 := a#4; sum#1 := sum(b#5)]
                      Filter[y#6 > 1]
                        Join[INNER, a#4 = x#7]
                          Get[t: a#4, b#5, c#8]
                          Get[u: x#7, y#6]
                """);
    }

    @Test
    void joinKindsMarksAndNullAwareness() {
        var mark = ColumnIds.fresh("in", LogicalType.BOOLEAN);
        assertThat(print(new LogicalPlan.Join(JoinType.MARK, t, u, eq(col(t, "a"), col(u, "x")), mark, true)))
                .startsWith("Join[MARK null-aware in#1, a#2 = x#3]");
        assertThat(print(cross(t, u))).startsWith("Join[CROSS]");
        assertThat(print(join(JoinType.ANTI, t, u, null))).startsWith("Join[ANTI]");
    }

    @Test
    void constantsInSqlSpelling() {
        assertThat(LogicalPlanPrinter.print(new Constant("it's", LogicalType.VARCHAR))).isEqualTo("'it''s'");
        assertThat(LogicalPlanPrinter.print(new Constant(1234L, LogicalType.decimal(15, 2)))).isEqualTo("12.34");
        assertThat(LogicalPlanPrinter.print(new Constant(new BigInteger("-5"), LogicalType.decimal(38, 3)))).isEqualTo("-0.005");
        assertThat(LogicalPlanPrinter.print(date("1995-03-15"))).isEqualTo("DATE '1995-03-15'");
        assertThat(LogicalPlanPrinter.print(new Constant(86_400_000_001L, LogicalType.TIMESTAMP)))
                .isEqualTo("TIMESTAMP '1970-01-02 00:00:00.000001'");
        assertThat(LogicalPlanPrinter.print(new Constant(new Interval(1, 2, 0), LogicalType.INTERVAL)))
                .isEqualTo("INTERVAL '1 months 2 days'");
        assertThat(LogicalPlanPrinter.print(new Constant(2.0, LogicalType.DOUBLE))).isEqualTo("2.0");
        assertThat(LogicalPlanPrinter.print(new Constant(null, LogicalType.INTEGER))).isEqualTo("NULL");
        assertThat(LogicalPlanPrinter.print(lit(true))).isEqualTo("true");
    }

    @Test
    void expressionsReadLikeSql() {
        Expr a = col(t, "a");
        Expr e = and(or(eq(a, lit(1)), new Expr.IsNull(a, false)), not(cmp("<", call("+", a, lit(2)), lit(3))),
                new Expr.InList(a, List.of(lit(1), lit(2)), true), new Expr.Cast(a, LogicalType.BIGINT, true));
        assertThat(LogicalPlanPrinter.renumber(LogicalPlanPrinter.print(e)))
                .isEqualTo("((a#1 = 1) OR (a#1 IS NULL)) AND (NOT ((a#1 + 2) < 3)) AND (a#1 NOT IN (1, 2)) AND TRY_CAST(a#1 AS BIGINT)");
        Expr c = new Expr.Case(List.of(new Expr.When(eq(a, lit(1)), lit("one"))), lit("other"), LogicalType.VARCHAR);
        assertThat(LogicalPlanPrinter.renumber(LogicalPlanPrinter.print(c))).isEqualTo("CASE WHEN a#1 = 1 THEN 'one' ELSE 'other' END");
    }

    @Test
    void subqueriesPrintTheirPlansUnderTheNode() {
        LogicalPlan plan = filter(t, in(col(t, "a"), project(u, col(u, "x"))));
        assertThat(print(plan)).isEqualTo("""
                Filter[a#1 = ANY <subquery 1>]
                  <subquery 1>
                    Project[x#2]
                      Get[u: x#2, y#3]
                  Get[t: a#1, b#4, c#5]
                """);
    }

    @Test
    void windowsSetOperationsValuesAndEmpty() {
        var rn = ColumnIds.fresh("rn", LogicalType.BIGINT);
        Frame frame = new Frame(FrameUnit.ROWS, new FrameBound(BoundKind.PRECEDING, lit(2)), new FrameBound(BoundKind.CURRENT_ROW, null));
        LogicalPlan w = new LogicalPlan.Window(t, List.of(new LogicalPlan.WindowCall(rn, LogicalPlan.WindowFunctionKind.ROW_NUMBER,
                null, List.of(), false, null, false, List.of(col(t, "a")), List.of(new SortKey(col(t, "b"), true, false)), frame)));
        assertThat(print(w)).startsWith(
                "Window[rn#1 := row_number() OVER (PARTITION BY a#2 ORDER BY b#3 ASC ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)]");
        var z = ColumnIds.fresh("z", LogicalType.INTEGER);
        var values = new LogicalPlan.Values(List.of(z), List.of(List.of(lit(1)), List.of(lit(2))));
        assertThat(print(values)).isEqualTo("Values[z#1: (1), (2)]\n");
        var o = ColumnIds.fresh("o", LogicalType.INTEGER);
        assertThat(print(new LogicalPlan.SetOperation(LogicalPlan.SetOpKind.EXCEPT, true, values, new LogicalPlan.Empty(List.of(z)),
                List.of(o)))).startsWith("EXCEPT ALL[o#1]\n  Values[z#2: (1), (2)]\n  Empty[z#2]");
    }

    @Test
    void stableNumberingFollowsFirstAppearance() {
        assertThat(LogicalPlanPrinter.renumber("x#17 y#4 x#17 z#99")).isEqualTo("x#1 y#2 x#1 z#3");
    }
}
