package dev.mallard.execution.hash;

import dev.mallard.types.Interval;
import dev.mallard.vector.Vector;

/**
 * Hashes of vector values, consistent with {@link KeyEquality}: values that compare equal hash
 * equal (-0.0 and 0.0, all NaNs, intervals of equal normalized length). One loop per physical
 * type for NULL-free vectors; hashes are written per live row {@code k}, not per position.
 */
public final class VectorHasher {
    /** Hash of a NULL key part (NULLs group together where NULL keys are compared at all). */
    public static final long NULL_HASH = 0x5bd1e9955bd1e995L;
    private static final long SEED = 0x9E3779B97F4A7C15L;

    private VectorHasher() {}

    /** A 64-bit finalizer (murmur3's fmix64): spreads every input bit over the whole word. */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * Folds a further key column's value into a row's hash with one finalizer round: the running
     * hash is already mixed, so rotating it and adding the raw value before mixing spreads both.
     */
    private static long fold(long hash, long valueBits) {
        return mix(Long.rotateLeft(hash, 31) ^ (valueBits + SEED));
    }

    /**
     * Hashes the live rows (positions {@code sel[k]} or {@code k}) of {@code v} into {@code hashes[k]};
     * with {@code combine} the value is folded into the existing hash (multi-column keys).
     */
    public static void hash(Vector v, int[] sel, int count, long[] hashes, boolean combine) {
        if (v.mayHaveNulls()) {
            for (int k = 0; k < count; k++) {
                int p = sel == null ? k : sel[k];
                boolean isNull = v.isNull(p);
                if (combine) hashes[k] = fold(hashes[k], isNull ? NULL_HASH : valueBits(v, p));
                else hashes[k] = isNull ? NULL_HASH : mix(valueBits(v, p) + SEED);
            }
            return;
        }
        switch (v.physicalType()) {
            case INT32 -> {
                int[] a = v.ints;
                if (sel == null) for (int k = 0; k < count; k++) put(hashes, k, a[k], combine);
                else for (int k = 0; k < count; k++) put(hashes, k, a[sel[k]], combine);
            }
            case INT64 -> {
                long[] a = v.longs;
                if (sel == null) for (int k = 0; k < count; k++) put(hashes, k, a[k], combine);
                else for (int k = 0; k < count; k++) put(hashes, k, a[sel[k]], combine);
            }
            case STRING -> {
                String[] a = v.strings;
                for (int k = 0; k < count; k++) put(hashes, k, a[sel == null ? k : sel[k]].hashCode(), combine);
            }
            default -> {
                for (int k = 0; k < count; k++) put(hashes, k, valueBits(v, sel == null ? k : sel[k]), combine);
            }
        }
    }

    private static void put(long[] hashes, int k, long value, boolean combine) {
        hashes[k] = combine ? fold(hashes[k], value) : mix(value + SEED);
    }

    /** Hash of a non-NULL value from its {@link #valueBits}, consistent with {@link #hash}. */
    public static long hashBits(long valueBits) {
        return mix(valueBits + SEED);
    }

    /** Hash of one value (NULL included), consistent with {@link #hash}. */
    public static long hashOne(Vector v, int p) {
        return v.isNull(p) ? NULL_HASH : mix(valueBits(v, p) + SEED);
    }

    /** The 64 bits a non-NULL value is hashed from. */
    public static long valueBits(Vector v, int p) {
        return switch (v.physicalType()) {
            case BOOL -> v.bools[p] ? 1 : 2;
            case INT32 -> v.ints[p];
            case INT64 -> v.longs[p];
            case INT128 -> v.longs[p] ^ mix(v.highs[p] + SEED);
            case DOUBLE -> KeyEquality.doubleKey(v.doubles[p]);
            case STRING -> v.strings[p].hashCode();
            case OBJECT -> v.objects[p] instanceof Interval i ? i.normalizedMicros() : v.objects[p].hashCode();
            case NONE -> 0;
        };
    }
}
