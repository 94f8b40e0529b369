package dev.mallard.engine;

/**
 * {@link KeyRows} of one integer column (keys are Integers or Longs): open addressing over two
 * primitive arrays with linear probing, removed slots kept as tombstones until the next resize.
 */
final class LongKeyRows implements KeyRows {
    private static final long EMPTY = -1;
    private static final long REMOVED = -2;

    private long[] keys = new long[16];
    /** Row ids (never negative) or EMPTY / REMOVED. */
    private long[] rows = filled(16);
    private int size;
    private int used; // live and removed slots: what probing walks over

    @Override
    public long get(Object key) {
        return get(((Number) key).longValue());
    }

    /** {@link #get(Object)} without boxing the key. */
    long get(long key) {
        int i = find(key);
        return i < 0 ? NONE : rows[i];
    }

    /** The slot holding live key {@code k}, or -1. */
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
        if ((used + 1) * 10L > keys.length * 6L) resize(size + 1 > keys.length * 3 / 10 ? keys.length * 2 : keys.length);
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
                size++;
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
        int i = find(((Number) key).longValue());
        if (i < 0) return;
        rows[i] = REMOVED;
        size--;
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * Keys' low bits, with the high bits folded in (as HashMap hashes a Long): consecutive ids take
     * consecutive slots, so an insert of new ids probes memory in order instead of missing the cache
     * on every key, as a scattering hash would on a table of millions.
     */
    private static int slot(long key, int mask) {
        int h = (int) (key ^ (key >>> 32));
        return (h ^ (h >>> 16)) & mask;
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
        used = size;
    }

    private static long[] filled(int capacity) {
        long[] a = new long[capacity];
        java.util.Arrays.fill(a, EMPTY);
        return a;
    }
}
