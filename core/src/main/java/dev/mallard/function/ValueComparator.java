package dev.mallard.function;

import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Int128;
import dev.mallard.vector.Vector;

/**
 * SQL ordering of two non-NULL values held in vectors of the same type, returning a negative
 * number, zero or a positive number. DOUBLE follows DuckDB: -0.0 equals 0.0, NaN equals NaN and is
 * greater than every other value. VARCHAR compares UTF-16 code units ({@link String#compareTo}),
 * which agrees with DuckDB's byte order except between U+E000..U+FFFF and characters outside the
 * Basic Multilingual Plane. INTERVAL compares with months as 30 days.
 */
@FunctionalInterface
public interface ValueComparator {
    int compare(Vector a, int i, Vector b, int j);

    static ValueComparator of(LogicalType type) {
        return switch (type.physicalType()) {
            case BOOL -> (a, i, b, j) -> Boolean.compare(a.bools[i], b.bools[j]);
            case INT32 -> (a, i, b, j) -> Integer.compare(a.ints[i], b.ints[j]);
            case INT64 -> (a, i, b, j) -> Long.compare(a.longs[i], b.longs[j]);
            case INT128 -> (a, i, b, j) -> Int128.compare(a.highs[i], a.longs[i], b.highs[j], b.longs[j]);
            case DOUBLE -> (a, i, b, j) -> compareDoubles(a.doubles[i], b.doubles[j]);
            case STRING -> (a, i, b, j) -> a.strings[i].compareTo(b.strings[j]);
            case OBJECT -> (a, i, b, j) -> ((Interval) a.objects[i]).compareTo((Interval) b.objects[j]);
            case NONE -> (a, i, b, j) -> 0;
        };
    }

    /** DuckDB's double order: -0.0 = 0.0, NaN = NaN, NaN above +infinity. */
    static int compareDoubles(double x, double y) {
        return x == y ? 0 : Double.compare(x, y);
    }
}
