package dev.mallard.execution.join;

import dev.mallard.execution.hash.JoinHashTable;
import dev.mallard.execution.hash.VectorHasher;
import dev.mallard.vector.Vector;

/**
 * What a finished join build tells the table scan on its probe side: which key values can have a
 * partner. The scan drops the other rows before reading its remaining columns and before they
 * reach the probe (sideways information passing). For TPC-H Q3, 99 % of the lineitem rows
 * shipped after the date have no partner among the filtered orders; testing them here costs a
 * cache-resident lookup instead of reading two more columns and a random access into the table.
 *
 * <p>Hashed builds give a blocked Bloom filter (two bits in one 64-bit word per key, 12 to 24
 * bits per key, so one cache line per test and about 2 % false positives); direct-mode builds
 * (see {@link JoinHashTable#isDirect}) answer exactly from a bitmap of their key range. Keys are hashed
 * exactly as the probe hashes them, so a row that would match always passes. NULL keys never
 * pass: the joins that get a filter never match them.
 */
public final class JoinFilter {
    private static final int BITS_PER_KEY = 12;

    /** Direct mode: one bit per key from {@code min}, set when the key has a build row; null when hashed. */
    private final long[] keyBits;
    private final long min;
    private final long[] words;
    private final int mask;

    private JoinFilter(long[] keyBits, long min, long[] words) {
        this.keyBits = keyBits;
        this.min = min;
        this.words = words;
        this.mask = words == null ? 0 : words.length - 1;
    }

    /** The filter on key {@code key} of a finished join hash table. */
    public static JoinFilter of(JoinHashTable table, int key) {
        if (table.isDirect()) return new JoinFilter(table.directKeyBits(), table.directMin(), null);
        int rows = table.rowCount();
        long[] hashes = table.hashes();
        if (table.keyCount() > 1) {
            // the table hashes all keys together; the scan sees one
            hashes = new long[Math.max(1, rows)];
            VectorHasher.hash(table.keyColumn(key), null, rows, hashes, false);
        }
        long wanted = Math.max(1, (long) rows * BITS_PER_KEY / 64);
        long words = Long.highestOneBit(wanted);
        if (words < wanted) words <<= 1;
        long[] w = new long[(int) Math.min(words, 1 << 26)];
        int m = w.length - 1;
        for (int r = 0; r < rows; r++) {
            long h = hashes[r];
            w[wordOf(h, m)] |= bitsOf(h);
        }
        return new JoinFilter(null, 0, w);
    }

    private static int wordOf(long h, int mask) {
        return (int) (h >>> 38) & mask;
    }

    private static long bitsOf(long h) {
        return (1L << (h >>> 20)) | (1L << (h >>> 26));
    }

    /**
     * Keeps the positions ({@code sel[k]}, or k when {@code sel} is null; k < count) whose key may
     * have a partner, writing them to {@code out}; returns how many. {@code hashes} is scratch of
     * at least {@code count} entries.
     */
    public int select(Vector key, int[] sel, int count, int[] out, long[] hashes) {
        boolean nulls = key.mayHaveNulls();
        int n = 0;
        if (keyBits != null) {
            long[] bits = keyBits;
            long span = (long) bits.length << 6;
            boolean longs = key.physicalType() == dev.mallard.types.PhysicalType.INT64;
            for (int k = 0; k < count; k++) {
                int p = sel == null ? k : sel[k];
                long i = (longs ? key.longs[p] : key.ints[p]) - min;
                // out of range (below min wraps to a huge unsigned value) or a clear bit: no partner
                boolean hit = Long.compareUnsigned(i, span) < 0 && (bits[(int) (i >>> 6)] >>> i & 1) != 0;
                out[n] = p;
                n += hit && !(nulls && key.isNull(p)) ? 1 : 0;
            }
            return n;
        }
        VectorHasher.hash(key, sel, count, hashes, false);
        long[] w = words;
        int m = mask;
        for (int k = 0; k < count; k++) {
            int p = sel == null ? k : sel[k];
            long h = hashes[k];
            long b = bitsOf(h);
            out[n] = p;
            n += (w[wordOf(h, m)] & b) == b && !(nulls && key.isNull(p)) ? 1 : 0;
        }
        return n;
    }
}
