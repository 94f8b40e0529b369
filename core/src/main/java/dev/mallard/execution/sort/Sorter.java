package dev.mallard.execution.sort;

import dev.mallard.MallardException;
import dev.mallard.types.Interval;
import dev.mallard.types.PhysicalType;
import dev.mallard.types.TypeId;
import dev.mallard.vector.Vector;

/**
 * Sorts rows given as full-length key vectors into a stable permutation.
 *
 * <p>The algorithm is a most-significant-key-first radix-style sort over int row indexes: NULLs of
 * the current key are split off (stably), then each row gets an order-preserving 64-bit prefix of
 * its key ({@link #fillPrefixes}) and the (prefix, row) pairs are sorted with a primitive stable
 * sort ({@link LongKeySort}). Runs of equal prefix are then sorted by the next key, or by the next
 * chunk of the same key when the prefix did not capture all of it (long strings, INT128). Only
 * small runs and pathological string prefixes fall back to row-by-row comparisons. Memory is the
 * permutation plus one long and one int per row of scratch.
 */
public final class Sorter {
    /** Runs at most this long are finished with an insertion sort using {@link KeyComparator}s. */
    private static final int SMALL_RUN = 12;
    /** Strings are radix-sorted three characters per level; beyond this depth runs are compared. */
    private static final int MAX_STRING_LEVELS = 8;
    private static final int CHAR_BITS = 17;
    private static final long CHAR_MASK = (1L << CHAR_BITS) - 1;

    private final Vector[] keys;
    private final boolean[] ascending;
    private final boolean[] nullsFirst;
    private final KeyComparator[] comparators;
    private final int[] perm;
    private final long[] prefixes;
    private final int[] scratch;
    private final LongKeySort pairSort;

    private Sorter(Vector[] keys, boolean[] ascending, boolean[] nullsFirst, int[] perm) {
        this.keys = keys;
        this.ascending = ascending;
        this.nullsFirst = nullsFirst;
        this.perm = perm;
        this.comparators = new KeyComparator[keys.length];
        for (int k = 0; k < keys.length; k++) comparators[k] = new KeyComparator(keys[k], ascending[k], nullsFirst[k]);
        this.prefixes = new long[perm.length];
        this.scratch = new int[perm.length];
        this.pairSort = new LongKeySort(prefixes, perm, scratch);
    }

    /**
     * A stable permutation of {@code 0..rowCount)} ordering the rows by {@code keys} (positions
     * {@code 0..rowCount)} of each vector); {@code result[k]} is the row at sorted position k.
     */
    public static int[] sort(Vector[] keys, boolean[] ascending, boolean[] nullsFirst, int rowCount) {
        if (ascending.length != keys.length || nullsFirst.length != keys.length) {
            throw new MallardException.Internal("sort: " + keys.length + " keys but " + ascending.length
                    + " directions and " + nullsFirst.length + " NULL placements");
        }
        int[] perm = new int[rowCount];
        for (int i = 0; i < rowCount; i++) perm[i] = i;
        if (rowCount < 2 || keys.length == 0) return perm;
        new Sorter(keys, ascending, nullsFirst, perm).sortRange(0, rowCount, 0);
        return perm;
    }

    /**
     * Compares row {@code i} of {@code a} with row {@code j} of {@code b} (same physical type) as an
     * ORDER BY key would: negative when the first sorts before the second.
     */
    public static int compare(Vector a, int i, Vector b, int j, boolean ascending, boolean nullsFirst) {
        boolean nullA = a.isNull(i);
        boolean nullB = b.isNull(j);
        if (nullA || nullB) return KeyComparator.nullOrder(nullA, nullB, nullsFirst);
        int c = switch (a.physicalType()) {
            case BOOL -> Boolean.compare(a.bools[i], b.bools[j]);
            case INT32 -> Integer.compare(a.ints[i], b.ints[j]);
            case INT64 -> Long.compare(a.longs[i], b.longs[j]);
            case INT128 -> ValueOrder.compareInt128(a.highs[i], a.longs[i], b.highs[j], b.longs[j]);
            case DOUBLE -> ValueOrder.compareDoubles(a.doubles[i], b.doubles[j]);
            case STRING -> a.strings[i].compareTo(b.strings[j]);
            case OBJECT -> ValueOrder.compareObjects(a.objects[i], b.objects[j]);
            case NONE -> 0;
        };
        return ascending ? c : -c;
    }

    /** Sorts {@code perm[from..to)}, whose rows are equal on keys {@code 0..k)}, by keys {@code k..}. */
    private void sortRange(int from, int to, int k) {
        if (to - from < 2 || k == keys.length) return;
        if (to - from <= SMALL_RUN) {
            insertionSort(from, to, k);
            return;
        }
        Vector v = keys[k];
        if (v.physicalType() == PhysicalType.NONE) {
            sortRange(from, to, k + 1);
            return;
        }
        if (v.mayHaveNulls()) {
            int nulls = partitionNulls(from, to, v, nullsFirst[k]);
            int nullFrom = nullsFirst[k] ? from : to - nulls;
            int valueFrom = nullsFirst[k] ? from + nulls : from;
            sortRange(nullFrom, nullFrom + nulls, k + 1);
            sortValues(valueFrom, valueFrom + (to - from - nulls), k, 0);
        } else {
            sortValues(from, to, k, 0);
        }
    }

    /**
     * Like {@link #sortRange} for rows whose key {@code k} is not NULL and equal in the parts that
     * levels before {@code level} covered (strings: the first 3·level characters; INT128: the high half).
     */
    private void sortValues(int from, int to, int k, int level) {
        if (to - from < 2) return;
        if (to - from <= SMALL_RUN) {
            insertionSort(from, to, k);
            return;
        }
        Vector v = keys[k];
        PhysicalType type = v.physicalType();
        boolean hasPrefix = switch (type) {
            case STRING -> level < MAX_STRING_LEVELS;
            // Only intervals have a prefix encoding; other Comparable objects are compared row by row.
            case OBJECT -> v.type().id() == TypeId.INTERVAL;
            default -> true;
        };
        if (!hasPrefix) {
            mergeSort(from, to, k);
            return;
        }
        fillPrefixes(from, to, k, level);
        pairSort.sort(from, to);
        int i = from;
        while (i < to) {
            long p = prefixes[i];
            int j = i + 1;
            while (j < to && prefixes[j] == p) j++;
            if (j - i > 1) {
                if (prefixIsWholeKey(k, level, p)) sortRange(i, j, k + 1);
                else sortValues(i, j, k, level + 1);
            }
            i = j;
        }
    }

    /** Writes for each row of {@code perm[from..to)} a long whose signed order is the key's order. */
    private void fillPrefixes(int from, int to, int k, int level) {
        Vector v = keys[k];
        long flip = ascending[k] ? 0L : -1L; // ~x reverses signed order
        switch (v.physicalType()) {
            case BOOL -> {
                boolean[] a = v.bools;
                for (int i = from; i < to; i++) prefixes[i] = (a[perm[i]] ? 1L : 0L) ^ flip;
            }
            case INT32 -> {
                int[] a = v.ints;
                for (int i = from; i < to; i++) prefixes[i] = a[perm[i]] ^ flip;
            }
            case INT64 -> {
                long[] a = v.longs;
                for (int i = from; i < to; i++) prefixes[i] = a[perm[i]] ^ flip;
            }
            case INT128 -> {
                if (level == 0) {
                    long[] a = v.highs;
                    for (int i = from; i < to; i++) prefixes[i] = a[perm[i]] ^ flip;
                } else {
                    long[] a = v.longs;
                    for (int i = from; i < to; i++) prefixes[i] = (a[perm[i]] ^ Long.MIN_VALUE) ^ flip;
                }
            }
            case DOUBLE -> {
                double[] a = v.doubles;
                for (int i = from; i < to; i++) prefixes[i] = ValueOrder.doubleSortBits(a[perm[i]]) ^ flip;
            }
            case STRING -> {
                String[] a = v.strings;
                int offset = level * 3;
                for (int i = from; i < to; i++) prefixes[i] = stringChunk(a[perm[i]], offset) ^ flip;
            }
            case OBJECT -> {
                Object[] a = v.objects;
                for (int i = from; i < to; i++) prefixes[i] = ((Interval) a[perm[i]]).normalizedMicros() ^ flip;
            }
            case NONE -> throw new MallardException.Internal("NULL-typed sort key has no values");
        }
    }

    /**
     * Three characters from {@code offset} as (char + 1) in 17-bit slots, 0 past the end: unsigned
     * order of the chunks is {@link String#compareTo} order of the strings' suffixes, and a 0 in the
     * last slot means the string ended within the chunk.
     */
    private static long stringChunk(String s, int offset) {
        int len = s.length();
        long c0 = offset < len ? s.charAt(offset) + 1L : 0L;
        long c1 = offset + 1 < len ? s.charAt(offset + 1) + 1L : 0L;
        long c2 = offset + 2 < len ? s.charAt(offset + 2) + 1L : 0L;
        return (c0 << (2 * CHAR_BITS)) | (c1 << CHAR_BITS) | c2;
    }

    /** True when rows with equal prefix at this level have equal keys, so only later keys remain. */
    private boolean prefixIsWholeKey(int k, int level, long prefix) {
        return switch (keys[k].physicalType()) {
            case INT128 -> level == 1;
            case STRING -> ((ascending[k] ? prefix : ~prefix) & CHAR_MASK) == 0;
            default -> true;
        };
    }

    /** Moves the rows of {@code perm[from..to)} whose key is NULL to the front or back, stably. */
    private int partitionNulls(int from, int to, Vector v, boolean first) {
        int nulls = 0;
        for (int i = from; i < to; i++) if (v.isNull(perm[i])) nulls++;
        if (nulls == 0 || nulls == to - from) return nulls;
        int nullAt = first ? from : to - nulls;
        int valueAt = first ? from + nulls : from;
        for (int i = from; i < to; i++) {
            int row = perm[i];
            if (v.isNull(row)) scratch[nullAt++] = row;
            else scratch[valueAt++] = row;
        }
        System.arraycopy(scratch, from, perm, from, to - from);
        return nulls;
    }

    private int compareRows(int a, int b, int fromKey) {
        for (int k = fromKey; k < comparators.length; k++) {
            int c = comparators[k].compare(a, b);
            if (c != 0) return c;
        }
        return 0;
    }

    private void insertionSort(int from, int to, int k) {
        for (int i = from + 1; i < to; i++) {
            int row = perm[i];
            int j = i - 1;
            while (j >= from && compareRows(perm[j], row, k) > 0) {
                perm[j + 1] = perm[j];
                j--;
            }
            perm[j + 1] = row;
        }
    }

    /** Stable merge sort of {@code perm[from..to)} by keys {@code k..}, for runs without a prefix encoding. */
    private void mergeSort(int from, int to, int k) {
        if (to - from <= SMALL_RUN) {
            insertionSort(from, to, k);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(from, mid, k);
        mergeSort(mid, to, k);
        if (compareRows(perm[mid - 1], perm[mid], k) <= 0) return;
        System.arraycopy(perm, from, scratch, from, to - from);
        int left = from;
        int right = mid;
        int out = from;
        while (left < mid && right < to) {
            if (compareRows(scratch[right], scratch[left], k) < 0) perm[out++] = scratch[right++];
            else perm[out++] = scratch[left++];
        }
        while (left < mid) perm[out++] = scratch[left++];
        while (right < to) perm[out++] = scratch[right++];
    }
}
