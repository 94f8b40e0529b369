package dev.mallard.planner;

import dev.mallard.sql.tree.*;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Questions about syntax trees asked before binding: does an expression contain an aggregate or a
 * window function? Subqueries are not entered: their aggregates belong to them.
 */
final class AggregateFinder {
    private AggregateFinder() {}

    static boolean containsAggregate(Expression e) {
        return any(e, x -> x instanceof FunctionCall f && f.over() == null
                && (f.star() || Functions.isAggregate(f.name().last().value().toLowerCase(Locale.ROOT))));
    }

    static boolean containsWindow(Expression e) {
        return any(e, x -> x instanceof FunctionCall f && f.over() != null);
    }

    /** True when {@code e} has a subquery (which this finder does not look into). */
    static boolean containsSubquery(Expression e) {
        return any(e, x -> x instanceof Exists || x instanceof ScalarSubquery || x instanceof InSubquery
                || x instanceof QuantifiedComparison);
    }

    static boolean isConstant(Expression e) {
        return switch (e) {
            case IntegerLiteral l -> true;
            case DecimalLiteral l -> true;
            case DoubleLiteral l -> true;
            case StringLiteral l -> true;
            case BooleanLiteral l -> true;
            case NullLiteral l -> true;
            case TypedLiteral l -> true;
            default -> false;
        };
    }

    private static boolean any(Object node, Predicate<Object> test) {
        if (node == null) return false;
        if (node instanceof Query) return false;
        if (test.test(node)) return true;
        if (node instanceof List<?> list) {
            for (Object o : list) if (any(o, test)) return true;
            return false;
        }
        if (node instanceof Record && node instanceof Node) {
            try {
                for (RecordComponent rc : node.getClass().getRecordComponents()) {
                    Object child = rc.getAccessor().invoke(node);
                    if (child instanceof Node || child instanceof List<?>) {
                        if (any(child, test)) return true;
                    }
                }
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return false;
    }
}
