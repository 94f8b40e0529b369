package dev.mallard.planner.subquery;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Expr.Constant;
import dev.mallard.expression.Exprs;
import dev.mallard.function.AggregateFunction;
import dev.mallard.function.FunctionRegistry;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Aggregate;
import dev.mallard.plan.LogicalPlan.AggregateCall;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code x op ANY (S)} and {@code x op ALL (S)} for the operators a hash join cannot answer
 * ({@code <, <=, >, >=}, {@code = ALL}, {@code <> ANY}), answered with one aggregate over S instead
 * of a nested-loop join: count(*), count(y) and min(y) and/or max(y).
 *
 * <pre>
 * x &gt; ANY (S) = CASE WHEN count_star = 0 THEN FALSE         -- no rows: ANY is false
 *                     WHEN x &gt; min THEN TRUE                  -- some y is smaller than x
 *                     WHEN x IS NULL OR count &lt; count_star THEN NULL   -- unknown comparisons
 *                     ELSE FALSE END
 * x &gt; ALL (S) = CASE WHEN count_star = 0 THEN TRUE
 *                     WHEN x &lt;= max THEN FALSE                 -- some y is at least x
 *                     WHEN x IS NULL OR count &lt; count_star THEN NULL
 *                     ELSE TRUE END
 * </pre>
 *
 * This follows SQL's three-valued rules exactly: a comparison with a NULL y (or a NULL x) is
 * unknown, and ANY/ALL is unknown when the known comparisons do not decide it. {@code = ALL} and
 * {@code <> ANY} use both min and max ({@code x <> min OR x <> max} finds a y different from x).
 * The aggregate is an ungrouped (one-row) scalar subquery, so it decorrelates like any other.
 */
final class QuantifiedComparison {
    /** The aggregate subquery to plan as a scalar, and how to build the answer from its outputs. */
    record Rewrite(LogicalPlan aggregate, Function<List<ColumnRef>, Expr> answer) {}

    private QuantifiedComparison() {}

    /** True when a mark/semi/anti join on equality answers it directly: {@code = ANY} (IN) and {@code <> ALL} (NOT IN). */
    static boolean isEqualityForm(Expr.Subquery s) {
        return s.kind() == Expr.SubqueryKind.ANY && s.operator().equals("=")
                || s.kind() == Expr.SubqueryKind.ALL && (s.operator().equals("<>") || s.operator().equals("!="));
    }

    static Rewrite rewrite(Expr.Subquery s, Expr operand) {
        boolean any = s.kind() == Expr.SubqueryKind.ANY;
        String op = s.operator().equals("!=") ? "<>" : s.operator();
        LogicalPlan sub = s.plan();
        ColumnRef y = sub.outputs().get(0);
        LogicalType t = y.type();

        List<AggregateCall> calls = new ArrayList<>();
        calls.add(call("count_star", List.of(), List.of()));
        calls.add(call("count", List.of(t), List.of(y)));
        boolean needMin = op.equals("=") || op.equals("<>") || any == (op.equals(">") || op.equals(">="));
        boolean needMax = op.equals("=") || op.equals("<>") || any != (op.equals(">") || op.equals(">="));
        if (needMin) calls.add(call("min", List.of(t), List.of(y)));
        if (needMax) calls.add(call("max", List.of(t), List.of(y)));
        LogicalPlan aggregate = new Aggregate(sub, List.of(), calls);

        Function<List<ColumnRef>, Expr> answer = cols -> {
            ColumnRef countStar = cols.get(0);
            ColumnRef count = cols.get(1);
            ColumnRef min = needMin ? cols.get(2) : null;
            ColumnRef max = needMax ? cols.get(needMin ? 3 : 2) : null;
            // The test whose TRUE decides the answer: some y satisfies (ANY) or violates (ALL) the comparison.
            Expr decisive;
            if (op.equals("=") || op.equals("<>")) {
                decisive = Exprs.or(List.of(Exprs.comparison("<>", operand, min), Exprs.comparison("<>", operand, max)));
            } else if (any) {
                decisive = Exprs.comparison(op, operand, min != null ? min : max);
            } else {
                decisive = Exprs.comparison(Exprs.negate(op), operand, min != null ? min : max);
            }
            Constant zero = new Constant(0L, LogicalType.BIGINT);
            Constant emptyAnswer = any ? Exprs.FALSE : Exprs.TRUE;
            Constant decided = any ? Exprs.TRUE : Exprs.FALSE;
            Expr unknown = Exprs.or(List.of(new Expr.IsNull(operand, false), Exprs.comparison("<", count, countStar)));
            return new Expr.Case(List.of(
                    new Expr.When(Exprs.comparison("=", countStar, zero), emptyAnswer),
                    new Expr.When(decisive, decided),
                    new Expr.When(unknown, Exprs.NULL_BOOLEAN)),
                    any ? Exprs.FALSE : Exprs.TRUE, LogicalType.BOOLEAN);
        };
        return new Rewrite(aggregate, answer);
    }

    private static AggregateCall call(String name, List<LogicalType> types, List<Expr> args) {
        AggregateFunction fn = FunctionRegistry.aggregate(name, types);
        ColumnRef out = ColumnIds.fresh(name, fn.returnType());
        return new AggregateCall(out, fn, List.copyOf(args), false, null);
    }
}
