package dev.mallard.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.mallard.MallardException;
import dev.mallard.catalog.TableEntry;
import dev.mallard.expression.Expr;
import dev.mallard.expression.Exprs;
import dev.mallard.optimizer.Optimizer;
import dev.mallard.planner.subquery.SubqueryUnnester;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Checks that {@link SubqueryUnnester#unnest} and {@link Optimizer#optimize} keep a plan's answers:
 * the plan is evaluated by the naive {@link ReferenceInterpreter} (subqueries per outer row) before
 * and after the rewrites, on many random little tables full of NULLs, duplicates and empty inputs.
 * Errors must match too (a scalar subquery returning two rows fails both ways).
 */
public final class EquivalenceCheck {
    private static final Object[] INTS = {null, 0, 1, 2, 3};
    private static final Object[] TEXTS = {null, "a", "b"};

    private EquivalenceCheck() {}

    public static void assertSameAnswers(PlanFixtures f, LogicalPlan plan, int datasets) {
        LogicalPlan unnested = SubqueryUnnester.unnest(plan);
        assertNoSubqueries(unnested);
        assertThat(unnested.outputs()).isEqualTo(plan.outputs());
        Random random = new Random(42);
        for (int i = 0; i < datasets; i++) {
            Map<TableEntry, List<Object[]>> data = randomData(f, random);
            LogicalPlan optimized = Optimizer.optimize(unnested, t -> data.get(t).size());
            assertNoSubqueries(optimized);
            assertThat(optimized.outputs()).isEqualTo(plan.outputs());
            ReferenceInterpreter interpreter = new ReferenceInterpreter(data);
            List<String> expected;
            try {
                expected = ReferenceInterpreter.canonical(interpreter.run(plan));
            } catch (MallardException e) {
                assertFails(interpreter, unnested, e, "unnested", data);
                assertFails(interpreter, optimized, e, "optimized", data);
                continue;
            }
            check(interpreter, unnested, expected, "unnested", data);
            check(interpreter, optimized, expected, "optimized", data);
        }
    }

    public static void assertNoSubqueries(LogicalPlan plan) {
        Plans.transformUp(plan, n -> {
            for (Expr e : Plans.expressions(n)) {
                assertThat(Exprs.containsSubquery(e)).as("subquery left in %s", n).isFalse();
            }
            return n;
        });
    }

    private static void check(ReferenceInterpreter interpreter, LogicalPlan plan, List<String> expected, String what,
                              Map<TableEntry, List<Object[]>> data) {
        List<String> actual;
        try {
            actual = ReferenceInterpreter.canonical(interpreter.run(plan));
        } catch (MallardException e) {
            fail(what + " plan failed (" + e.getMessage() + ") on " + describe(data) + "\n" + PlanFixtures.print(plan));
            return;
        }
        if (!actual.equals(expected)) {
            fail(what + " plan gives " + actual + " instead of " + expected + " on " + describe(data) + "\n"
                    + PlanFixtures.print(plan));
        }
    }

    private static void assertFails(ReferenceInterpreter interpreter, LogicalPlan plan, MallardException expected, String what,
                                    Map<TableEntry, List<Object[]>> data) {
        try {
            List<List<Object>> rows = interpreter.run(plan);
            fail(what + " plan gave " + rows + " where the original failed with " + expected.getMessage() + " on "
                    + describe(data) + "\n" + PlanFixtures.print(plan));
        } catch (MallardException e) {
            assertThat(e.sqlState()).isEqualTo(expected.sqlState());
        }
    }

    /** 0 to 5 rows per table; values from a tiny domain so that matches, duplicates and NULLs are common. */
    static Map<TableEntry, List<Object[]>> randomData(PlanFixtures f, Random random) {
        Map<TableEntry, List<Object[]>> data = new HashMap<>();
        for (TableEntry t : f.tables()) {
            List<Object[]> rows = new ArrayList<>();
            int n = random.nextInt(6);
            for (int r = 0; r < n; r++) {
                Object[] row = new Object[t.columns().size()];
                for (int c = 0; c < row.length; c++) {
                    Object[] pool = t.columns().get(c).type().equals(LogicalType.VARCHAR) ? TEXTS : INTS;
                    row[c] = random.nextInt(6) == 0 ? null : pool[1 + random.nextInt(pool.length - 1)];
                }
                rows.add(row);
            }
            data.put(t, rows);
        }
        return data;
    }

    private static String describe(Map<TableEntry, List<Object[]>> data) {
        StringBuilder b = new StringBuilder();
        data.entrySet().stream().sorted(Map.Entry.comparingByKey((x, y) -> x.name().compareTo(y.name()))).forEach(e -> {
            b.append(e.getKey().name()).append('=');
            b.append(e.getValue().stream().map(java.util.Arrays::toString).toList()).append(' ');
        });
        return b.toString();
    }
}
