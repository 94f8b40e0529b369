package dev.mallard.engine;

import java.util.Arrays;

/**
 * {@link KeyRows} of one integer column (keys are Integers or Longs), in two parts.
 *
 * <p>A <em>run</em>: keys that arrived as consecutive integers from the first one on (an id
 * column, numbered by the application or the lazy API), kept as an array of rows indexed by the
 * key's distance from the first. Indexing a million new ids is then appending to an array, and
 * asking whether an id is taken is one load.
 *
 * <p>A hash table for every other key: open addressing over two primitive arrays with linear
 * probing, removed slots kept as tombstones until the next resize. Its hash scatters keys, because
 * linear probing over keys in order (consecutive ids taking consecutive slots) builds one long
 * cluster: a key that wraps around the table onto it walked the whole cluster, and an insert of
 * new ids after a smaller first batch took seconds.
 */
final class LongKeyRows implements KeyRows {
    private static final long EMPTY = -1;
    private static final long REMOVED = -2;

    /** The run's first key; its rows are {@link #runRows}[key - runFirst], {@link #NONE} where removed. */
    private long runFirst;
    private long[] runRows = new long[0];
    private int runLength;
    private int runLive;

    private long[] keys = new long[16];
    /** Row ids (never negative) or EMPTY / REMOVED. */
    private long[] rows = filled(16);
    private int hashed;
    private int used; // live and removed slots: what probing walks over

    @Override
    public long get(Object key) {
        return get(((Number) key).longValue());
    }

    /** {@link #get(Object)} without boxing the key. */
    long get(long key) {
        long d = key - runFirst;
        if (Long.compareUnsigned(d, runLength) < 0) return runRows[(int) d];
        if (hashed == 0) return NONE;
        int i = find(key);
        return i < 0 ? NONE : rows[i];
    }

    /** The slot holding live key {@code k} in the hash table, or -1. */
    private int find(long k) {
        int mask = keys.length - 1;
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            long row = rows[i];
            if (row == EMPTY) return -1;
            if (row >= 0 && keys[i] == k) return i;
        }
    }

    @Override
    public void put(Object key, long row) {
        put(((Number) key).longValue(), row);
    }

    /** {@link #put(Object, long)} without boxing the key. */
    void put(long k, long row) {
        if (runLength == 0 && hashed == 0) runFirst = k;
        long d = k - runFirst;
        if (Long.compareUnsigned(d, runLength) < 0) {
            if (runRows[(int) d] == NONE) runLive++;
            runRows[(int) d] = row;
            return;
        }
        // the next key of the run, unless the hash table already holds it (it came before the run reached it)
        if (d == runLength && runLength < Integer.MAX_VALUE - 8 && (hashed == 0 || find(k) < 0)) {
            if (runLength == runRows.length) runRows = Arrays.copyOf(runRows, Math.max(16, runLength + (runLength >> 1)));
            runRows[runLength++] = row;
            runLive++;
            return;
        }
        putHashed(k, row);
    }

    /**
     * Whether no key of {@code lo .. lo + count - 1} is held: the question of a statement that
     * inserts consecutive ids. It answers false when it cannot tell at once (the range meets the run,
     * or keys are hashed), and the caller asks key by key.
     */
    boolean holdsNoneOf(long lo, int count) {
        if (hashed != 0) return false;
        long d = lo - runFirst;
        return runLength == 0 || d >= runLength || d + count <= 0;
    }

    /** Puts keys {@code lo .. lo + count - 1}, held by rows {@code firstRow ..} ({@code firstRow} alone when {@code sameRow}). */
    void putRange(long lo, int count, long firstRow, boolean sameRow) {
        if (runLength == 0 && hashed == 0) runFirst = lo;
        if (lo - runFirst != runLength || runLength > Integer.MAX_VALUE - 8 - count || hashed != 0) {
            for (int i = 0; i < count; i++) put(lo + i, sameRow ? firstRow : firstRow + i);
            return;
        }
        if (runLength + count > runRows.length) runRows = Arrays.copyOf(runRows, Math.max(Math.max(16, runLength + count), runLength + (runLength >> 1)));
        for (int i = 0; i < count; i++) runRows[runLength + i] = sameRow ? firstRow : firstRow + i;
        runLength += count;
        runLive += count;
    }

    private void putHashed(long k, long row) {
        if ((used + 1) * 10L > keys.length * 6L) resize(hashed + 1 > keys.length * 3 / 10 ? keys.length * 2 : keys.length);
        int mask = keys.length - 1;
        int free = -1;
        for (int i = slot(k, mask); ; i = (i + 1) & mask) {
            long r = rows[i];
            if (r == EMPTY) {
                if (free < 0) {
                    free = i;
                    used++;
                }
                keys[free] = k;
                rows[free] = row;
                hashed++;
                return;
            }
            if (r == REMOVED) {
                if (free < 0) free = i;
            } else if (keys[i] == k) {
                rows[i] = row;
                return;
            }
        }
    }

    @Override
    public void remove(Object key) {
        long k = ((Number) key).longValue();
        long d = k - runFirst;
        if (Long.compareUnsigned(d, runLength) < 0) {
            if (runRows[(int) d] != NONE) runLive--;
            runRows[(int) d] = NONE;
            return;
        }
        if (hashed == 0) return;
        int i = find(k);
        if (i < 0) return;
        rows[i] = REMOVED;
        hashed--;
    }

    @Override
    public int size() {
        return runLive + hashed;
    }

    /** A 64-bit multiplicative (Fibonacci) hash: keys in any order spread over the table. */
    private static int slot(long key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }

    /** Rehashes the live entries into {@code capacity} slots, dropping the tombstones. */
    private void resize(int capacity) {
        long[] oldKeys = keys;
        long[] oldRows = rows;
        keys = new long[capacity];
        rows = filled(capacity);
        int mask = capacity - 1;
        for (int j = 0; j < oldRows.length; j++) {
            if (oldRows[j] < 0) continue;
            int i = slot(oldKeys[j], mask);
            while (rows[i] != EMPTY) i = (i + 1) & mask;
            keys[i] = oldKeys[j];
            rows[i] = oldRows[j];
        }
        used = hashed;
    }

    private static long[] filled(int capacity) {
        long[] a = new long[capacity];
        Arrays.fill(a, EMPTY);
        return a;
    }
}
