package dev.mallard.optimizer;

import static dev.mallard.plan.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.expression.Expr;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlanPrinter;
import dev.mallard.plan.PlanFixtures;
import dev.mallard.types.LogicalType;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldConstantsTest {
    private final PlanFixtures f = PlanFixtures.standard();
    private final Get t = f.scan("t");
    private final Expr a = col(t, "a");
    private final Expr b = col(t, "b");

    private static String fold(LogicalPlan p) {
        return print(new FoldConstants().apply(p));
    }

    private static String simplify(Expr e) {
        return LogicalPlanPrinter.renumber(LogicalPlanPrinter.print(ExpressionSimplifier.simplify(e)));
    }

    @Test
    void foldsConstantArithmeticInsideAPredicate() {
        assertThat(fold(filter(t, cmp(">", a, call("+", lit(2), lit(3)))))).isEqualTo("""
                Filter[a#1 > 5]
                  Get[t: a#1, b#2, c#3]
                """);
    }

    @Test
    void filterThatFoldsToTrueDisappears() {
        assertThat(fold(filter(t, or(eq(a, lit(1)), eq(lit(1), lit(1)))))).isEqualTo("""
                Get[t: a#1, b#2, c#3]
                """);
    }

    @Test
    void filterThatFoldsToFalseIsLeftForPropagateEmpty() {
        assertThat(fold(filter(t, and(eq(a, lit(1)), cmp("<", lit(2), lit(1)))))).isEqualTo("""
                Filter[false]
                  Get[t: a#1, b#2, c#3]
                """);
    }

    @Test
    void booleanIdentities() {
        assertThat(simplify(and(eq(a, lit(1)), lit(true)))).isEqualTo("a#1 = 1");
        assertThat(simplify(or(eq(a, lit(1)), lit(false)))).isEqualTo("a#1 = 1");
        assertThat(simplify(and(eq(a, lit(1)), eq(a, lit(1))))).isEqualTo("a#1 = 1");
        assertThat(simplify(not(not(eq(a, lit(1)))))).isEqualTo("a#1 = 1");
        assertThat(simplify(not(cmp("<", a, lit(1))))).isEqualTo("a#1 >= 1");
        assertThat(simplify(not(new Expr.IsNull(a, false)))).isEqualTo("a#1 IS NOT NULL");
        assertThat(simplify(and(eq(a, lit(1)), nullOf(LogicalType.BOOLEAN)))).isEqualTo("(a#1 = 1) AND NULL");
        assertThat(simplify(and(eq(a, lit(1)), nullOf(LogicalType.BOOLEAN), lit(false)))).isEqualTo("false");
        assertThat(simplify(or(nullOf(LogicalType.BOOLEAN), lit(true)))).isEqualTo("true");
        assertThat(simplify(new Expr.IsNull(nullOf(LogicalType.INTEGER), false))).isEqualTo("true");
    }

    @Test
    void commonConjunctsMoveOutOfDisjunctions() {
        Expr c = col(t, "c");
        assertThat(simplify(or(and(eq(a, lit(1)), eq(b, lit(2))), and(eq(a, lit(1)), eq(c, lit("x"))))))
                .isEqualTo("(a#1 = 1) AND ((b#2 = 2) OR (c#3 = 'x'))");
        assertThat(simplify(or(eq(a, lit(1)), and(eq(a, lit(1)), eq(b, lit(2)))))).isEqualTo("a#1 = 1");
    }

    @Test
    void castOfAColumnComparedWithAConstantIsUnwrapped() {
        Expr wide = new Expr.Cast(a, LogicalType.BIGINT, false);
        assertThat(simplify(cmp("<", wide, new Expr.Constant(5L, LogicalType.BIGINT)))).isEqualTo("a#1 < 5");
        // Out of INTEGER range: the constant does not convert back, the cast stays.
        assertThat(simplify(cmp("<", wide, new Expr.Constant(5_000_000_000L, LogicalType.BIGINT))))
                .isEqualTo("CAST(a#1 AS BIGINT) < 5000000000");
        f.table("d", "day DATE");
        Expr day = col(f.scan("d"), "day");
        Expr ts = new Expr.Cast(day, LogicalType.TIMESTAMP, false);
        long midnight = java.time.LocalDate.parse("1995-01-01").toEpochDay() * 86_400_000_000L;
        assertThat(simplify(cmp(">=", ts, new Expr.Constant(midnight, LogicalType.TIMESTAMP))))
                .isEqualTo("day#1 >= DATE '1995-01-01'");
        assertThat(simplify(cmp(">=", ts, new Expr.Constant(midnight + 1, LogicalType.TIMESTAMP))))
                .startsWith("CAST(day#1 AS TIMESTAMP) >= TIMESTAMP '1995-01-01 00:00:00.000001'");
    }

    @Test
    void caseAndCoalesceDropConstantBranches() {
        Expr c = new Expr.Case(List.of(new Expr.When(lit(false), b), new Expr.When(eq(lit(1), lit(1)), a)), b, LogicalType.INTEGER);
        assertThat(simplify(c)).isEqualTo("a#1");
        Expr co = new Expr.Coalesce(List.of(nullOf(LogicalType.INTEGER), a, lit(1), b), LogicalType.INTEGER);
        assertThat(simplify(co)).isEqualTo("coalesce(a#1, 1)");
    }

    @Test
    void failingConstantIsKeptSoTheErrorAppearsOnlyIfEvaluated() {
        Expr divide = call("/", lit(1), lit(0));
        assertThat(simplify(eq(a, divide))).endsWith("= (1 / 0)");
    }

    @Test
    void nonDeterministicCallsAreNotFolded() {
        Expr r = call("random");
        assertThat(simplify(cmp("<", r, lit(0.5)))).isEqualTo("random() < 0.5");
    }

    @Test
    void trueJoinConditionBecomesCrossJoin() {
        Get u = f.scan("u");
        assertThat(fold(join(JoinType.INNER, t, u, eq(lit(1), lit(1))))).isEqualTo("""
                Join[CROSS]
                  Get[t: a#1, b#2, c#3]
                  Get[u: x#4, y#5]
                """);
    }
}
