package dev.mallard.execution.sort;

import dev.mallard.types.Interval;

/**
 * The total order of non-NULL values of each physical type, as ORDER BY sees it (DuckDB's rules):
 * doubles run -inf < ... < -0.0 = 0.0 < ... < +inf < NaN, INT128 compares signed, strings in
 * {@link String#compareTo} order, intervals by their normalized length.
 */
public final class ValueOrder {
    private ValueOrder() {}

    public static int compareDoubles(double a, double b) {
        // == first so that -0.0 equals 0.0; Double.compare then puts NaN last and NaN equal to NaN.
        return a == b ? 0 : Double.compare(a, b);
    }

    public static int compareInt128(long highA, long lowA, long highB, long lowB) {
        int c = Long.compare(highA, highB);
        return c != 0 ? c : Long.compareUnsigned(lowA, lowB);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compareObjects(Object a, Object b) {
        if (a instanceof Interval x && b instanceof Interval y) return x.compareTo(y);
        return ((Comparable) a).compareTo(b);
    }

    /**
     * An order-preserving long for a double: signed comparison of the results agrees with
     * {@link #compareDoubles}. -0.0 maps like 0.0 and every NaN to one value above +inf.
     */
    public static long doubleSortBits(double d) {
        if (d == 0.0) return 0L;
        long bits = Double.doubleToLongBits(d); // canonical NaN
        // Negative doubles order by decreasing magnitude bits: flip everything but the sign.
        return bits < 0 ? bits ^ Long.MAX_VALUE : bits;
    }
}
