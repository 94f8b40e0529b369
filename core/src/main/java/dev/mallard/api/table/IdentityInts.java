package dev.mallard.api.table;

import java.util.Arrays;

/**
 * A few objects, compared by identity, each with an int: the key strings of a call's rows and what
 * they stand for. The rows of one call nearly always share a handful of key objects, so a lookup
 * is a hash read (a String keeps its hash) and one or two identity comparisons, with no equals. Open
 * addressing, so two keys whose hashes collide both stay. Rows that bring new key objects all the
 * time (parsed JSON, say) only fill it: its owner starts it over when {@link #isFull}.
 */
final class IdentityInts {
    /** What {@link #get} answers for an object not in the table. */
    static final int ABSENT = Integer.MIN_VALUE;
    private static final int CAPACITY = 64;
    private final Object[] keys = new Object[CAPACITY];
    private final int[] values = new int[CAPACITY];
    private int size;

    /** The int put for this very object, or {@link #ABSENT}. */
    int get(Object key) {
        int i = key.hashCode() & (CAPACITY - 1);
        for (Object k; (k = keys[i]) != null; i = (i + 1) & (CAPACITY - 1)) {
            if (k == key) return values[i];
        }
        return ABSENT;
    }

    /** Whether a {@link #put} must wait for a {@link #clear}: half the slots are taken, so misses stay short. */
    boolean isFull() {
        return size == CAPACITY / 2;
    }

    void clear() {
        Arrays.fill(keys, null);
        size = 0;
    }

    /** Puts {@code key}, which {@link #get} just answered {@link #ABSENT} for, into a table that is not {@link #isFull}. */
    void put(Object key, int value) {
        if (isFull()) throw new IllegalStateException("the table is full");
        int i = key.hashCode() & (CAPACITY - 1);
        while (keys[i] != null) i = (i + 1) & (CAPACITY - 1);
        keys[i] = key;
        values[i] = value;
        size++;
    }
}
