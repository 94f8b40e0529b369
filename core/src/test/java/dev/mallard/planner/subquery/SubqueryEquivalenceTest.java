package dev.mallard.planner.subquery;

import static dev.mallard.plan.PlanFixtures.*;

import dev.mallard.expression.Expr;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.Limit;
import dev.mallard.plan.LogicalPlan.SetOpKind;
import dev.mallard.plan.LogicalPlan.SetOperation;
import dev.mallard.plan.LogicalPlan.Sort;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.plan.LogicalPlan.Values;
import dev.mallard.plan.EquivalenceCheck;
import dev.mallard.plan.PlanFixtures;
import dev.mallard.plan.ColumnIds;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unnesting and optimizing must not change answers. Each query is evaluated by the naive
 * {@link ReferenceInterpreter} (subqueries run per outer row, as SQL defines them) before and
 * after {@link SubqueryUnnester#unnest} and {@link Optimizer#optimize}, on a few hundred random
 * little tables full of NULLs, duplicates and empty inputs.
 */
class SubqueryEquivalenceTest {
    private static final int DATASETS = 200;

    /** A named query over tables t(a, b, c), u(x, y), v(p, q). */
    record Query(String name, Function<PlanFixtures, LogicalPlan> build) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> queries() {
        List<Query> q = new ArrayList<>();
        q.add(new Query("WHERE EXISTS correlated", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(filter(t, exists(filter(u, eq(col(u, "x"), col(t, "a"))))), col(t, "a"), col(t, "b"));
        }));
        q.add(new Query("WHERE NOT EXISTS with non-equality correlation", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(filter(t, not(exists(filter(u, and(eq(col(u, "x"), col(t, "a")),
                    cmp("<>", col(u, "y"), col(t, "b"))))))), col(t, "a"), col(t, "b"));
        }));
        q.add(new Query("WHERE IN uncorrelated", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(filter(t, in(col(t, "a"), project(u, col(u, "x")))), col(t, "a"));
        }));
        q.add(new Query("WHERE NOT IN uncorrelated", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(filter(t, not(in(col(t, "a"), project(u, col(u, "x"))))), col(t, "a"), col(t, "b"));
        }));
        q.add(new Query("WHERE NOT IN correlated", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(filter(t, not(in(col(t, "a"), project(filter(u, eq(col(u, "y"), col(t, "b"))), col(u, "x"))))),
                    col(t, "a"), col(t, "b"));
        }));
        q.add(new Query("WHERE <> ALL correlated", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(filter(t, all(col(t, "a"), "<>", project(filter(u, eq(col(u, "y"), col(t, "b"))), col(u, "x")))),
                    col(t, "a"), col(t, "b"));
        }));
        q.add(new Query("SELECT IN and NOT IN marks", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(t, col(t, "a"), "in", in(col(t, "a"), project(u, col(u, "x"))),
                    "notin", not(in(col(t, "a"), project(filter(u, eq(col(u, "y"), col(t, "b"))), col(u, "x")))));
        }));
        q.add(new Query("EXISTS inside OR", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(filter(t, or(eq(col(t, "b"), lit(1)), exists(filter(u, eq(col(u, "x"), col(t, "a")))))), col(t, "a"));
        }));
        q.add(new Query("NOT EXISTS in SELECT list", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(t, col(t, "a"), "e", not(exists(filter(u, and(eq(col(u, "x"), col(t, "a")),
                    cmp(">", col(u, "y"), col(t, "b")))))));
        }));
        q.add(new Query("scalar count (COUNT bug)", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            var cnt = agg("count_star");
            var sub = project(aggregate(filter(u, eq(col(u, "x"), col(t, "a"))), List.of(), cnt), "cnt", cnt.output());
            return project(t, col(t, "a"), "n", scalar(sub));
        }));
        q.add(new Query("scalar count(*) + 1 and count(y)", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            var cnt = agg("count_star");
            var cy = agg("count", col(u, "y"));
            var sub = project(aggregate(filter(u, eq(col(u, "x"), col(t, "a"))), List.of(), cnt, cy), "n",
                    call("+", cnt.output(), cy.output()));
            return project(t, col(t, "a"), "n", scalar(sub));
        }));
        q.add(new Query("WHERE b > correlated min", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            var m = agg("min", col(u, "y"));
            var sub = project(aggregate(filter(u, eq(col(u, "x"), col(t, "a"))), List.of(), m), "m", m.output());
            return project(filter(t, cmp(">", col(t, "b"), scalar(sub))), col(t, "a"), col(t, "b"));
        }));
        q.add(new Query("quantified comparisons in SELECT", f -> {
            Get t = f.scan("t"), u1 = f.scan("u"), u2 = f.scan("u"), u3 = f.scan("u"), u4 = f.scan("u");
            return project(t, col(t, "a"),
                    "gtall", all(col(t, "a"), ">", project(u1, col(u1, "x"))),
                    "ltany", any(col(t, "a"), "<", project(filter(u2, eq(col(u2, "y"), col(t, "b"))), col(u2, "x"))),
                    "eqall", all(col(t, "a"), "=", project(filter(u3, eq(col(u3, "y"), col(t, "b"))), col(u3, "x"))),
                    "neany", any(col(t, "a"), "<>", project(u4, col(u4, "x"))));
        }));
        q.add(new Query("WHERE >= ALL correlated", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(filter(t, all(col(t, "a"), ">=", project(filter(u, eq(col(u, "y"), col(t, "b"))), col(u, "x")))),
                    col(t, "a"), col(t, "b"));
        }));
        q.add(new Query("NOT (x < ANY) in WHERE", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(filter(t, not(any(col(t, "a"), "<", project(filter(u, eq(col(u, "y"), col(t, "b"))), col(u, "x"))))),
                    col(t, "a"), col(t, "b"));
        }));
        q.add(new Query("correlation in a join condition (general path)", f -> {
            Get t = f.scan("t"), u = f.scan("u"), v = f.scan("v");
            var cnt = agg("count_star");
            var sub = project(aggregate(join(JoinType.INNER, u, v, and(eq(col(u, "x"), col(v, "p")),
                    eq(col(v, "q"), col(t, "b")))), List.of(), cnt), "n", cnt.output());
            return project(t, col(t, "a"), col(t, "b"), "n", scalar(sub));
        }));
        q.add(new Query("correlated non-equality under aggregate (general path)", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            var s = agg("sum", col(u, "x"));
            var cnt = agg("count_star");
            var sub = project(aggregate(filter(u, cmp("<", col(u, "y"), col(t, "b"))), List.of(), s, cnt), "s",
                    call("+", s.output(), cnt.output()));
            return project(t, col(t, "b"), "s", scalar(sub));
        }));
        q.add(new Query("correlated ORDER BY LIMIT 1", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            var sub = new Limit(new Sort(project(filter(u, eq(col(u, "y"), col(t, "b"))), col(u, "x")),
                    List.of(new SortKey(col(u, "x"), false, false))), 1, 0);
            return project(t, col(t, "b"), "top", scalar(sub));
        }));
        q.add(new Query("correlated LIMIT 2 OFFSET 1 in EXISTS", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            var sub = new Limit(new Sort(filter(u, eq(col(u, "y"), col(t, "b"))),
                    List.of(new SortKey(col(u, "x"), true, false))), 2, 1);
            return project(t, col(t, "b"), "e", exists(sub));
        }));
        q.add(new Query("two levels: EXISTS inside EXISTS reading the outermost", f -> {
            Get t = f.scan("t"), u = f.scan("u"), v = f.scan("v");
            var inner = filter(v, and(eq(col(v, "p"), col(u, "y")), eq(col(v, "q"), col(t, "b"))));
            return project(filter(t, exists(filter(u, and(eq(col(u, "x"), col(t, "a")), exists(inner))))), col(t, "a"), col(t, "b"));
        }));
        q.add(new Query("outer-outer reference inside IN inside scalar", f -> {
            Get t = f.scan("t"), u = f.scan("u"), v = f.scan("v");
            var cnt = agg("count_star");
            var inner = project(filter(v, eq(col(v, "q"), col(t, "b"))), col(v, "p"));
            var sub = project(aggregate(filter(u, in(col(u, "x"), inner)), List.of(), cnt), "n", cnt.output());
            return project(t, col(t, "b"), "n", scalar(sub));
        }));
        q.add(new Query("HAVING with correlated scalar on a group key", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            var cnt = agg("count_star");
            var g = aggregate(t, List.of(col(t, "b")), cnt);
            var key = g.outputs().get(0);
            var cu = agg("count_star");
            var sub = project(aggregate(filter(u, eq(col(u, "y"), key)), List.of(), cu), "m", cu.output());
            return project(filter(g, cmp(">=", cnt.output(), scalar(sub))), key, cnt.output());
        }));
        q.add(new Query("EXISTS over grouped subquery with HAVING", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            var cnt = agg("count_star");
            var g = aggregate(filter(u, eq(col(u, "x"), col(t, "a"))), List.of(col(u, "y")), cnt);
            return project(filter(t, exists(filter(g, cmp(">", cnt.output(), new Expr.Constant(1L, LogicalType.BIGINT))))), col(t, "a"));
        }));
        q.add(new Query("correlated UNION and EXCEPT", f -> {
            Get t = f.scan("t"), u = f.scan("u"), v = f.scan("v");
            var l = project(filter(u, eq(col(u, "y"), col(t, "b"))), col(u, "x"));
            var r = project(filter(v, eq(col(v, "q"), col(t, "a"))), col(v, "p"));
            var union = new SetOperation(SetOpKind.UNION, false, l, r, List.of(ColumnIds.fresh("z", LogicalType.INTEGER)));
            Get u2 = f.scan("u"), v2 = f.scan("v");
            var l2 = project(u2, col(u2, "x"));
            var r2 = project(filter(v2, eq(col(v2, "q"), col(t, "a"))), col(v2, "p"));
            var except = new SetOperation(SetOpKind.EXCEPT, true, l2, r2, List.of(ColumnIds.fresh("z", LogicalType.INTEGER)));
            return project(t, col(t, "a"), "inu", in(col(t, "a"), union), "ex", exists(except));
        }));
        q.add(new Query("IN over correlated DISTINCT with ORDER BY", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            var distinct = aggregate(filter(u, cmp(">", col(u, "y"), col(t, "b"))), List.of(col(u, "x")));
            var sorted = new Sort(distinct, List.of(new SortKey(distinct.outputs().get(0), true, false)));
            return project(t, col(t, "a"), "in", in(col(t, "a"), sorted), "notin", not(in(col(t, "b"), distinct)));
        }));
        q.add(new Query("EXISTS over LIMIT 1 and LIMIT 0", f -> {
            Get t = f.scan("t"), u = f.scan("u"), u2 = f.scan("u");
            return project(t, col(t, "a"), "one", exists(new Limit(filter(u, eq(col(u, "x"), col(t, "a"))), 1, 0)),
                    "none", exists(new Limit(filter(u2, eq(col(u2, "x"), col(t, "a"))), 0, 0)));
        }));
        q.add(new Query("LATERAL join", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(join(JoinType.INNER, t, project(filter(u, eq(col(u, "y"), col(t, "b"))), col(u, "x")), null),
                    col(t, "a"), col(u, "x"));
        }));
        q.add(new Query("LEFT JOIN LATERAL aggregate", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            var cnt = agg("count_star");
            var s = agg("sum", col(u, "x"));
            var sub = aggregate(filter(u, cmp(">", col(u, "y"), col(t, "a"))), List.of(), cnt, s);
            return project(join(JoinType.LEFT, t, sub, lit(true)), col(t, "a"), cnt.output(), s.output());
        }));
        q.add(new Query("correlated VALUES", f -> {
            Get t = f.scan("t");
            var c0 = ColumnIds.fresh("col0", LogicalType.INTEGER);
            var values = new Values(List.of(c0), List.of(List.of(col(t, "a")), List.of(col(t, "b")), List.of(lit(2))));
            var m = agg("max", c0);
            var sub = project(aggregate(values, List.of(), m), "m", m.output());
            return project(t, col(t, "a"), col(t, "b"), "m", scalar(sub));
        }));
        q.add(new Query("IN with outer column in the select list", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(t, col(t, "a"), "in", in(col(t, "a"), project(u, "z", call("+", col(u, "x"), col(t, "b")))));
        }));
        q.add(new Query("subquery in LEFT JOIN condition", f -> {
            Get t = f.scan("t"), u = f.scan("u"), v = f.scan("v");
            var cond = and(eq(col(u, "x"), col(t, "a")), exists(filter(v, eq(col(v, "p"), col(u, "y")))));
            return project(join(JoinType.LEFT, t, u, cond), col(t, "a"), col(u, "y"));
        }));
        q.add(new Query("uncorrelated one-row scalar in arithmetic", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            var m = agg("max", col(u, "x"));
            return project(t, "s", call("+", col(t, "a"), scalar(project(aggregate(u, List.of(), m), "m", m.output()))));
        }));
        q.add(new Query("EXISTS over an ungrouped aggregate is always true", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            var cnt = agg("count_star");
            return project(filter(t, exists(aggregate(filter(u, eq(col(u, "x"), col(t, "a"))), List.of(), cnt))), col(t, "a"));
        }));
        q.add(new Query("scalar non-aggregate correlated (SINGLE join)", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(t, col(t, "a"), "y", scalar(project(filter(u, eq(col(u, "x"), col(t, "a"))), col(u, "y"))));
        }));
        q.add(new Query("scalar non-aggregate uncorrelated (SINGLE join)", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(t, col(t, "a"), "y", scalar(project(filter(u, eq(col(u, "x"), lit(1))), col(u, "y"))));
        }));
        q.add(new Query("comma join with filters and IN", f -> {
            Get t = f.scan("t"), u = f.scan("u"), v = f.scan("v");
            var where = and(eq(col(t, "a"), col(u, "x")), eq(col(u, "y"), col(v, "p")), cmp(">", col(v, "q"), lit(0)),
                    in(col(t, "b"), project(f.scan("v"), "p2", lit(1))));
            return project(filter(cross(cross(t, u), v), where), col(t, "a"), col(v, "q"));
        }));
        q.add(new Query("outer join turned inner by a filter", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(filter(join(JoinType.LEFT, t, u, eq(col(t, "a"), col(u, "x"))), cmp(">", col(u, "y"), lit(1))),
                    col(t, "a"), col(u, "y"));
        }));
        q.add(new Query("full join with IS NULL filter", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return project(filter(join(JoinType.FULL, t, u, eq(col(t, "a"), col(u, "x"))), new Expr.IsNull(col(t, "a"), false)),
                    col(t, "b"), col(u, "y"));
        }));
        return q.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void unnestingAndOptimizingKeepAnswers(Query query) {
        PlanFixtures f = PlanFixtures.standard();
        EquivalenceCheck.assertSameAnswers(f, query.build().apply(f), DATASETS);
    }

    static void assertNoSubqueries(LogicalPlan plan) {
        EquivalenceCheck.assertNoSubqueries(plan);
    }
}
