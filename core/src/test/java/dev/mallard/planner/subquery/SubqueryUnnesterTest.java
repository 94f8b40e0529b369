package dev.mallard.planner.subquery;

import static dev.mallard.plan.PlanFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.expression.Expr;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.Limit;
import dev.mallard.plan.PlanFixtures;
import dev.mallard.types.LogicalType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan shapes subquery unnesting produces, one test per kind of subquery and place. (That the
 * shapes compute the right answers is {@link SubqueryEquivalenceTest}'s job.)
 */
class SubqueryUnnesterTest {
    private final PlanFixtures f = PlanFixtures.standard();
    private final Get t = f.scan("t");
    private final Get u = f.scan("u");
    private final Get v = f.scan("v");

    private static void assertUnnested(LogicalPlan plan, String expected) {
        LogicalPlan out = SubqueryUnnester.unnest(plan);
        SubqueryEquivalenceTest.assertNoSubqueries(out);
        assertThat(out.outputs()).isEqualTo(plan.outputs());
        assertThat(print(out)).isEqualTo(expected);
    }

    private Expr a() {
        return col(t, "a");
    }

    private Expr b() {
        return col(t, "b");
    }

    private Expr x() {
        return col(u, "x");
    }

    private Expr y() {
        return col(u, "y");
    }

    @Test
    void planWithoutSubqueriesIsUnchanged() {
        LogicalPlan plan = project(filter(t, eq(a(), lit(1))), col(t, "a"));
        assertThat(SubqueryUnnester.unnest(plan)).isSameAs(plan);
    }

    @Test
    void correlatedExistsInWhereBecomesSemiJoinOnThePulledUpPredicate() {
        LogicalPlan plan = project(filter(t, exists(project(filter(u, and(eq(x(), a()), cmp(">", y(), lit(3)))), col(u, "y")))),
                col(t, "a"));
        assertUnnested(plan, """
                Project[a#1]
                  Join[SEMI, x#2 = a#1]
                    Get[t: a#1, b#3, c#4]
                    Project[y#5, x#2]
                      Filter[y#5 > 3]
                        Get[u: x#2, y#5]
                """);
    }

    @Test
    void notExistsBecomesAntiJoinKeepingNonEqualityCorrelation() {
        LogicalPlan plan = project(filter(t, and(eq(b(), lit(1)), not(exists(filter(u, and(eq(x(), a()), cmp("<>", y(), b()))))))),
                col(t, "a"));
        assertUnnested(plan, """
                Project[a#1]
                  Filter[b#2 = 1]
                    Join[ANTI, (x#3 = a#1) AND (y#4 <> b#2)]
                      Get[t: a#1, b#2, c#5]
                      Get[u: x#3, y#4]
                """);
    }

    @Test
    void uncorrelatedInBecomesSemiJoin() {
        LogicalPlan plan = project(filter(t, in(a(), project(u, col(u, "x")))), col(t, "a"));
        assertUnnested(plan, """
                Project[a#1]
                  Join[SEMI, a#1 = x#2]
                    Get[t: a#1, b#3, c#4]
                    Project[x#2]
                      Get[u: x#2, y#5]
                """);
    }

    @Test
    void notInBecomesNullAwareAntiJoinWithTheComparisonFirst() {
        LogicalPlan plan = project(filter(t, not(in(a(), project(filter(u, eq(y(), b())), col(u, "x"))))), col(t, "a"));
        assertUnnested(plan, """
                Project[a#1]
                  Join[ANTI null-aware, (a#1 = x#2) AND (y#3 = b#4)]
                    Get[t: a#1, b#4, c#5]
                    Project[x#2, y#3]
                      Get[u: x#2, y#3]
                """);
    }

    @Test
    void inOutsideWhereBecomesNullAwareMarkJoin() {
        LogicalPlan plan = project(t, col(t, "a"), "found", in(a(), project(u, col(u, "x"))));
        assertUnnested(plan, """
                Project[a#1, found#2 := in#3]
                  Join[MARK null-aware in#3, a#1 = x#4]
                    Get[t: a#1, b#5, c#6]
                    Project[x#4]
                      Get[u: x#4, y#7]
                """);
    }

    @Test
    void existsInsideOrBecomesMarkJoinReadAsCoalesce() {
        LogicalPlan plan = project(filter(t, or(eq(b(), lit(1)), exists(filter(u, eq(x(), a()))))), col(t, "a"));
        assertUnnested(plan, """
                Project[a#1]
                  Project[a#1, b#2, c#3]
                    Filter[(b#2 = 1) OR coalesce(exists#4, false)]
                      Join[MARK exists#4, x#5 = a#1]
                        Get[t: a#1, b#2, c#3]
                        Get[u: x#5, y#6]
                """);
    }

    @Test
    void uncorrelatedScalarAggregateIsACrossJoinWithItsOneRow() {
        var m = agg("max", x());
        LogicalPlan plan = project(filter(t, cmp(">", a(), scalar(project(aggregate(u, List.of(), m), "m", m.output())))),
                col(t, "a"));
        assertUnnested(plan, """
                Project[a#1]
                  Project[a#1, b#2, c#3]
                    Filter[a#1 > m#4]
                      Join[CROSS]
                        Get[t: a#1, b#2, c#3]
                        Project[m#4 := max#5]
                          Aggregate[max#5 := max(x#6)]
                            Get[u: x#6, y#7]
                """);
    }

    @Test
    void uncorrelatedScalarThatMayReturnManyRowsIsASingleJoin() {
        LogicalPlan plan = project(t, col(t, "a"), "y", scalar(project(filter(u, eq(x(), lit(1))), col(u, "y"))));
        assertUnnested(plan, """
                Project[a#1, y#2 := y#3]
                  Join[SINGLE]
                    Get[t: a#1, b#4, c#5]
                    Project[y#3]
                      Filter[x#6 = 1]
                        Get[u: x#6, y#3]
                """);
    }

    @Test
    void correlatedCountBecomesLeftJoinToGroupedCountWithCoalesce() {
        var cnt = agg("count_star");
        LogicalPlan sub = project(aggregate(filter(u, eq(x(), a())), List.of(), cnt), "cnt", cnt.output());
        LogicalPlan plan = project(t, col(t, "a"), "n", scalar(sub));
        assertUnnested(plan, """
                Project[a#1, n#2 := cnt#3]
                  Project[a#1, b#4, c#5, cnt#3 := coalesce(count_star#6, 0)]
                    Join[LEFT, x#7 = a#1]
                      Get[t: a#1, b#4, c#5]
                      Aggregate[group by: x#7 := x#8; count_star#6 := count_star()]
                        Get[u: x#8, y#9]
                """);
    }

    @Test
    void correlatedAggregateUnderArithmeticIsEvaluatedAboveTheJoin() {
        // TPC-H Q17: l_quantity < (SELECT 0.2 * avg(l_quantity) FROM lineitem WHERE l_partkey = p_partkey)
        var avg = agg("avg", y());
        LogicalPlan sub = project(aggregate(filter(u, eq(x(), a())), List.of(), avg), "v", call("*", lit(0.2), avg.output()));
        LogicalPlan plan = project(filter(t, cmp("<", b(), scalar(sub))), col(t, "a"));
        assertUnnested(plan, """
                Project[a#1]
                  Project[a#1, b#2, c#3]
                    Filter[CAST(b#2 AS DOUBLE) < v#4]
                      Project[a#1, b#2, c#3, v#4 := 0.2 * avg#5]
                        Join[LEFT, x#6 = a#1]
                          Get[t: a#1, b#2, c#3]
                          Aggregate[group by: x#6 := x#7; avg#5 := avg(y#8)]
                            Get[u: x#7, y#8]
                """);
    }

    @Test
    void quantifiedComparisonWithoutHashableOperatorUsesMinMaxAggregate() {
        LogicalPlan plan = project(t, "lt", any(a(), "<", project(filter(u, eq(y(), b())), col(u, "x"))));
        assertUnnested(plan, """
                Project[lt#1 := CASE WHEN count_star#2 = 0 THEN false WHEN a#3 < max#4 THEN true WHEN (a#3 IS NULL) OR (count#5 < count_star#2) THEN NULL ELSE false END]
                  Project[a#3, b#6, c#7, count_star#2 := coalesce(count_star#8, 0), count#5 := coalesce(count#9, 0), max#4 := max#10]
                    Join[LEFT, y#11 = b#6]
                      Get[t: a#3, b#6, c#7]
                      Aggregate[group by: y#11 := y#12; count_star#8 := count_star(), count#9 := count(x#13), max#10 := max(x#13)]
                        Project[x#13, y#12]
                          Get[u: x#13, y#12]
                """);
    }

    @Test
    void comparisonWithOneRowSubqueryIsAPlainComparison() {
        var m = agg("max", x());
        LogicalPlan plan = project(t, "eq", any(a(), "=", project(aggregate(u, List.of(), m), "m", m.output())));
        assertUnnested(plan, """
                Project[eq#1 := a#2 = m#3]
                  Join[CROSS]
                    Get[t: a#2, b#4, c#5]
                    Project[m#3 := max#6]
                      Aggregate[max#6 := max(x#7)]
                        Get[u: x#7, y#8]
                """);
    }

    @Test
    void correlationInsideAJoinUsesTheDomainOfTheOuterColumns() {
        var cnt = agg("count_star");
        LogicalPlan sub = project(aggregate(join(JoinType.INNER, u, v, and(eq(x(), col(v, "p")), eq(col(v, "q"), b()))),
                List.of(), cnt), "n", cnt.output());
        LogicalPlan plan = project(t, col(t, "a"), "n", scalar(sub));
        assertUnnested(plan, """
                Project[a#1, n#2 := n#3]
                  Join[LEFT, b#4 IS NOT DISTINCT FROM b#5]
                    Get[t: a#1, b#4, c#6]
                    Project[n#3 := count_star#7, b#5]
                      Project[b#5, count_star#7 := coalesce(count_star#8, 0)]
                        Join[LEFT, b#5 IS NOT DISTINCT FROM b#9]
                          Aggregate[group by: b#5 := b#10]
                            Get[t: a#11, b#10, c#12]
                          Aggregate[group by: b#9 := b#13; count_star#8 := count_star()]
                            Join[INNER, (x#14 = p#15) AND (q#16 = b#13)]
                              Join[CROSS]
                                Aggregate[group by: b#13 := b#17]
                                  Get[t: a#18, b#17, c#19]
                                Get[u: x#14, y#20]
                              Get[v: p#15, q#16]
                """);
    }

    @Test
    void correlatedLimitBecomesRowNumberPerOuterValue() {
        LogicalPlan sub = new Limit(project(filter(u, eq(y(), b())), col(u, "x")), 1, 0);
        LogicalPlan plan = project(t, col(t, "a"), "first", scalar(sub));
        assertUnnested(plan, """
                Project[a#1, first#2 := x#3]
                  Join[LEFT, b#4 IS NOT DISTINCT FROM b#5]
                    Get[t: a#1, b#4, c#6]
                    Project[x#3, b#5]
                      Filter[row_number#7 <= 1]
                        Window[row_number#7 := row_number() OVER (PARTITION BY b#5 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)]
                          Project[x#3, b#5]
                            Filter[y#8 = b#5]
                              Join[CROSS]
                                Aggregate[group by: b#5 := b#9]
                                  Get[t: a#10, b#9, c#11]
                                Get[u: x#3, y#8]
                """);
    }

    @Test
    void nestedSubqueryReadingTheOutermostQueryIsDecorrelatedAtTheOuterLevel() {
        LogicalPlan inner = filter(v, and(eq(col(v, "p"), y()), eq(col(v, "q"), b())));
        LogicalPlan plan = project(filter(t, exists(filter(u, and(eq(x(), a()), exists(inner))))), col(t, "a"));
        // The inner EXISTS reads u.y (its own level: pulled into its semi join) and t.b (two levels
        // up: left in place). The outer level then pushes the domain of (t.a, t.b) into both.
        assertUnnested(plan, """
                Project[a#1]
                  Join[SEMI, (a#1 IS NOT DISTINCT FROM a#2) AND (b#3 IS NOT DISTINCT FROM b#4)]
                    Get[t: a#1, b#3, c#5]
                    Filter[x#6 = a#2]
                      Join[SEMI, (p#7 = y#8) AND (a#2 IS NOT DISTINCT FROM a#9) AND (b#4 IS NOT DISTINCT FROM b#10)]
                        Join[CROSS]
                          Aggregate[group by: a#2 := a#11, b#4 := b#12]
                            Get[t: a#11, b#12, c#13]
                          Get[u: x#6, y#8]
                        Filter[q#14 = b#10]
                          Join[CROSS]
                            Aggregate[group by: a#9 := a#15, b#10 := b#16]
                              Get[t: a#15, b#16, c#17]
                            Get[v: p#7, q#14]
                """);
    }

    @Test
    void lateralJoinPullsTheCorrelatedPredicateIntoTheJoin() {
        LogicalPlan plan = project(join(JoinType.INNER, t, project(filter(u, eq(y(), b())), col(u, "x")), null),
                col(t, "a"), col(u, "x"));
        assertUnnested(plan, """
                Project[a#1, x#2]
                  Project[a#1, b#3, c#4, x#2]
                    Join[INNER, y#5 = b#3]
                      Get[t: a#1, b#3, c#4]
                      Project[x#2, y#5]
                        Get[u: x#2, y#5]
                """);
    }

    @Test
    void subqueryInLeftJoinConditionIsPlannedOnTheSideItReads() {
        var cond = and(eq(x(), a()), exists(filter(v, eq(col(v, "p"), y()))));
        LogicalPlan plan = project(join(JoinType.LEFT, t, u, cond), col(t, "a"), col(u, "y"));
        assertUnnested(plan, """
                Project[a#1, y#2]
                  Project[a#1, b#3, c#4, x#5, y#2]
                    Join[LEFT, (x#5 = a#1) AND coalesce(exists#6, false)]
                      Get[t: a#1, b#3, c#4]
                      Join[MARK exists#6, p#7 = y#2]
                        Get[u: x#5, y#2]
                        Get[v: p#7, q#8]
                """);
    }

    @Test
    void orderByAndDistinctDoNotMatterToIn() {
        var distinct = aggregate(filter(u, eq(y(), b())), List.of(col(u, "x")));
        var sorted = new LogicalPlan.Sort(distinct, List.of(new LogicalPlan.SortKey(distinct.outputs().get(0), true, false)));
        LogicalPlan plan = project(filter(t, in(a(), sorted)), col(t, "a"));
        assertUnnested(plan, """
                Project[a#1]
                  Join[SEMI, (a#1 = x#2) AND (y#3 = b#4)]
                    Get[t: a#1, b#4, c#5]
                    Project[x#2 := x#6, y#3]
                      Get[u: x#6, y#3]
                """);
    }

    @Test
    void correlatedValuesBecomeProjectionsOfTheDomain() {
        var c0 = ColumnIds.fresh("col0", LogicalType.INTEGER);
        var values = new LogicalPlan.Values(List.of(c0), List.of(List.of(a()), List.of(lit(2))));
        var m = agg("max", c0);
        LogicalPlan plan = project(t, "m", scalar(project(aggregate(values, List.of(), m), "m", m.output())));
        LogicalPlan out = SubqueryUnnester.unnest(plan);
        SubqueryEquivalenceTest.assertNoSubqueries(out);
        assertThat(print(out)).contains("UNION ALL[", "Project[col0#", "Aggregate[group by: a#");
    }
}
