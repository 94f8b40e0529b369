package dev.mallard.execution.hash;

import dev.mallard.execution.data.ColumnCollection;
import dev.mallard.vector.Vector;

/**
 * The build side of a hash join: rows of a {@link ColumnCollection} of key columns chained by
 * hash. {@code next[row]} and the low half of {@code heads[bucket]} hold row + 1 (0 ends a
 * chain), so the whole table is three flat arrays. Chains list rows in build order. Rows with a
 * NULL in a key that does not match NULLs are left out: they can never match.
 *
 * <p>The high half of a bucket's entry is a 32-bit Bloom filter of its rows' hashes (one bit
 * each, chosen by the hash's top five bits). A probe whose bit is clear is rejected by the one
 * load of its bucket, without the second cache miss of reading a row's hash: most lineitem rows
 * probing a year of orders have no partner, and a third of them used to land in a non-empty
 * bucket.
 */
public final class JoinHashTable {
    private final Vector[] keys;
    private final boolean[] nullsEqual;
    private final long[] heads;
    private final int[] next;
    private final long[] hashes;
    private final int rows;
    private final int mask;
    private final int kind;
    /**
     * Direct mode, for one integer key whose values span a small range (supplier, nation and
     * customer keys): {@code direct[key - directMin]} holds the first row + 1 with that key and
     * {@code next} chains rows with the same key, so a probe is a range check and one array load,
     * with no hashing and no key comparison. Null when hashed.
     */
    private final int[] direct;
    private final long directMin;
    /** Direct mode when the key range is at most this, or at most twice the rows, ... */
    private static final long DIRECT_RANGE = 1 << 16;
    private static final long DIRECT_MAX = 1 << 22;
    /**
     * ... or, up to this range, when the direct array takes at most twice the memory of the hashed
     * table's buckets and hashes: a third of the orders keyed by order key span the whole key range,
     * yet direct probes cost one load instead of three, and probes that come in key order (fact
     * tables are often sorted by it) walk the array instead of jumping around a hashed one.
     */
    private static final long DIRECT_LARGEST = 1 << 25;

    public JoinHashTable(ColumnCollection keyRows, boolean[] nullsEqual) {
        int n = keyRows.size();
        this.rows = n;
        this.keys = keyRows.columns();
        this.nullsEqual = nullsEqual.clone();
        this.next = new int[Math.max(1, n)];
        this.kind = keys.length == 1 && !this.nullsEqual[0] ? switch (keys[0].physicalType()) {
            case INT64 -> 1;
            case INT32 -> 2;
            case STRING -> 3;
            default -> 0;
        } : 0;
        long[] range = kind == 1 || kind == 2 ? keyRange(keys[0], n) : null;
        if (range != null && direct(range[1] - range[0] + 1, n)) {
            this.directMin = range[0];
            this.direct = new int[(int) (range[1] - range[0] + 1)];
            Vector k = keys[0];
            for (int r = n - 1; r >= 0; r--) {
                if (k.mayHaveNulls() && k.isNull(r)) continue;
                int i = (int) ((kind == 1 ? k.longs[r] : k.ints[r]) - directMin);
                next[r] = direct[i];
                direct[i] = r + 1;
            }
            this.hashes = null;
            this.heads = null;
            this.mask = 0;
            return;
        }
        this.direct = null;
        this.directMin = 0;
        this.hashes = new long[Math.max(1, n)];
        for (int c = 0; c < keys.length; c++) VectorHasher.hash(keys[c], null, n, hashes, c > 0);
        int buckets = bucketCount(n);
        this.mask = buckets - 1;
        this.heads = new long[buckets];
        boolean checkNulls = mayHaveUnmatchableNull(keys);
        for (int r = n - 1; r >= 0; r--) {
            if (checkNulls && hasUnmatchableNull(keys, r)) continue;
            long h = hashes[r];
            int b = (int) h & mask;
            long e = heads[b];
            next[r] = (int) e;
            heads[b] = (e & BLOOM) | bloomBit(h) | (r + 1);
        }

    }

    /**
     * Twice the rows, rounded up to a power of two; small tables get up to 16 buckets per row,
     * within 32 Ki buckets (128 KiB, cache-resident). A probe row whose bucket is empty is done
     * after one load, so sparse buckets matter most where probes mostly miss: a filtered
     * dimension (200 parts) probed by every lineitem row finds an empty bucket 99% of the time
     * instead of 70%.
     */
    static int bucketCount(int rows) {
        long wanted = Math.max(2L * rows, Math.min(16L * rows, 1 << 15));
        long buckets = Long.highestOneBit(Math.max(16, wanted) - 1) << 1;
        return (int) Math.min(buckets, 1 << 30);
    }

    /** Whether keys spanning {@code span} values over {@code rows} rows go in a direct array. */
    static boolean direct(long span, int rows) {
        if (span <= Math.min(DIRECT_MAX, Math.max(DIRECT_RANGE, 2L * rows))) return true;
        long hashedBytes = 8L * bucketCount(rows) + 8L * rows;
        return span <= DIRECT_LARGEST && 4 * span <= 2 * hashedBytes;
    }

    /** [min, max] of the non-NULL values of an integer key column (null when there are none). */
    private static long[] keyRange(Vector k, int n) {
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        boolean nulls = k.mayHaveNulls();
        for (int r = 0; r < n; r++) {
            if (nulls && k.isNull(r)) continue;
            long v = k.physicalType() == dev.mallard.types.PhysicalType.INT64 ? k.longs[r] : k.ints[r];
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return min > max || max - min < 0 ? null : new long[] {min, max};
    }

    /** Build rows (including those with NULL keys, which are in no chain). */
    public int rowCount() {
        return rows;
    }

    public int keyCount() {
        return keys.length;
    }

    /** Key column {@code i} of the build rows (not to be modified). */
    public Vector keyColumn(int i) {
        return keys[i];
    }

    /** The key hash of every build row (hashed mode only; not to be modified). */
    public long[] hashes() {
        return hashes;
    }

    /** Whether probes use {@link #firstDirect} (exact keys, no hashes) instead of {@link #first}. */
    public boolean isDirect() {
        return direct != null;
    }

    /**
     * Direct mode: bit {@code key - directMin()} is set for every key with a row, so a join filter
     * can test keys against a bitmap 32 times smaller than the direct array (6 M order keys: 750 KB
     * that stay in cache, against 24 MB).
     */
    public long[] directKeyBits() {
        long[] bits = new long[(direct.length + 63) >>> 6];
        for (int i = 0; i < direct.length; i++) bits[i >>> 6] |= (long) (direct[i] != 0 ? 1 : 0) << i;
        return bits;
    }

    /** Direct mode: the smallest key. */
    public long directMin() {
        return directMin;
    }

    /** Direct mode: the first row whose key equals position {@code p} of {@code probe} (non-NULL), or -1. */
    public int firstDirect(Vector probe, int p) {
        long i = (kind == 1 ? probe.longs[p] : probe.ints[p]) - directMin;
        return i >= 0 && i < direct.length ? direct[(int) i] - 1 : -1;
    }

    /** True if some key vector may hold a NULL that never matches: only then is the per-row check needed. */
    public boolean mayHaveUnmatchableNull(Vector[] vectors) {
        for (int c = 0; c < vectors.length; c++) {
            if (!nullsEqual[c] && vectors[c].mayHaveNulls()) return true;
        }
        return false;
    }

    /** True if row {@code p} of {@code vectors} has a NULL in a key where NULL never matches. */
    public boolean hasUnmatchableNull(Vector[] vectors, int p) {
        for (int c = 0; c < vectors.length; c++) {
            if (!nullsEqual[c] && vectors[c].isNull(p)) return true;
        }
        return false;
    }

    private static final long BLOOM = 0xFFFFFFFF00000000L;

    /** The Bloom-filter bit of a hash, in the high half of a bucket entry. */
    private static long bloomBit(long hash) {
        return 1L << (32 + (int) (hash >>> 59));
    }

    /** First row of the chain for {@code hash}, or -1 (also when the bucket's Bloom filter rules the hash out). */
    public int first(long hash) {
        long e = heads[(int) hash & mask];
        // branch-free: the row part when the hash's bit is set, else 0 (-1 after the subtraction)
        long hit = (e >>> (32 + (int) (hash >>> 59))) & 1;
        return (int) (e & -hit) - 1;
    }

    /** The row after {@code row} in its chain, or -1. */
    public int next(int row) {
        return next[row] - 1;
    }

    /** Whether build row {@code row} has the probe row's key (position {@code p} of {@code probe}, hash {@code hash}). */
    public boolean matches(Vector[] probe, int p, long hash, int row) {
        if (hashes[row] != hash) return false;
        switch (kind) {
            case 1 -> { return probe[0].longs[p] == keys[0].longs[row]; }
            case 2 -> { return probe[0].ints[p] == keys[0].ints[row]; }
            case 3 -> { return probe[0].strings[p].equals(keys[0].strings[row]); }
            default -> {
                for (int c = 0; c < keys.length; c++) {
                    boolean eq = nullsEqual[c] ? KeyEquality.equalNullsEqual(probe[c], p, keys[c], row)
                            : KeyEquality.equal(probe[c], p, keys[c], row);
                    if (!eq) return false;
                }
                return true;
            }
        }
    }
}
