package dev.mallard.vector;

import java.util.Arrays;

/**
 * A few objects, compared by identity, each with an int: the key strings of a call's rows and the
 * columns they stand for, or a segment's shared strings and their dictionary codes. Such values
 * are nearly always a handful of shared objects, so a lookup is a hash read (a String keeps its
 * hash) and one or two identity comparisons, with no equals. Open addressing, so two objects whose
 * hashes collide both stay. Values that are new objects all the time (parsed JSON's keys, unique
 * strings) only fill it: its owner starts it over when {@link #isFull}.
 */
public final class IdentityInts {
    /** What {@link #get} answers for an object not in the table. */
    public static final int ABSENT = Integer.MIN_VALUE;
    private final int mask;
    private final Object[] keys;
    private final int[] values;
    private int size;

    /** A table that takes {@code capacity / 2} objects, {@code capacity} a power of two. */
    public IdentityInts(int capacity) {
        if (Integer.bitCount(capacity) != 1 || capacity < 2) throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        this.mask = capacity - 1;
        this.keys = new Object[capacity];
        this.values = new int[capacity];
    }

    /** The int put for this very object, or {@link #ABSENT}. */
    public int get(Object key) {
        int i = key.hashCode() & mask;
        for (Object k; (k = keys[i]) != null; i = (i + 1) & mask) {
            if (k == key) return values[i];
        }
        return ABSENT;
    }

    /** Whether a {@link #put} must wait for a {@link #clear}: half the slots are taken, so misses stay short. */
    public boolean isFull() {
        return size == (mask + 1) / 2;
    }

    /** How many objects were {@link #put} since the last {@link #clear}. */
    public int size() {
        return size;
    }

    public void clear() {
        Arrays.fill(keys, null);
        size = 0;
    }

    /** Puts {@code key}, which {@link #get} just answered {@link #ABSENT} for, into a table that is not {@link #isFull}. */
    public void put(Object key, int value) {
        if (isFull()) throw new IllegalStateException("the table is full");
        int i = key.hashCode() & mask;
        while (keys[i] != null) i = (i + 1) & mask;
        keys[i] = key;
        values[i] = value;
        size++;
    }
}
