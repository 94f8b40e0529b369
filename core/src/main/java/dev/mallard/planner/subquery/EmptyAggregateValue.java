package dev.mallard.planner.subquery;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.Constant;
import dev.mallard.function.AggregateFunction;
import java.util.List;

/**
 * What an aggregate returns over no rows. Decorrelation turns "aggregate over the rows matching
 * this outer row" into "aggregate grouped by the outer key" plus an outer join, and an outer row
 * without matches then sees NULL. That is right for sum, min, avg ... but COUNT must say 0 (the
 * classic COUNT bug), so its output is wrapped in {@code coalesce(count, 0)}; a group that exists
 * never has a NULL count, so the coalesce changes nothing else.
 */
final class EmptyAggregateValue {
    private EmptyAggregateValue() {}

    /** The value over no rows, or null when it is NULL. */
    static Constant of(AggregateFunction fn) {
        return switch (fn.name()) {
            case "count", "count_star" -> new Constant(0L, fn.returnType());
            default -> null;
        };
    }

    /** The aggregate's output as seen through an outer join: NULL for a missing group fixed up to the empty value. */
    static Expr fix(AggregateFunction fn, Expr output) {
        Constant empty = of(fn);
        return empty == null ? output : new Expr.Coalesce(List.of(output, empty), output.type());
    }
}
