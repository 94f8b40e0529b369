package dev.mallard.function.scalar;

import static dev.mallard.function.scalar.ArithmeticErrors.overflow;

import dev.mallard.MallardException;
import dev.mallard.function.RowKernel;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;

/**
 * Checked integer arithmetic. TINYINT, SMALLINT and INTEGER share {@code int[]} storage, so one body
 * serves all three: it computes in {@code long} and checks the type's range. BIGINT checks with the
 * sign rules of two's complement. Overflow and division by zero are errors, never wrapped values.
 */
final class IntegerArithmetic {
    private IntegerArithmetic() {}

    static long min(LogicalType t) {
        return switch (t.id()) {
            case TINYINT -> Byte.MIN_VALUE;
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    static long max(LogicalType t) {
        return switch (t.id()) {
            case TINYINT -> Byte.MAX_VALUE;
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    static boolean isLong(LogicalType t) {
        return t.id() == TypeId.BIGINT;
    }

    static RowKernel add(LogicalType t) {
        if (isLong(t)) {
            return (a, i, o) -> {
                long x = a[0].longs[i], y = a[1].longs[i], r = x + y;
                if (((x ^ r) & (y ^ r)) < 0) throw overflow("addition", t, x, "+", y);
                o.longs[i] = r;
            };
        }
        long lo = min(t), hi = max(t);
        return (a, i, o) -> {
            long r = (long) a[0].ints[i] + a[1].ints[i];
            if (r < lo || r > hi) throw overflow("addition", t, a[0].ints[i], "+", a[1].ints[i]);
            o.ints[i] = (int) r;
        };
    }

    static RowKernel subtract(LogicalType t) {
        if (isLong(t)) {
            return (a, i, o) -> {
                long x = a[0].longs[i], y = a[1].longs[i], r = x - y;
                if (((x ^ y) & (x ^ r)) < 0) throw overflow("subtraction", t, x, "-", y);
                o.longs[i] = r;
            };
        }
        long lo = min(t), hi = max(t);
        return (a, i, o) -> {
            long r = (long) a[0].ints[i] - a[1].ints[i];
            if (r < lo || r > hi) throw overflow("subtraction", t, a[0].ints[i], "-", a[1].ints[i]);
            o.ints[i] = (int) r;
        };
    }

    static RowKernel multiply(LogicalType t) {
        if (isLong(t)) {
            return (a, i, o) -> {
                long x = a[0].longs[i], y = a[1].longs[i], r = x * y;
                if (Math.multiplyHigh(x, y) != (r >> 63)) throw overflow("multiplication", t, x, "*", y);
                o.longs[i] = r;
            };
        }
        long lo = min(t), hi = max(t);
        return (a, i, o) -> {
            long r = (long) a[0].ints[i] * a[1].ints[i];
            if (r < lo || r > hi) throw overflow("multiplication", t, a[0].ints[i], "*", a[1].ints[i]);
            o.ints[i] = (int) r;
        };
    }

    /** Integer division truncating toward zero ({@code //}). */
    static RowKernel divide(LogicalType t) {
        if (isLong(t)) {
            return (a, i, o) -> {
                long x = a[0].longs[i], y = a[1].longs[i];
                if (y == 0) throw MallardException.Data.divisionByZero();
                if (x == Long.MIN_VALUE && y == -1) throw overflow("division", t, x, "//", y);
                o.longs[i] = x / y;
            };
        }
        long lo = min(t), hi = max(t);
        return (a, i, o) -> {
            long x = a[0].ints[i], y = a[1].ints[i];
            if (y == 0) throw MallardException.Data.divisionByZero();
            long r = x / y;
            if (r < lo || r > hi) throw overflow("division", t, x, "//", y);
            o.ints[i] = (int) r;
        };
    }

    /** Remainder with the sign of the dividend, as C and DuckDB compute it; MIN % -1 overflows like MIN // -1. */
    static RowKernel modulo(LogicalType t) {
        if (isLong(t)) {
            return (a, i, o) -> {
                long x = a[0].longs[i], y = a[1].longs[i];
                if (y == 0) throw MallardException.Data.divisionByZero();
                if (x == Long.MIN_VALUE && y == -1) throw overflow("division", t, x, "%", y);
                o.longs[i] = x % y;
            };
        }
        long lo = min(t);
        return (a, i, o) -> {
            int x = a[0].ints[i], y = a[1].ints[i];
            if (y == 0) throw MallardException.Data.divisionByZero();
            if (x == lo && y == -1) throw overflow("division", t, x, "%", y);
            o.ints[i] = x % y;
        };
    }

    static RowKernel negate(LogicalType t) {
        if (isLong(t)) {
            return (a, i, o) -> {
                long x = a[0].longs[i];
                if (x == Long.MIN_VALUE) throw ArithmeticErrors.negationOverflow(t, x);
                o.longs[i] = -x;
            };
        }
        long lo = min(t);
        return (a, i, o) -> {
            int x = a[0].ints[i];
            if (x == lo) throw ArithmeticErrors.negationOverflow(t, x);
            o.ints[i] = -x;
        };
    }

    static RowKernel abs(LogicalType t) {
        if (isLong(t)) {
            return (a, i, o) -> {
                long x = a[0].longs[i];
                if (x == Long.MIN_VALUE) throw MallardException.Data.outOfRange("Overflow on abs(" + x + ")");
                o.longs[i] = Math.abs(x);
            };
        }
        long lo = min(t);
        return (a, i, o) -> {
            int x = a[0].ints[i];
            if (x == lo) throw MallardException.Data.outOfRange("Overflow on abs(" + x + ")");
            o.ints[i] = Math.abs(x);
        };
    }

    /**
     * Bitwise operators: {@code & | #} (xor), {@code << >>} and unary {@code ~}. A left shift by a
     * negative amount, by the type's width or more, or one that loses bits is an error; a right shift
     * that far gives 0 or -1.
     */
    static RowKernel bitwise(LogicalType t, char op) {
        if (isLong(t)) {
            return switch (op) {
                case '&' -> (a, i, o) -> o.longs[i] = a[0].longs[i] & a[1].longs[i];
                case '|' -> (a, i, o) -> o.longs[i] = a[0].longs[i] | a[1].longs[i];
                case '#' -> (a, i, o) -> o.longs[i] = a[0].longs[i] ^ a[1].longs[i];
                case '<' -> (a, i, o) -> o.longs[i] = shiftLeft(a[0].longs[i], a[1].longs[i], 64, t);
                case '>' -> (a, i, o) -> o.longs[i] = shiftRight(a[0].longs[i], a[1].longs[i], 64);
                case '~' -> (a, i, o) -> o.longs[i] = ~a[0].longs[i];
                default -> throw new IllegalArgumentException("bitwise " + op);
            };
        }
        int bits = switch (t.id()) {
            case TINYINT -> 8;
            case SMALLINT -> 16;
            default -> 32;
        };
        long lo = min(t), hi = max(t);
        return switch (op) {
            case '&' -> (a, i, o) -> o.ints[i] = a[0].ints[i] & a[1].ints[i];
            case '|' -> (a, i, o) -> o.ints[i] = a[0].ints[i] | a[1].ints[i];
            case '#' -> (a, i, o) -> o.ints[i] = a[0].ints[i] ^ a[1].ints[i];
            case '<' -> (a, i, o) -> {
                long r = shiftLeft(a[0].ints[i], a[1].ints[i], bits, t);
                if (r < lo || r > hi) throw MallardException.Data.outOfRange("Overflow in left shift of " + t + " ("
                        + a[0].ints[i] + " << " + a[1].ints[i] + ")");
                o.ints[i] = (int) r;
            };
            case '>' -> (a, i, o) -> o.ints[i] = (int) shiftRight(a[0].ints[i], a[1].ints[i], bits);
            case '~' -> (a, i, o) -> o.ints[i] = ~a[0].ints[i];
            default -> throw new IllegalArgumentException("bitwise " + op);
        };
    }

    private static long shiftLeft(long x, long n, int bits, LogicalType t) {
        if (n < 0 || n >= bits) throw MallardException.Data.outOfRange("Left shift of " + t + " by " + n + " is out of range");
        long r = x << n;
        if (bits == 64 && (r >> n) != x) throw MallardException.Data.outOfRange("Overflow in left shift of " + t + " (" + x + " << " + n + ")");
        return r;
    }

    private static long shiftRight(long x, long n, int bits) {
        if (n < 0 || n >= bits) return x < 0 ? -1 : 0;
        return x >> n;
    }
}
