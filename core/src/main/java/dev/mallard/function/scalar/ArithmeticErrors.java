package dev.mallard.function.scalar;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;

/** The errors arithmetic raises, worded the same everywhere. */
final class ArithmeticErrors {
    private ArithmeticErrors() {}

    /** "Overflow in addition of INTEGER (2147483647 + 1)". */
    static MallardException overflow(String operation, LogicalType type, Object left, String symbol, Object right) {
        return MallardException.Data.outOfRange("Overflow in " + operation + " of " + type + " (" + left + " " + symbol
                + " " + right + ")");
    }

    static MallardException overflow(String operation, String typeName, Object left, String symbol, Object right) {
        return MallardException.Data.outOfRange("Overflow in " + operation + " of " + typeName + " (" + left + " " + symbol
                + " " + right + ")");
    }

    static MallardException negationOverflow(LogicalType type, Object value) {
        return MallardException.Data.outOfRange("Overflow in negation of " + type + " (" + value + ")");
    }
}
