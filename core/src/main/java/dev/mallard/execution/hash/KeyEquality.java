package dev.mallard.execution.hash;

import dev.mallard.types.Interval;
import dev.mallard.vector.Vector;

/**
 * Equality of two non-NULL values of the same physical type, as grouping, joins, DISTINCT and IN
 * see it: doubles by their normalized bits (so -0.0 = 0.0 and NaN = NaN, DuckDB's rule), intervals
 * by normalized length, strings by content.
 */
public final class KeyEquality {
    private KeyEquality() {}

    /** Canonical bits of a double for hashing and equality. */
    public static long doubleKey(double d) {
        if (d == 0.0) return 0L; // folds -0.0 into 0.0
        if (Double.isNaN(d)) return 0x7ff8000000000000L;
        return Double.doubleToRawLongBits(d);
    }

    /** Values at {@code a[pa]} and {@code b[pb]}, both non-NULL, are equal. */
    public static boolean equal(Vector a, int pa, Vector b, int pb) {
        return switch (a.physicalType()) {
            case BOOL -> a.bools[pa] == b.bools[pb];
            case INT32 -> a.ints[pa] == b.ints[pb];
            case INT64 -> a.longs[pa] == b.longs[pb];
            case INT128 -> a.longs[pa] == b.longs[pb] && a.highs[pa] == b.highs[pb];
            case DOUBLE -> doubleKey(a.doubles[pa]) == doubleKey(b.doubles[pb]);
            case STRING -> a.strings[pa].equals(b.strings[pb]);
            case OBJECT -> a.objects[pa] instanceof Interval x && b.objects[pb] instanceof Interval y
                    ? x.normalizedMicros() == y.normalizedMicros() : a.objects[pa].equals(b.objects[pb]);
            case NONE -> true;
        };
    }

    /** Equality where NULL equals NULL (IS NOT DISTINCT FROM): for grouping and set operations. */
    public static boolean equalNullsEqual(Vector a, int pa, Vector b, int pb) {
        boolean na = a.isNull(pa), nb = b.isNull(pb);
        if (na || nb) return na && nb;
        return equal(a, pa, b, pb);
    }
}
