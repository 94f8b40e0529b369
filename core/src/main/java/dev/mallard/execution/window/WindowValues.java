package dev.mallard.execution.window;

import dev.mallard.MallardException;
import dev.mallard.types.PhysicalType;
import dev.mallard.vector.Vector;

/** Reading integer arguments and writing results, whatever physical type the binder chose. */
final class WindowValues {
    private WindowValues() {}

    /** An integer argument (an offset, a bucket count, n) at {@code row}; the caller checks NULL first. */
    static long readLong(Vector v, int row) {
        return switch (v.physicalType()) {
            case INT32 -> v.ints[row];
            case INT64 -> v.longs[row];
            case INT128 -> {
                long high = v.highs[row];
                long low = v.longs[row];
                if (high == (low >> 63)) yield low;
                yield high < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
            case DOUBLE -> (long) v.doubles[row];
            case BOOL -> v.bools[row] ? 1 : 0;
            default -> throw MallardException.Data.invalidArgument("expected an integer window argument, got " + v.type());
        };
    }

    static void writeLong(Vector out, int pos, long value) {
        out.setNull(pos, false);
        switch (out.physicalType()) {
            case INT64 -> out.longs[pos] = value;
            case INT32 -> out.ints[pos] = (int) value;
            case DOUBLE -> out.doubles[pos] = value;
            case INT128 -> {
                out.longs[pos] = value;
                out.highs[pos] = value >> 63;
            }
            default -> out.setObject(pos, value);
        }
    }

    static void writeDouble(Vector out, int pos, double value) {
        out.setNull(pos, false);
        if (out.physicalType() == PhysicalType.DOUBLE) out.doubles[pos] = value;
        else out.setObject(pos, value);
    }

    /** Copies a value between vectors that may differ in physical type (e.g. a LAG default). */
    static void copy(Vector src, int from, Vector out, int to) {
        if (src.physicalType() == out.physicalType()) {
            out.copyFrom(src, from, to);
        } else {
            out.setObject(to, src.getObject(from));
        }
    }

    /** True when the FILTER vector (or no filter) admits {@code row}: only TRUE passes, not NULL. */
    static boolean passes(Vector filter, int row) {
        return filter == null || (!filter.isNull(row) && filter.bools[row]);
    }
}
