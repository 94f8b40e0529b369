package dev.mallard.planner;

import dev.mallard.MallardException;
import dev.mallard.function.AggregateFunction;
import dev.mallard.function.FunctionRegistry;
import dev.mallard.function.ScalarFunction;
import dev.mallard.function.cast.CastFunctions;
import dev.mallard.types.LogicalType;
import java.util.List;

/** The binder's one door to the function library. */
final class Functions {
    private Functions() {}

    /** @param constants the value of each constant argument (physical form), null where not constant */
    static ScalarFunction scalar(String name, List<LogicalType> types, List<Object> constants) {
        return FunctionRegistry.scalar(name, types, constants);
    }

    /** The type a comparison converts both sides to (DuckDB: a VARCHAR side takes the other side's type), or null. */
    static LogicalType comparisonType(LogicalType a, LogicalType b) {
        return a.equals(b) ? a : CastFunctions.comparisonType(a, b);
    }

    static AggregateFunction aggregate(String name, List<LogicalType> types) {
        return FunctionRegistry.aggregate(name, types);
    }

    static boolean isAggregate(String name) {
        return FunctionRegistry.isAggregate(name);
    }

    /** The type both sides convert to, or an error naming the operation and both types. */
    static LogicalType commonType(LogicalType a, LogicalType b, String what) {
        if (a.equals(b)) return a;
        LogicalType t = CastFunctions.commonSuperType(a, b);
        if (t == null) {
            throw MallardException.Binder.typeMismatch("cannot " + what + " " + a + " and " + b
                    + "; add an explicit CAST to make the types match");
        }
        return t;
    }

    static LogicalType commonTypeOrNull(LogicalType a, LogicalType b) {
        return a.equals(b) ? a : CastFunctions.commonSuperType(a, b);
    }

    static boolean implicitlyCastable(LogicalType from, LogicalType to) {
        return from.equals(to) || CastFunctions.implicitCastCost(from, to) >= 0;
    }
}
