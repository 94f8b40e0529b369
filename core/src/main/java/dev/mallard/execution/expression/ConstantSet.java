package dev.mallard.execution.expression;

import dev.mallard.execution.hash.KeyEquality;
import dev.mallard.types.Interval;
import dev.mallard.types.PhysicalType;
import dev.mallard.vector.Vector;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The non-NULL values of a constant IN list, for O(1) membership tests per row without boxing for
 * the common types (longs and ints in a primitive open-addressing set, strings in a hash set of
 * the String refs). Equality is SQL's: -0.0 equals 0.0, NaN equals NaN, intervals compare normalized.
 */
public final class ConstantSet {
    private final PhysicalType type;
    private final boolean containsNull;
    private final long[] table;
    private final boolean[] used;
    private final int mask;
    private final Set<Object> objects;
    private final boolean hasTrue;
    private final boolean hasFalse;

    public ConstantSet(PhysicalType type, List<Object> values) {
        this.type = type;
        boolean nul = false;
        boolean t = false, f = false;
        int size = 16;
        while (size < values.size() * 2) size <<= 1;
        long[] tab = null;
        boolean[] u = null;
        Set<Object> objs = null;
        switch (type) {
            case INT32, INT64, DOUBLE -> {
                tab = new long[size];
                u = new boolean[size];
            }
            case BOOL, NONE -> { }
            default -> objs = new HashSet<>();
        }
        this.table = tab;
        this.used = u;
        this.mask = size - 1;
        for (Object v : values) {
            if (v == null) {
                nul = true;
                continue;
            }
            switch (type) {
                case BOOL -> { if ((Boolean) v) t = true; else f = true; }
                case INT32, INT64 -> insert(((Number) v).longValue());
                case DOUBLE -> insert(KeyEquality.doubleKey(((Number) v).doubleValue()));
                case STRING -> objs.add(v);
                case INT128 -> objs.add(v instanceof java.math.BigInteger b ? b : java.math.BigInteger.valueOf(((Number) v).longValue()));
                case OBJECT -> objs.add(v instanceof Interval i ? i.normalizedMicros() : v);
                case NONE -> nul = true;
            }
        }
        this.containsNull = nul;
        this.objects = objs;
        this.hasTrue = t;
        this.hasFalse = f;
    }

    private static int slot(long key, int mask) {
        return (int) (dev.mallard.execution.hash.VectorHasher.mix(key) & mask);
    }

    private void insert(long key) {
        int s = slot(key, mask);
        while (used[s]) {
            if (table[s] == key) return;
            s = (s + 1) & mask;
        }
        used[s] = true;
        table[s] = key;
    }

    private boolean containsLong(long key) {
        int s = slot(key, mask);
        while (used[s]) {
            if (table[s] == key) return true;
            s = (s + 1) & mask;
        }
        return false;
    }

    /** True if the list holds a NULL (a miss is then NULL, not FALSE). */
    public boolean containsNull() {
        return containsNull;
    }

    /** Whether the non-NULL value at position {@code p} is in the list. */
    public boolean contains(Vector v, int p) {
        return switch (type) {
            case BOOL -> v.bools[p] ? hasTrue : hasFalse;
            case INT32 -> containsLong(v.ints[p]);
            case INT64 -> containsLong(v.longs[p]);
            case DOUBLE -> containsLong(KeyEquality.doubleKey(v.doubles[p]));
            case STRING -> objects.contains(v.strings[p]);
            case INT128 -> objects.contains(v.getObject(p));
            case OBJECT -> objects.contains(v.objects[p] instanceof Interval i ? i.normalizedMicros() : v.objects[p]);
            case NONE -> false;
        };
    }
}
