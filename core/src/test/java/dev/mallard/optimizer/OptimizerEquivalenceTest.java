package dev.mallard.optimizer;

import static dev.mallard.plan.PlanFixtures.*;

import dev.mallard.expression.Expr;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.EquivalenceCheck;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The optimizer keeps answers: plans without subqueries, checked like {@code SubqueryEquivalenceTest}. */
class OptimizerEquivalenceTest {
    record Case(String name, Function<PlanFixtures, LogicalPlan> build) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("OR with a shared join key and per-side filters", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            Expr a = col(t, "a"), x = col(u, "x");
            return project(filter(cross(t, u), or(and(eq(a, x), eq(col(t, "b"), lit(1)), eq(col(u, "y"), lit(2))),
                    and(eq(a, x), eq(col(t, "c"), lit("a")), eq(col(u, "y"), lit(3))))), col(t, "b"), col(u, "y"));
        }));
        c.add(new Case("transitive equality through a three-way join", f -> {
            Get t = f.scan("t"), u = f.scan("u"), v = f.scan("v");
            return project(filter(cross(cross(t, u), v), and(eq(col(t, "a"), col(u, "x")), eq(col(u, "x"), col(v, "p")),
                    eq(col(v, "p"), lit(2)))), col(t, "b"), col(u, "y"), col(v, "q"));
        }));
        c.add(new Case("HAVING on group key and aggregate", f -> {
            Get t = f.scan("t");
            var cnt = agg("count_star");
            var s = agg("sum", col(t, "b"));
            var g = aggregate(t, List.of(col(t, "a")), cnt, s);
            return filter(g, and(cmp(">", g.outputs().get(0), lit(0)), cmp(">=", cnt.output(), new Expr.Constant(1L, LogicalType.BIGINT))));
        }));
        c.add(new Case("set operations with a filter above", f -> {
            List<LogicalPlan> out = new ArrayList<>();
            for (SetOpKind kind : SetOpKind.values()) {
                for (boolean all : new boolean[] {true, false}) {
                    Get t = f.scan("t"), u = f.scan("u");
                    var z = ColumnIds.fresh("z", LogicalType.INTEGER);
                    out.add(filter(new SetOperation(kind, all, project(t, col(t, "a")), project(u, col(u, "x")), List.of(z)),
                            cmp("<", z, lit(3))));
                }
            }
            LogicalPlan acc = out.get(0);
            for (int i = 1; i < out.size(); i++) {
                acc = new SetOperation(SetOpKind.UNION, true, acc, out.get(i), List.of(ColumnIds.fresh("w", LogicalType.INTEGER)));
            }
            return acc;
        }));
        c.add(new Case("window partition filter", f -> {
            Get t = f.scan("t");
            var rn = ColumnIds.fresh("rn", LogicalType.BIGINT);
            LogicalPlan w = new Window(t, List.of(new WindowCall(rn, WindowFunctionKind.ROW_NUMBER, null, List.of(), false, null,
                    false, List.of(col(t, "a")), List.of(new SortKey(col(t, "b"), true, false), new SortKey(col(t, "c"), true, false)),
                    Frame.DEFAULT)));
            return project(filter(w, and(eq(col(t, "a"), lit(1)), cmp("<=", rn, new Expr.Constant(2L, LogicalType.BIGINT)))),
                    col(t, "b"), col(t, "c"));
        }));
        c.add(new Case("semi join above an inner join", f -> {
            Get t = f.scan("t"), u = f.scan("u"), v = f.scan("v");
            var inner = join(JoinType.INNER, t, u, eq(col(t, "a"), col(u, "x")));
            return join(JoinType.SEMI, inner, v, eq(col(u, "y"), col(v, "p")));
        }));
        c.add(new Case("anti join above an inner join", f -> {
            Get t = f.scan("t"), u = f.scan("u"), v = f.scan("v");
            var inner = join(JoinType.INNER, t, u, eq(col(t, "a"), col(u, "x")));
            return new LogicalPlan.Join(JoinType.ANTI, inner, v, eq(col(t, "b"), col(v, "q")), null, true);
        }));
        c.add(new Case("boolean and constant rules", f -> {
            Get t = f.scan("t");
            Expr a = col(t, "a"), b = col(t, "b");
            Expr caseExpr = new Expr.Case(List.of(new Expr.When(lit(false), a), new Expr.When(cmp(">", b, lit(1)), b)), lit(7),
                    LogicalType.INTEGER);
            return project(filter(t, and(not(cmp("<", a, b)), not(not(new Expr.IsNull(b, true))), or(lit(false), cmp(">", a, call("-", lit(3), lit(2)))))),
                    "e", caseExpr, "n", not(cmp("=", a, lit(2))));
        }));
        c.add(new Case("outer joins with filters", f -> {
            Get t = f.scan("t"), u = f.scan("u"), v = f.scan("v");
            var left = join(JoinType.LEFT, t, u, and(eq(col(t, "a"), col(u, "x")), cmp(">", col(u, "y"), lit(0))));
            var right = join(JoinType.RIGHT, left, v, eq(col(u, "y"), col(v, "p")));
            return project(filter(right, or(new Expr.IsNull(col(t, "a"), false), cmp("<", col(v, "q"), lit(3)))),
                    col(t, "a"), col(u, "y"), col(v, "q"));
        }));
        c.add(new Case("full join, filters on both sides", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            var full = join(JoinType.FULL, t, u, eq(col(t, "a"), col(u, "x")));
            return project(filter(full, and(cmp(">", col(t, "b"), lit(0)), new Expr.IsNull(col(u, "y"), true))), col(t, "b"), col(u, "y"));
        }));
        c.add(new Case("empty inputs everywhere", f -> {
            Get t = f.scan("t"), u = f.scan("u"), v = f.scan("v");
            var none = filter(u, lit(false));
            var left = join(JoinType.LEFT, t, none, eq(col(t, "a"), col(u, "x")));
            return project(filter(left, not(in(col(t, "b"), project(filter(v, eq(lit(1), lit(2))), col(v, "p"))))),
                    col(t, "a"), col(u, "y"));
        }));
        c.add(new Case("cast around a column compared with a constant", f -> {
            Get t = f.scan("t");
            return project(filter(t, and(eq(new Expr.Cast(col(t, "a"), LogicalType.BIGINT, false), new Expr.Constant(2L, LogicalType.BIGINT)),
                    cmp("<", new Expr.Cast(col(t, "b"), LogicalType.BIGINT, false), new Expr.Constant(4000000000L, LogicalType.BIGINT)))),
                    col(t, "c"));
        }));
        c.add(new Case("stacked projections and a top-n over all columns", f -> {
            Get t = f.scan("t");
            var p1 = project(t, "s", call("+", col(t, "a"), col(t, "b")), col(t, "c"));
            var p2 = project(p1, "d", call("*", col(p1, "s"), lit(2)), col(t, "c"));
            return new Limit(new Sort(p2, List.of(new SortKey(col(p2, "d"), false, true), new SortKey(col(t, "c"), true, false))), 2, 1);
        }));
        c.add(new Case("count(*) over a join reads keys only", f -> {
            Get t = f.scan("t"), u = f.scan("u");
            return aggregate(join(JoinType.INNER, t, u, eq(col(t, "a"), col(u, "x"))), List.of(), agg("count_star"));
        }));
        return c.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void optimizingKeepsAnswers(Case c) {
        PlanFixtures f = PlanFixtures.standard();
        EquivalenceCheck.assertSameAnswers(f, c.build().apply(f), 300);
    }
}
