package dev.mallard.optimizer;

import static dev.mallard.plan.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.expression.Expr;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Frame;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.Limit;
import dev.mallard.plan.LogicalPlan.SetOpKind;
import dev.mallard.plan.LogicalPlan.SetOperation;
import dev.mallard.plan.LogicalPlan.Sort;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.plan.LogicalPlan.Window;
import dev.mallard.plan.LogicalPlan.WindowCall;
import dev.mallard.plan.LogicalPlan.WindowFunctionKind;
import dev.mallard.plan.PlanFixtures;
import dev.mallard.types.LogicalType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushDownFiltersTest {
    private final PlanFixtures f = PlanFixtures.standard();
    private final Get t = f.scan("t");
    private final Get u = f.scan("u");
    private final Get v = f.scan("v");
    private final Expr a = col(t, "a");
    private final Expr b = col(t, "b");
    private final Expr x = col(u, "x");
    private final Expr y = col(u, "y");

    private static String push(LogicalPlan p) {
        return print(new PushDownFilters().apply(p));
    }

    @Test
    void commaJoinGetsItsConditionsAndFiltersGoToTheScans() {
        LogicalPlan p = filter(cross(cross(t, u), v), and(eq(a, x), cmp(">", b, lit(5)), eq(y, col(v, "p")),
                eq(col(v, "q"), lit(7))));
        assertThat(push(p)).isEqualTo("""
                Join[INNER, y#1 = p#2]
                  Join[INNER, a#3 = x#4]
                    Filter[b#5 > 5]
                      Get[t: a#3, b#5, c#6]
                    Get[u: x#4, y#1]
                  Filter[q#7 = 7]
                    Get[v: p#2, q#7]
                """);
    }

    @Test
    void equalitiesCarryConstantsToTheOtherSide() {
        LogicalPlan p = filter(cross(t, u), and(eq(a, x), eq(a, lit(3))));
        assertThat(push(p)).isEqualTo("""
                Join[INNER, a#1 = x#2]
                  Filter[a#1 = 3]
                    Get[t: a#1, b#3, c#4]
                  Filter[x#2 = 3]
                    Get[u: x#2, y#5]
                """);
    }

    @Test
    void throughProjectionBySubstitution() {
        LogicalPlan proj = project(t, "s", call("+", a, b), col(t, "c"));
        LogicalPlan p = filter(proj, and(cmp(">", col(proj, "s"), lit(0)), eq(col(proj, "c"), lit("k"))));
        assertThat(push(p)).isEqualTo("""
                Project[s#1 := a#2 + b#3, c#4]
                  Filter[((a#2 + b#3) > 0) AND (c#4 = 'k')]
                    Get[t: a#2, b#3, c#4]
                """);
    }

    @Test
    void belowAggregateOnlyForGroupKeys() {
        var cnt = agg("count_star");
        var g = aggregate(t, List.of(col(t, "a")), cnt);
        LogicalPlan p = filter(g, and(eq(g.outputs().get(0), lit(1)), cmp(">", cnt.output(), new Expr.Constant(2L, LogicalType.BIGINT))));
        assertThat(push(p)).isEqualTo("""
                Filter[count_star#1 > 2]
                  Aggregate[group by: a#2 := a#3; count_star#1 := count_star()]
                    Filter[a#3 = 1]
                      Get[t: a#3, b#4, c#5]
                """);
    }

    @Test
    void leftJoinPreservedSideOnlyUnlessTheFilterRejectsItsNulls() {
        LogicalPlan keep = filter(join(JoinType.LEFT, t, u, eq(a, x)), and(eq(b, lit(1)), new Expr.IsNull(y, false)));
        assertThat(push(keep)).isEqualTo("""
                Filter[y#1 IS NULL]
                  Join[LEFT, a#2 = x#3]
                    Filter[b#4 = 1]
                      Get[t: a#2, b#4, c#5]
                    Get[u: x#3, y#1]
                """);
        LogicalPlan inner = filter(join(JoinType.LEFT, t, u, and(eq(a, x), eq(y, lit(2)))), cmp(">", y, lit(0)));
        assertThat(push(inner)).isEqualTo("""
                Join[INNER, a#1 = x#2]
                  Get[t: a#1, b#3, c#4]
                  Filter[(y#5 > 0) AND (y#5 = 2)]
                    Get[u: x#2, y#5]
                """);
    }

    @Test
    void leftJoinConditionOnTheRightSideMovesIntoIt() {
        LogicalPlan p = join(JoinType.LEFT, t, u, and(eq(a, x), eq(y, lit(2)), eq(b, lit(3))));
        assertThat(push(p)).isEqualTo("""
                Join[LEFT, (a#1 = x#2) AND (b#3 = 3)]
                  Get[t: a#1, b#3, c#4]
                  Filter[y#5 = 2]
                    Get[u: x#2, y#5]
                """);
    }

    @Test
    void fullJoinBecomesLeftWhenLeftNullsAreRejected() {
        LogicalPlan p = filter(join(JoinType.FULL, t, u, eq(a, x)), eq(b, lit(1)));
        assertThat(push(p)).isEqualTo("""
                Join[LEFT, a#1 = x#2]
                  Filter[b#3 = 1]
                    Get[t: a#1, b#3, c#4]
                  Get[u: x#2, y#5]
                """);
    }

    @Test
    void semiJoinConditionPartsGoToTheirSides() {
        LogicalPlan p = filter(join(JoinType.SEMI, t, u, and(eq(a, x), cmp(">", y, lit(1)), eq(b, lit(2)))), eq(col(t, "c"), lit("k")));
        assertThat(push(p)).isEqualTo("""
                Join[SEMI, a#1 = x#2]
                  Filter[(c#3 = 'k') AND (b#4 = 2)]
                    Get[t: a#1, b#4, c#3]
                  Filter[y#5 > 1]
                    Get[u: x#2, y#5]
                """);
    }

    @Test
    void nullAwareAntiJoinKeepsItsFirstConjunct() {
        LogicalPlan p = new LogicalPlan.Join(JoinType.ANTI, t, u, and(eq(a, x), cmp(">", y, lit(1)), eq(b, lit(2))), null, true);
        assertThat(push(p)).isEqualTo("""
                Join[ANTI null-aware, (a#1 = x#2) AND (b#3 = 2)]
                  Get[t: a#1, b#3, c#4]
                  Filter[y#5 > 1]
                    Get[u: x#2, y#5]
                """);
    }

    @Test
    void windowOnlyForPartitionKeys() {
        var rn = ColumnIds.fresh("rn", LogicalType.BIGINT);
        LogicalPlan w = new Window(t, List.of(new WindowCall(rn, WindowFunctionKind.ROW_NUMBER, null, List.of(), false, null,
                false, List.of(a), List.of(new SortKey(b, true, false)), Frame.DEFAULT)));
        LogicalPlan p = filter(w, and(eq(a, lit(1)), eq(b, lit(2))));
        assertThat(push(p)).isEqualTo("""
                Filter[b#1 = 2]
                  Window[rn#2 := row_number() OVER (PARTITION BY a#3 ORDER BY b#1 ASC)]
                    Filter[a#3 = 1]
                      Get[t: a#3, b#1, c#4]
                """);
    }

    @Test
    void intoBothSidesOfASetOperationButNotThroughALimit() {
        var z = ColumnIds.fresh("z", LogicalType.INTEGER);
        LogicalPlan union = new SetOperation(SetOpKind.UNION, true, project(t, col(t, "a")), new Limit(project(u, col(u, "x")), 3, 0),
                List.of(z));
        assertThat(push(filter(union, eq(z, lit(1))))).isEqualTo("""
                UNION ALL[z#1]
                  Project[a#2]
                    Filter[a#2 = 1]
                      Get[t: a#2, b#3, c#4]
                  Filter[x#5 = 1]
                    Limit[3]
                      Project[x#5]
                        Get[u: x#5, y#6]
                """);
    }

    @Test
    void throughSortAndNeverMovingNonDeterministicConjuncts() {
        Expr random = cmp("<", call("random"), lit(0.5));
        LogicalPlan p = filter(new Sort(t, List.of(new SortKey(a, true, false))), and(random, eq(b, lit(1))));
        assertThat(push(p)).isEqualTo("""
                Filter[random() < 0.5]
                  Sort[a#1 ASC]
                    Filter[b#2 = 1]
                      Get[t: a#1, b#2, c#3]
                """);
    }
}
