package dev.mallard.execution.sort;

import java.util.Arrays;

/**
 * Stable sort of (long key, int item) pairs held in two parallel arrays, by signed key order.
 * When the key range leaves room for the pair's position in the low bits of one long, the pairs are
 * packed as {@code (key - min) << indexBits | position} and sorted as plain longs: with
 * {@link Arrays#sort(long[], int, int)} for small ranges (the position breaks ties, which makes it
 * stable), with an LSD radix sort over the key bits only for large ones. Keys spanning too much for
 * that are radix-sorted as separate (key, item) arrays. The radix sorts skip bytes that are the
 * same in every key.
 * The scratch arrays are indexed by the same range as the data, so one allocation serves every
 * sub-range of a recursive sort.
 */
final class LongKeySort {
    private static final int INSERTION_LIMIT = 24;
    /** From this many pairs on, packed keys are radix-sorted (about twice as fast as Arrays.sort). */
    private static final int PACKED_RADIX_MIN = 2048;

    private final long[] keys;
    private final int[] items;
    private final int[] itemScratch;
    private long[] keyScratch;

    /** All three arrays must cover every range later passed to {@link #sort}. */
    LongKeySort(long[] keys, int[] items, int[] itemScratch) {
        this.keys = keys;
        this.items = items;
        this.itemScratch = itemScratch;
    }

    /** Sorts {@code keys[from..to)} and reorders {@code items} alongside; keys stay sorted afterwards. */
    void sort(int from, int to) {
        int n = to - from;
        if (n < 2) return;
        if (n <= INSERTION_LIMIT) {
            insertionSort(from, to);
            return;
        }
        long min = keys[from];
        long max = min;
        for (int i = from + 1; i < to; i++) {
            long k = keys[i];
            if (k < min) min = k;
            else if (k > max) max = k;
        }
        if (min == max) return;
        int indexBits = 32 - Integer.numberOfLeadingZeros(n - 1);
        long range = max - min; // unsigned: may wrap for huge spans
        long maxPackable = (1L << (63 - indexBits)) - 1;
        if (Long.compareUnsigned(range, maxPackable) <= 0) {
            packedSort(from, to, min, indexBits);
        } else {
            radixSort(from, to);
        }
    }

    private void insertionSort(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long k = keys[i];
            int item = items[i];
            int j = i - 1;
            while (j >= from && keys[j] > k) {
                keys[j + 1] = keys[j];
                items[j + 1] = items[j];
                j--;
            }
            keys[j + 1] = k;
            items[j + 1] = item;
        }
    }

    private void packedSort(int from, int to, long min, int indexBits) {
        long mask = (1L << indexBits) - 1;
        for (int i = from; i < to; i++) keys[i] = ((keys[i] - min) << indexBits) | (i - from);
        if (to - from < PACKED_RADIX_MIN) {
            Arrays.sort(keys, from, to);
        } else {
            packedRadixSort(from, to, indexBits);
        }
        for (int i = from; i < to; i++) {
            long packed = keys[i];
            itemScratch[i] = items[from + (int) (packed & mask)];
            keys[i] = (packed >>> indexBits) + min;
        }
        System.arraycopy(itemScratch, from, items, from, to - from);
    }

    /** Stable LSD radix sort of non-negative packed longs by their bits above {@code indexBits}. */
    private void packedRadixSort(int from, int to, int indexBits) {
        int n = to - from;
        long[] scratch = keyScratch();
        long max = 0;
        for (int i = from; i < to; i++) max |= keys[i];
        int digits = (64 - Long.numberOfLeadingZeros(max >>> indexBits) + 7) >>> 3;
        int[][] counts = new int[digits][256];
        for (int i = from; i < to; i++) {
            long k = keys[i] >>> indexBits;
            for (int d = 0; d < digits; d++) counts[d][(int) (k >>> (d << 3)) & 0xFF]++;
        }
        long[] src = keys;
        long[] dst = scratch;
        int[] offsets = new int[256];
        for (int d = 0; d < digits; d++) {
            int[] count = counts[d];
            int shift = indexBits + (d << 3);
            if (count[(int) (src[from] >>> shift) & 0xFF] == n) continue;
            int sum = from;
            for (int b = 0; b < 256; b++) {
                offsets[b] = sum;
                sum += count[b];
            }
            for (int i = from; i < to; i++) {
                long k = src[i];
                dst[offsets[(int) (k >>> shift) & 0xFF]++] = k;
            }
            long[] t = src; src = dst; dst = t;
        }
        if (src != keys) System.arraycopy(src, from, keys, from, n);
    }

    private long[] keyScratch() {
        if (keyScratch == null || keyScratch.length < keys.length) keyScratch = new long[keys.length];
        return keyScratch;
    }

    private void radixSort(int from, int to) {
        int n = to - from;
        long[] scratchKeys = keyScratch();
        int[][] counts = new int[8][256];
        for (int i = from; i < to; i++) {
            long k = keys[i] ^ Long.MIN_VALUE; // unsigned order equals signed order of the original
            for (int d = 0; d < 8; d++) counts[d][(int) (k >>> (d << 3)) & 0xFF]++;
        }
        long[] srcKeys = keys;
        int[] srcItems = items;
        long[] dstKeys = scratchKeys;
        int[] dstItems = itemScratch;
        int[] offsets = new int[256];
        for (int d = 0; d < 8; d++) {
            int[] count = counts[d];
            int shift = d << 3;
            int firstDigit = (int) ((srcKeys[from] ^ Long.MIN_VALUE) >>> shift) & 0xFF;
            if (count[firstDigit] == n) continue; // every key shares this byte
            int sum = from;
            for (int b = 0; b < 256; b++) {
                offsets[b] = sum;
                sum += count[b];
            }
            for (int i = from; i < to; i++) {
                long k = srcKeys[i];
                int digit = (int) ((k ^ Long.MIN_VALUE) >>> shift) & 0xFF;
                int at = offsets[digit]++;
                dstKeys[at] = k;
                dstItems[at] = srcItems[i];
            }
            long[] tk = srcKeys; srcKeys = dstKeys; dstKeys = tk;
            int[] ti = srcItems; srcItems = dstItems; dstItems = ti;
        }
        if (srcKeys != keys) {
            System.arraycopy(srcKeys, from, keys, from, n);
            System.arraycopy(srcItems, from, items, from, n);
        }
    }
}
