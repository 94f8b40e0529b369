package dev.mallard.execution.window;

import dev.mallard.MallardException;
import dev.mallard.execution.sort.ValueOrder;
import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.types.PhysicalType;
import dev.mallard.types.TypeId;
import dev.mallard.vector.Int128;
import dev.mallard.vector.Vector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Finds where a RANGE frame bound with an offset ({@code n PRECEDING} / {@code n FOLLOWING}) falls:
 * the current row's ORDER BY value shifted by the offset, looked up by binary search among the
 * partition's non-NULL keys. Each subclass does the arithmetic and comparison for one family of
 * key and offset types; values beyond a type's range saturate instead of failing.
 */
abstract sealed class RangeOffsetSearch {
    private final int[] perm;
    private final boolean ascending;

    RangeOffsetSearch(int[] perm, boolean ascending) {
        this.perm = perm;
        this.ascending = ascending;
    }

    /**
     * Picks the arithmetic for an ORDER BY key vector and a bound's offset (physical form: a number,
     * or an {@link Interval} for DATE, TIMESTAMP and INTERVAL keys).
     */
    static RangeOffsetSearch create(Vector key, Object offset, int[] perm, boolean ascending, String boundName) {
        if (offset == null) {
            throw new MallardException.Data("22023", "Window RANGE expressions cannot be NULL");
        }
        LogicalType type = key.type();
        if (offset instanceof Interval interval) {
            if (interval.normalizedMicros() < 0) throw invalid(boundName);
            return switch (type.id()) {
                case DATE, TIMESTAMP -> new Temporal(key, perm, ascending, interval);
                case INTERVAL -> new Int64(key, perm, ascending, interval.normalizedMicros());
                default -> throw unsupported(type, offset);
            };
        }
        if (!(offset instanceof Number number)) throw unsupported(type, offset);
        if (offset instanceof Double || offset instanceof Float) {
            double d = number.doubleValue();
            if (!(d >= 0) || Double.isInfinite(d)) throw invalid(boundName);
            if (type.physicalType() == PhysicalType.INT128) return new Big(key, perm, ascending, bigOffset(number));
            if (isNumericKey(type)) return new Floating(key, perm, ascending, d);
            throw unsupported(type, offset);
        }
        BigInteger exact = bigOffset(number);
        if (exact.signum() < 0) throw invalid(boundName);
        return switch (type.physicalType()) {
            case INT32, INT64 -> exact.bitLength() < 64
                    ? new Int64(key, perm, ascending, exact.longValue())
                    : new Big(key, perm, ascending, exact);
            case INT128 -> new Big(key, perm, ascending, exact);
            case DOUBLE -> new Floating(key, perm, ascending, exact.doubleValue());
            default -> throw unsupported(type, offset);
        };
    }

    private static boolean isNumericKey(LogicalType type) {
        return switch (type.physicalType()) {
            case INT32, INT64, DOUBLE -> type.isNumeric() || type.id() == TypeId.DATE;
            default -> false;
        };
    }

    private static BigInteger bigOffset(Number number) {
        if (number instanceof BigInteger b) return b;
        if (number instanceof BigDecimal d) return d.toBigInteger();
        if (number instanceof Double || number instanceof Float) {
            return BigDecimal.valueOf(number.doubleValue()).toBigInteger();
        }
        return BigInteger.valueOf(number.longValue());
    }

    private static MallardException invalid(String boundName) {
        return MallardException.Data.outOfRange("Invalid RANGE " + boundName + " value");
    }

    private static MallardException unsupported(LogicalType type, Object offset) {
        return new MallardException.NotImplemented("RANGE frame offset of " + offset.getClass().getSimpleName()
                + " for ORDER BY type " + type + " is not supported");
    }

    /** Sets the target to the key of input row {@code row} plus ({@code add}) or minus the offset. */
    abstract void setTarget(int row, boolean add);

    /** Sign of (key of input row {@code row}) − target, in value order. */
    abstract int compareToTarget(int row);

    /**
     * First sorted position p in {@code [from, to)} whose key is at or after the target in sort
     * order ({@code strict}: strictly after). Keys in the range are non-NULL and sorted.
     */
    final int search(int from, int to, boolean strict) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareToTarget(perm[mid]);
            if (!ascending) c = -c;
            if (strict ? c > 0 : c >= 0) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /** Integer-like keys in one long: INT32, INT64 (incl. DECIMAL ≤ 18 digits), INTERVAL as normalized micros. */
    static final class Int64 extends RangeOffsetSearch {
        private final Vector key;
        private final PhysicalType type;
        private final long offset;
        private long target;
        /** -1: target below every long, +1: above every long, 0: {@link #target} holds it. */
        private int overflow;

        Int64(Vector key, int[] perm, boolean ascending, long offset) {
            super(perm, ascending);
            this.key = key;
            this.type = key.physicalType();
            this.offset = offset;
        }

        private long value(int row) {
            return switch (type) {
                case INT32 -> key.ints[row];
                case INT64 -> key.longs[row];
                case OBJECT -> ((Interval) key.objects[row]).normalizedMicros();
                default -> throw new MallardException.Internal("RANGE: unexpected key type " + type);
            };
        }

        @Override
        void setTarget(int row, boolean add) {
            long v = value(row);
            long r = add ? v + offset : v - offset;
            // Overflow iff the operands had the same sign (after negation) and the result's differs.
            boolean overflowed = add ? ((v ^ r) & (offset ^ r)) < 0 : ((v ^ offset) & (v ^ r)) < 0;
            overflow = overflowed ? (add ? 1 : -1) : 0;
            target = r;
        }

        @Override
        int compareToTarget(int row) {
            return overflow != 0 ? -overflow : Long.compare(value(row), target);
        }
    }

    /** DOUBLE keys, or integer keys with a fractional offset; NaN orders last and NaN ± x stays NaN. */
    static final class Floating extends RangeOffsetSearch {
        private final Vector key;
        private final PhysicalType type;
        private final double offset;
        private double target;

        Floating(Vector key, int[] perm, boolean ascending, double offset) {
            super(perm, ascending);
            this.key = key;
            this.type = key.physicalType();
            this.offset = offset;
        }

        private double value(int row) {
            return switch (type) {
                case INT32 -> key.ints[row];
                case INT64 -> key.longs[row];
                case DOUBLE -> key.doubles[row];
                default -> throw new MallardException.Internal("RANGE: unexpected key type " + type);
            };
        }

        @Override
        void setTarget(int row, boolean add) {
            double v = value(row);
            target = add ? v + offset : v - offset;
        }

        @Override
        int compareToTarget(int row) {
            return ValueOrder.compareDoubles(value(row), target);
        }
    }

    /** INT128 keys (DECIMAL with more than 18 digits) and offsets too large for a long. */
    static final class Big extends RangeOffsetSearch {
        private final Vector key;
        private final BigInteger offset;
        private BigInteger target;

        Big(Vector key, int[] perm, boolean ascending, BigInteger offset) {
            super(perm, ascending);
            this.key = key;
            this.offset = offset;
        }

        private BigInteger value(int row) {
            return switch (key.physicalType()) {
                case INT32 -> BigInteger.valueOf(key.ints[row]);
                case INT64 -> BigInteger.valueOf(key.longs[row]);
                case INT128 -> Int128.toBigInteger(key.highs[row], key.longs[row]);
                default -> throw new MallardException.Internal("RANGE: unexpected key type " + key.type());
            };
        }

        @Override
        void setTarget(int row, boolean add) {
            BigInteger v = value(row);
            target = add ? v.add(offset) : v.subtract(offset);
        }

        @Override
        int compareToTarget(int row) {
            return value(row).compareTo(target);
        }
    }

    /** DATE (days) and TIMESTAMP (microseconds) keys with an INTERVAL offset, compared as microseconds. */
    static final class Temporal extends RangeOffsetSearch {
        private final Vector key;
        private final boolean date;
        private final Interval offset;
        private long target;

        Temporal(Vector key, int[] perm, boolean ascending, Interval offset) {
            super(perm, ascending);
            this.key = key;
            this.date = key.type().id() == TypeId.DATE;
            this.offset = offset;
        }

        private long micros(int row) {
            return date ? key.ints[row] * Interval.MICROS_PER_DAY : key.longs[row];
        }

        @Override
        void setTarget(int row, boolean add) {
            int sign = add ? 1 : -1;
            target = plusInterval(micros(row), sign * offset.months(), sign * offset.days(), sign * offset.micros());
        }

        @Override
        int compareToTarget(int row) {
            return Long.compare(micros(row), target);
        }

        /**
         * timestamp + interval the way DuckDB adds it: months first (clamping the day to the end of
         * the month), then days, then microseconds.
         */
        static long plusInterval(long micros, long months, long days, long extraMicros) {
            long day = Math.floorDiv(micros, Interval.MICROS_PER_DAY);
            long timeOfDay = Math.floorMod(micros, Interval.MICROS_PER_DAY);
            try {
                if (months != 0) day = LocalDate.ofEpochDay(day).plusMonths(months).toEpochDay();
                return Math.addExact(Math.addExact(Math.multiplyExact(Math.addExact(day, days),
                        Interval.MICROS_PER_DAY), timeOfDay), extraMicros);
            } catch (DateTimeException | ArithmeticException e) {
                return (months < 0 || days < 0 || extraMicros < 0) ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
        }
    }
}
