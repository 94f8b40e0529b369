package dev.mallard.storage;

import dev.mallard.execution.hash.VectorHasher;
import dev.mallard.types.PhysicalType;
import dev.mallard.vector.Vector;

/**
 * What the optimizer may know about one stored column, kept up to date as rows are written: an
 * estimate of its distinct values and, for numbers, dates and timestamps, the smallest and largest
 * value in physical form (see {@link Vector}). Values only ever widen the statistics, so after
 * deletes they describe a superset of the rows: they feed estimates, never answers.
 */
public final class ColumnStatistics {
    private final PhysicalType type;
    private final DistinctSketch sketch;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private long nulls;
    private long values;

    public ColumnStatistics(PhysicalType type) {
        this(type, new DistinctSketch());
    }

    private ColumnStatistics(PhysicalType type, DistinctSketch sketch) {
        this.type = type;
        this.sketch = sketch;
    }

    /** Writes these statistics to a checkpoint stream. */
    public void writeTo(dev.mallard.storage.file.StreamOutput w) {
        byte[] r = sketch.registers();
        w.writeBytes(r, 0, r.length);
        w.writeDouble(min).writeDouble(max).writeLong(nulls).writeLong(values);
    }

    /** Reads statistics of a column of {@code type} written by {@link #writeTo}. */
    public static ColumnStatistics readFrom(PhysicalType type, dev.mallard.storage.file.StreamInput r) {
        byte[] registers = new byte[DistinctSketch.REGISTERS];
        r.readBytes(registers, 0, registers.length);
        ColumnStatistics c = new ColumnStatistics(type, DistinctSketch.of(registers));
        c.min = r.readDouble();
        c.max = r.readDouble();
        c.nulls = r.readLong();
        c.values = r.readLong();
        return c;
    }

    public ColumnStatistics copy() {
        ColumnStatistics c = new ColumnStatistics(type, sketch.copy());
        c.min = min;
        c.max = max;
        c.nulls = nulls;
        c.values = values;
        return c;
    }

    /** Widens these statistics by {@code other}'s (the rows another thread added). */
    public void merge(ColumnStatistics other) {
        sketch.addAll(other.sketch);
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        nulls += other.nulls;
        values += other.values;
    }

    /** Empty statistics of the same column type. */
    public ColumnStatistics fresh() {
        return new ColumnStatistics(type);
    }

    /**
     * Adds positions {@code positions[k]} (or {@code k} when null), k < count, of {@code v}: a
     * loop per type, each skipping NULLs itself, since a bulk load's sparse columns have them in
     * every chunk and going through {@link #add(Vector, int)} row by row cost a switch per row.
     * Returns their zone map when finding it cost nothing more, an integer column's bounds being
     * found on the way (what {@link ZoneMap#of} would give): a bulk load's segments then take it
     * instead of going over the values once more. Null otherwise.
     */
    public ZoneMap add(Vector v, int[] positions, int count) {
        if (positions == null && v.mayHaveNulls() && count > 0) {
            // the rows holding a value first, as ZoneMap.of does: no NULL test per row for the branch predictor to miss
            int[] present = new int[count];
            return addPresent(v, present, v.presentPositions(count, present), count);
        }
        return add(v, positions, count, v.mayHaveNulls());
    }

    /** {@link #add(Vector, int[], int)}, testing each row for NULL only when {@code mayBeNull}. */
    private ZoneMap add(Vector v, int[] positions, int count, boolean mayBeNull) {
        int present = 0;
        ZoneMap zone = null;
        switch (type) {
            case STRING -> {
                // shared objects (a flag's few values) are hashed into the sketch once: adding a hash again changes nothing
                String[] a = v.strings;
                RecentStrings recent = new RecentStrings();
                for (int k = 0; k < count; k++) {
                    int p = positions == null ? k : positions[k];
                    if (mayBeNull && v.isNull(p)) continue;
                    present++;
                    String x = a[p];
                    if (!recent.seen(x)) sketch.add(VectorHasher.hashBits(x.hashCode()));
                }
            }
            case DOUBLE -> {
                double[] a = v.doubles;
                double lo = min, hi = max;
                for (int k = 0; k < count; k++) {
                    int p = positions == null ? k : positions[k];
                    if (mayBeNull && v.isNull(p)) continue;
                    present++;
                    double x = a[p];
                    sketch.add(VectorHasher.hashBits(dev.mallard.execution.hash.KeyEquality.doubleKey(x)));
                    if (x < lo) lo = x;
                    if (x > hi) hi = x;
                }
                min = lo;
                max = hi;
            }
            case INT32, INT64 -> {
                // keys, dates, decimals: the hot case of bulk loads; bounds compared as longs, not doubles (NaN-aware, a conversion each)
                long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
                boolean ints = type == PhysicalType.INT32;
                int[] is = v.ints;
                long[] ls = v.longs;
                for (int k = 0; k < count; k++) {
                    int p = positions == null ? k : positions[k];
                    if (mayBeNull && v.isNull(p)) continue;
                    present++;
                    long x = ints ? is[p] : ls[p];
                    sketch.add(VectorHasher.hashBits(x));
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
                if (present > 0) {
                    min = Math.min(min, (double) lo);
                    max = Math.max(max, (double) hi);
                }
                zone = present == 0 ? ZoneMap.ofBounds(null, null, count > 0, false) : ZoneMap.ofBounds(lo, hi, present < count, true);
            }
            case BOOL -> {
                // two values: each hashed once, as VectorHasher.valueBits numbers them
                boolean[] a = v.bools;
                int trues = 0;
                for (int k = 0; k < count; k++) {
                    int p = positions == null ? k : positions[k];
                    if (mayBeNull && v.isNull(p)) continue;
                    present++;
                    if (a[p]) trues++;
                }
                if (trues > 0) sketch.add(VectorHasher.hashBits(1));
                if (trues < present) sketch.add(VectorHasher.hashBits(2));
            }
            default -> {
                for (int k = 0; k < count; k++) {
                    int p = positions == null ? k : positions[k];
                    if (mayBeNull && v.isNull(p)) continue;
                    present++;
                    sketch.add(VectorHasher.hashOne(v, p));
                }
            }
        }
        sketch.changed();
        values += present;
        nulls += count - present;
        return zone;
    }

    /**
     * Adds {@code count} rows of {@code v} of which those at {@code present[0 .. n)} hold a value
     * and the others are NULL; returns what {@link #add(Vector, int[], int)} does.
     */
    ZoneMap addPresent(Vector v, int[] present, int n, int count) {
        ZoneMap zone = add(v, present, n, false);
        nulls += count - n;
        return zone == null || n == count ? zone : zone.withNull();
    }

    /**
     * Adds {@code strings[from, to)}, those whose bit is set in {@code nullBits} (may be null)
     * as NULLs; {@code recent} (null: every value is hashed) remembers shared objects across calls
     * so each is hashed once.
     */
    void addStrings(String[] strings, long[] nullBits, int from, int to, RecentStrings recent) {
        int present = 0;
        for (int i = from; i < to; i++) {
            if (nullBits != null && (nullBits[i >>> 6] & (1L << i)) != 0) continue;
            present++;
            String x = strings[i];
            if (recent == null || !recent.seen(x)) sketch.add(VectorHasher.hashBits(x.hashCode()));
        }
        sketch.changed();
        values += present;
        nulls += to - from - present;
    }

    /** Adds {@code rows} non-NULL values and {@code nullRows} NULLs whose distinct values are {@code distinct} (a null entry is skipped). */
    void addStringSet(String[] distinct, long rows, long nullRows) {
        for (String x : distinct) if (x != null) sketch.add(VectorHasher.hashBits(x.hashCode()));
        sketch.changed();
        values += rows;
        nulls += nullRows;
    }

    /** Adds the value at position {@code p} of {@code v}. */
    public void add(Vector v, int p) {
        if (v.isNull(p)) {
            nulls++;
            return;
        }
        values++;
        sketch.add(VectorHasher.hashOne(v, p));
        sketch.changed();
        double x = switch (type) {
            case INT32 -> v.ints[p];
            case INT64 -> v.longs[p];
            case DOUBLE -> v.doubles[p];
            default -> Double.NaN;
        };
        if (x < min) min = x;
        if (x > max) max = x;
    }

    /** Estimated distinct non-NULL values (0 for an empty or all-NULL column). */
    public double distinctCount() {
        return values == 0 ? 0 : Math.min(values, Math.max(1, sketch.estimate()));
    }

    /** Whether {@link #min()} and {@link #max()} hold: a numeric, date or timestamp column with a value. */
    public boolean hasRange() {
        return min <= max;
    }

    /** The smallest non-NULL value in physical form (days for DATE, scaled for DECIMAL). */
    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public long nullCount() {
        return nulls;
    }
}
