package dev.mallard.execution.sort;

import dev.mallard.types.PhysicalType;
import dev.mallard.vector.Vector;

/**
 * Compares two positions of one sort-key vector with a fixed direction and NULL placement. The
 * physical type is resolved once, so a comparison is a switch on a final field and array reads:
 * no boxing and no virtual dispatch. It reads the vector's arrays on every call, so it stays valid
 * when the vector grows.
 */
public final class KeyComparator {
    private final Vector vector;
    private final PhysicalType type;
    private final boolean ascending;
    private final boolean nullsFirst;

    public KeyComparator(Vector vector, boolean ascending, boolean nullsFirst) {
        this.vector = vector;
        this.type = vector.physicalType();
        this.ascending = ascending;
        this.nullsFirst = nullsFirst;
    }

    public Vector vector() { return vector; }

    public boolean ascending() { return ascending; }

    public boolean nullsFirst() { return nullsFirst; }

    /** Negative when position {@code a} sorts before position {@code b}, zero for equal keys. */
    public int compare(int a, int b) {
        Vector v = vector;
        if (v.mayHaveNulls()) {
            boolean nullA = v.isNull(a);
            boolean nullB = v.isNull(b);
            if (nullA || nullB) return nullOrder(nullA, nullB, nullsFirst);
        }
        int c = switch (type) {
            case BOOL -> Boolean.compare(v.bools[a], v.bools[b]);
            case INT32 -> Integer.compare(v.ints[a], v.ints[b]);
            case INT64 -> Long.compare(v.longs[a], v.longs[b]);
            case INT128 -> ValueOrder.compareInt128(v.highs[a], v.longs[a], v.highs[b], v.longs[b]);
            case DOUBLE -> ValueOrder.compareDoubles(v.doubles[a], v.doubles[b]);
            case STRING -> v.strings[a].compareTo(v.strings[b]);
            case OBJECT -> ValueOrder.compareObjects(v.objects[a], v.objects[b]);
            case NONE -> 0;
        };
        return ascending ? c : -c;
    }

    /** True when the two positions hold equal keys (NULL equals NULL): the peer/partition test. */
    public boolean equal(int a, int b) {
        return compare(a, b) == 0;
    }

    /** Order of two values of which at least one is NULL. */
    static int nullOrder(boolean nullA, boolean nullB, boolean nullsFirst) {
        if (nullA && nullB) return 0;
        return nullA == nullsFirst ? -1 : 1;
    }
}
