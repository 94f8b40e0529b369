package dev.mallard.execution.aggregate;

import dev.mallard.execution.expression.ExpressionPrinter;
import dev.mallard.execution.expression.ResolvedExpr;
import dev.mallard.execution.operator.SortSpec;
import dev.mallard.function.AggregateFunction;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One aggregate of a hash aggregate, resolved against its input.
 *
 * @param distinct aggregate each distinct argument tuple of a group once
 * @param filter   FILTER (WHERE ...) condition, or null
 * @param orderBy  {@code f(x ORDER BY y)}: each group's rows reach the aggregate in this order;
 *                 empty for any order
 */
public record AggregateSpec(AggregateFunction function, List<ResolvedExpr> args, boolean distinct, ResolvedExpr filter,
                            List<SortSpec> orderBy) {
    public AggregateSpec {
        args = List.copyOf(args);
        orderBy = List.copyOf(orderBy);
    }

    /**
     * True when the rows must be collected before they reach the state: DISTINCT (to drop
     * duplicates) or ORDER BY (to sort them).
     */
    boolean buffered() {
        return distinct || !orderBy.isEmpty();
    }

    @Override
    public String toString() {
        String order = orderBy.isEmpty() ? ""
                : " ORDER BY " + orderBy.stream().map(SortSpec::toString).collect(Collectors.joining(", "));
        String a = args.isEmpty() ? "*" : (distinct ? "DISTINCT " : "") + ExpressionPrinter.list(args);
        String f = filter == null ? "" : " FILTER (WHERE " + ExpressionPrinter.print(filter) + ")";
        return function.name() + "(" + a + order + ")" + f;
    }
}
