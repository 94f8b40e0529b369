package dev.mallard.function;

import dev.mallard.function.aggregate.AggregateFunctions;
import dev.mallard.function.scalar.ArithmeticFunctions;
import dev.mallard.function.scalar.ComparisonFunctions;
import dev.mallard.function.scalar.ConditionalFunctions;
import dev.mallard.function.scalar.DateFunctions;
import dev.mallard.function.scalar.MathFunctions;
import dev.mallard.function.scalar.PatternFunctions;
import dev.mallard.function.scalar.StringFunctions;
import dev.mallard.function.scalar.TemporalArithmetic;
import dev.mallard.types.LogicalType;
import java.util.List;

/**
 * The function library's front door, used through static methods (there is one immutable
 * {@link FunctionCatalog}, built on first use and shared by all threads).
 *
 * <p>Operators are functions named by their symbol: {@code + - * / // % ^} (and unary {@code -},
 * {@code +}), {@code = <> < <= > >=}, {@code ||}, {@code ~~} (LIKE), {@code !~~}, {@code ~~*}
 * (ILIKE), {@code !~~*}, {@code is_distinct_from}, {@code is_not_distinct_from}. {@code count(*)}
 * is the zero-argument aggregate {@code count_star}.
 */
public final class FunctionRegistry {
    private FunctionRegistry() {}

    private static final class Holder {
        static final FunctionCatalog CATALOG = build();
    }

    private static FunctionCatalog build() {
        FunctionCatalog c = new FunctionCatalog();
        ArithmeticFunctions.register(c);
        TemporalArithmetic.register(c);
        ComparisonFunctions.register(c);
        ConditionalFunctions.register(c);
        PatternFunctions.register(c);
        StringFunctions.register(c);
        MathFunctions.register(c);
        DateFunctions.register(c);
        AggregateFunctions.register(c);
        return c;
    }

    public static FunctionCatalog catalog() {
        return Holder.CATALOG;
    }

    /**
     * The overload of a scalar function or operator for these argument types: an exact match, else
     * the one reachable with the cheapest implicit casts. The result's {@code argTypes} are what the
     * kernel expects (the caller casts the arguments to them); its return type is computed from the
     * actual types. No overload or no such name → {@code MallardException.Catalog} (SQLSTATE 42883)
     * listing candidates or the closest name.
     */
    public static ScalarFunction scalar(String name, List<LogicalType> argTypes) {
        return Holder.CATALOG.scalar(name, argTypes);
    }

    /**
     * Like {@link #scalar(String, List)}, with the values of constant arguments (physical form; null
     * for arguments that are not constants). Gives DuckDB's exact result types where they depend on
     * a constant: date_part('epoch' | 'julian', x) is DOUBLE, round(DECIMAL(p, s), n) is DECIMAL(p, n).
     */
    public static ScalarFunction scalar(String name, List<LogicalType> argTypes, List<Object> constants) {
        return Holder.CATALOG.scalar(name, argTypes, constants);
    }

    /** The aggregate overload for these argument types (count(*) is {@code count_star} with no arguments). */
    public static AggregateFunction aggregate(String name, List<LogicalType> argTypes) {
        return Holder.CATALOG.aggregate(name, argTypes);
    }

    /** True when the name (any case) is an aggregate function. */
    public static boolean isAggregate(String name) {
        return Holder.CATALOG.isAggregate(name);
    }

    /** True when the name (any case) is a scalar function or operator. */
    public static boolean isScalar(String name) {
        return Holder.CATALOG.isScalar(name);
    }
}
