package dev.mallard.vector;

import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.types.PhysicalType;
import java.math.BigInteger;

/**
 * A column of up to {@link #capacity()} values of one logical type, stored in a primitive array
 * chosen by {@link PhysicalType}, with a validity bitmask (bit set = NULL) allocated on the first
 * NULL. Vectors are reused across batches: writers call {@link #reset()} and overwrite.
 *
 * <p>Positions are physical: a {@link DataChunk}'s selection vector says which positions are live,
 * and kernels read and write position {@code i = sel[k]} so a filter never copies data.
 */
public final class Vector {
    public static final int DEFAULT_CAPACITY = 2048;

    private final LogicalType type;
    /** Cached: {@code physical} is a switch, and kernels ask per value. */
    private final PhysicalType physical;
    private int capacity;
    public boolean[] bools;
    public int[] ints;
    /** INT64 values; for INT128 the low 64 bits. */
    public long[] longs;
    /** INT128 only: the high 64 bits. */
    public long[] highs;
    public double[] doubles;
    public String[] strings;
    public Object[] objects;
    /** Bit i set means position i is NULL. Null array: no NULLs. */
    private long[] nulls;
    private boolean hasNulls;
    /**
     * When set, the batch's values are also given as codes into this small dictionary: position i
     * holds {@code dictionary[dictionaryIds[i]]} and is not NULL. Only a reader that decodes a
     * dictionary sets it, after the {@link #reset()} that starts its batch, and reset clears it; so
     * it is never stale, as long as nobody writes a vector it did not reset (which holds: the
     * writer of a batch owns the vector until the next reset). Consumers use it to work per code
     * (grouping by a flag's codes instead of its strings); the values arrays stay authoritative.
     */
    private Vector dictionary;
    private int[] dictionaryIds;

    public Vector(LogicalType type) {
        this(type, DEFAULT_CAPACITY);
    }

    public Vector(LogicalType type, int capacity) {
        this.type = type;
        this.physical = type.physicalType();
        this.capacity = 0;
        ensureCapacity(Math.max(capacity, 1));
    }

    public LogicalType type() { return type; }

    public PhysicalType physicalType() { return physical; }

    public int capacity() { return capacity; }

    /** Grows the storage to hold at least {@code n} values, keeping existing contents. */
    public void ensureCapacity(int n) {
        if (n <= capacity) return;
        int newCap = Math.max(n, capacity + (capacity >> 1));
        switch (physical) {
            case BOOL -> bools = bools == null ? new boolean[newCap] : java.util.Arrays.copyOf(bools, newCap);
            case INT32 -> ints = ints == null ? new int[newCap] : java.util.Arrays.copyOf(ints, newCap);
            case INT64 -> longs = longs == null ? new long[newCap] : java.util.Arrays.copyOf(longs, newCap);
            case INT128 -> {
                longs = longs == null ? new long[newCap] : java.util.Arrays.copyOf(longs, newCap);
                highs = highs == null ? new long[newCap] : java.util.Arrays.copyOf(highs, newCap);
            }
            case DOUBLE -> doubles = doubles == null ? new double[newCap] : java.util.Arrays.copyOf(doubles, newCap);
            case STRING -> strings = strings == null ? new String[newCap] : java.util.Arrays.copyOf(strings, newCap);
            case OBJECT -> objects = objects == null ? new Object[newCap] : java.util.Arrays.copyOf(objects, newCap);
            case NONE -> { }
        }
        if (nulls != null) nulls = java.util.Arrays.copyOf(nulls, (newCap + 63) >>> 6);
        capacity = newCap;
    }

    /** Marks every position valid again and drops the dictionary codes. Data arrays are left as they are, to be overwritten. */
    public void reset() {
        dictionary = null;
        if (hasNulls) {
            java.util.Arrays.fill(nulls, 0L);
            hasNulls = false;
        }
    }

    public boolean isNull(int i) {
        return hasNulls ? (nulls[i >>> 6] & (1L << i)) != 0 : physical == PhysicalType.NONE;
    }

    /**
     * The array a dictionary-decoding reader writes the batch's codes into (at least
     * {@code capacity()} long, owned by this vector and reused), before {@link #markDictionary}.
     */
    public int[] dictionaryIdArray() {
        if (dictionaryIds == null || dictionaryIds.length < capacity) dictionaryIds = new int[capacity];
        return dictionaryIds;
    }

    /** Says that the batch's values are {@code dictionary[dictionaryIdArray()[i]]}, none NULL. */
    public void markDictionary(Vector dictionary) {
        this.dictionary = dictionary;
    }

    /** Drops the dictionary codes: the values no longer follow them. */
    public void clearDictionary() {
        dictionary = null;
    }

    /** The dictionary the batch's values are coded in ({@link #dictionaryIds()}), or null when they are not. */
    public Vector dictionary() {
        return dictionary;
    }

    /** The codes of the batch's positions into {@link #dictionary()}; meaningful only while that is not null. */
    public int[] dictionaryIds() {
        return dictionaryIds;
    }

    /** True when some position may be NULL; false guarantees none is. */
    public boolean mayHaveNulls() {
        return hasNulls || physical == PhysicalType.NONE;
    }

    public void setNull(int i) {
        dictionary = null;
        if (nulls == null) nulls = new long[(capacity + 63) >>> 6];
        nulls[i >>> 6] |= 1L << i;
        hasNulls = true;
    }

    /**
     * Writes the positions among the first {@code count} that are not NULL into {@code out}, in
     * order, and returns how many. Read from the validity words a set bit at a time, so a loop over
     * the result has no per-row test for a branch predictor to miss on a sparse column.
     */
    public int presentPositions(int count, int[] out) {
        if (!hasNulls) {
            for (int i = 0; i < count; i++) out[i] = i;
            return physical == PhysicalType.NONE ? 0 : count;
        }
        int n = 0;
        for (int w = 0; w < (count + 63) >>> 6; w++) {
            long bits = ~nulls[w];
            if (((w + 1) << 6) > count) bits &= (1L << (count & 63)) - 1;
            for (; bits != 0; bits &= bits - 1) out[n++] = (w << 6) + Long.numberOfTrailingZeros(bits);
        }
        return n;
    }

    /** Marks NULL each of the first {@code count} rows whose bit is set in {@code words} (bit i of word i / 64 for row i). */
    public void setNulls(long[] words, int count) {
        for (int w = 0; w < (count + 63) >>> 6; w++) {
            long bits = words[w];
            if (((w + 1) << 6) > count) bits &= (1L << (count & 63)) - 1;
            if (bits == 0) continue;
            dictionary = null;
            if (nulls == null) nulls = new long[(capacity + 63) >>> 6];
            nulls[w] |= bits;
            hasNulls = true;
        }
    }

    public void setNull(int i, boolean isNull) {
        if (isNull) setNull(i);
        else if (hasNulls) nulls[i >>> 6] &= ~(1L << i);
    }

    /** Validity words for kernels that process 64 rows at a time; null when there are no NULLs. */
    public long[] nullMask() {
        return hasNulls ? nulls : null;
    }

    /**
     * Reads position i as a Java object in physical form: Boolean, Integer (INT32 types),
     * Long (INT64 types), BigInteger (INT128), Double, String, Interval; null for NULL.
     */
    public Object getObject(int i) {
        if (isNull(i)) return null;
        return switch (physical) {
            case BOOL -> bools[i];
            case INT32 -> ints[i];
            case INT64 -> longs[i];
            case INT128 -> Int128.toBigInteger(highs[i], longs[i]);
            case DOUBLE -> doubles[i];
            case STRING -> strings[i];
            case OBJECT -> objects[i];
            case NONE -> null;
        };
    }

    /** Writes a value in the physical form {@link #getObject} returns; null writes NULL. */
    public void setObject(int i, Object v) {
        if (v == null) {
            setNull(i);
            return;
        }
        setNull(i, false);
        switch (physical) {
            case BOOL -> bools[i] = (Boolean) v;
            case INT32 -> ints[i] = ((Number) v).intValue();
            case INT64 -> longs[i] = ((Number) v).longValue();
            case INT128 -> {
                BigInteger b = v instanceof BigInteger bi ? bi : BigInteger.valueOf(((Number) v).longValue());
                longs[i] = b.longValue();
                highs[i] = b.shiftRight(64).longValue();
            }
            case DOUBLE -> doubles[i] = ((Number) v).doubleValue();
            case STRING -> strings[i] = (String) v;
            case OBJECT -> objects[i] = (Interval) v;
            case NONE -> setNull(i);
        }
    }

    /** Copies position {@code from} of {@code src} (same physical type) to position {@code to}. */
    public void copyFrom(Vector src, int from, int to) {
        if (src.isNull(from)) {
            setNull(to);
            return;
        }
        setNull(to, false);
        switch (physical) {
            case BOOL -> bools[to] = src.bools[from];
            case INT32 -> ints[to] = src.ints[from];
            case INT64 -> longs[to] = src.longs[from];
            case INT128 -> {
                longs[to] = src.longs[from];
                highs[to] = src.highs[from];
            }
            case DOUBLE -> doubles[to] = src.doubles[from];
            case STRING -> strings[to] = src.strings[from];
            case OBJECT -> objects[to] = src.objects[from];
            case NONE -> setNull(to);
        }
    }

    @Override
    public String toString() {
        return "Vector[" + type + ", capacity=" + capacity + "]";
    }
}
