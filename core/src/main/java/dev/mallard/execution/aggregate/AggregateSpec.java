package dev.mallard.execution.aggregate;

import dev.mallard.execution.expression.ExpressionPrinter;
import dev.mallard.execution.expression.ResolvedExpr;
import dev.mallard.function.AggregateFunction;
import java.util.List;

/**
 * One aggregate of a hash aggregate, resolved against its input.
 *
 * @param distinct aggregate each distinct argument tuple of a group once
 * @param filter   FILTER (WHERE ...) condition, or null
 */
public record AggregateSpec(AggregateFunction function, List<ResolvedExpr> args, boolean distinct, ResolvedExpr filter) {
    public AggregateSpec {
        args = List.copyOf(args);
    }

    @Override
    public String toString() {
        String a = args.isEmpty() ? "*" : (distinct ? "DISTINCT " : "") + ExpressionPrinter.list(args);
        String f = filter == null ? "" : " FILTER (WHERE " + ExpressionPrinter.print(filter) + ")";
        return function.name() + "(" + a + ")" + f;
    }
}
