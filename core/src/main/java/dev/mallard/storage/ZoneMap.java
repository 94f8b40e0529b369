package dev.mallard.storage;

import dev.mallard.MallardException;
import dev.mallard.storage.file.StreamInput;
import dev.mallard.storage.file.StreamOutput;
import dev.mallard.types.PhysicalType;
import dev.mallard.vector.Vector;

/**
 * What the values of one column segment (one column of one row group) span: whether some are
 * NULL, whether some are not, and for orderable types the smallest and largest non-NULL value.
 * A scan whose filter rules out every value in that span skips the row group without reading it
 * (see {@link TableFilter}).
 *
 * <p>A zone map only ever widens: writes union their values in, deletes leave it alone, so it may
 * describe more than the live rows but never less. Skipping on it is therefore always safe;
 * {@link #mayCompare} answers "maybe" whenever it cannot prove "no".
 *
 * <p>Immutable, so segments shared copy-on-write between tables share their zone maps too, and a
 * writer publishes a widened map by replacing the reference: a reader sees the old or the new map,
 * both covering every row it can see.
 *
 * <p>Bounds are kept as {@link Comparable} keys in one form per physical type: {@code Long} for
 * INT32 and INT64 (integers, dates, timestamps, decimals up to 18 digits), {@code Double} for
 * DOUBLE, {@code String} for STRING. Doubles are keyed with -0.0 as 0.0, which makes
 * {@link Double#compareTo} the SQL order the filters use (-0.0 equals 0.0; NaN equals NaN and is
 * above +infinity), so a segment holding NaN has the maximum NaN and no range filter can skip it
 * wrongly. Other types (BOOL, INT128, INTERVAL) get no range: only their NULL flags.
 */
public sealed interface ZoneMap {
    /** Outcome bits of comparing a value with a constant, as in {@link #mayCompare}. */
    int LESS = 0b001, EQUAL = 0b010, GREATER = 0b100;

    /** The zone map of no rows. */
    ZoneMap EMPTY = new NoRange(false, false);

    /** Whether some value may be NULL. */
    boolean hasNull();

    /** Whether some value may be non-NULL. */
    boolean hasValue();

    /**
     * Whether some non-NULL value {@code v} may compare with {@code constant} (non-NULL, in the
     * physical form of the segment's type) with an outcome in {@code outcomes}: {@code v < c}
     * passes {@link #LESS}, {@code v <> c} passes {@code LESS | GREATER}.
     */
    boolean mayCompare(int outcomes, Object constant);

    /** A zone map covering the values of both; {@code this} itself when it already covers {@code other}. */
    ZoneMap union(ZoneMap other);

    /** This zone map with {@link #hasNull()} set. */
    ZoneMap withNull();

    /** Whether every value {@code other} may describe is within this zone map. */
    default boolean covers(ZoneMap other) {
        return union(other).equals(this);
    }

    /** No known bounds: the segment has no non-NULL value, or its type is not ordered here. */
    record NoRange(boolean hasNull, boolean hasValue) implements ZoneMap {
        @Override
        public boolean mayCompare(int outcomes, Object constant) {
            return hasValue;
        }

        @Override
        public ZoneMap union(ZoneMap other) {
            if (!hasValue) return other.hasNull() || !hasNull ? other : other.withNull();
            return hasNull || !other.hasNull() ? this : new NoRange(true, true); // any value is covered
        }

        @Override
        public ZoneMap withNull() {
            return hasNull ? this : new NoRange(true, hasValue);
        }
    }

    /** Every non-NULL value lies in [min, max] (keys of one class, see {@link #key}). */
    record Range(Comparable<?> min, Comparable<?> max, boolean hasNull) implements ZoneMap {
        @Override
        public boolean hasValue() {
            return true;
        }

        @Override
        public boolean mayCompare(int outcomes, Object constant) {
            Comparable<?> c = key(constant);
            if (c == null || c.getClass() != min.getClass()) return true; // not a form this map knows: maybe
            int low = compare(min, c), high = compare(max, c);
            int possible = (low < 0 ? LESS : 0) | (low <= 0 && high >= 0 ? EQUAL : 0) | (high > 0 ? GREATER : 0);
            return (possible & outcomes) != 0;
        }

        @Override
        public ZoneMap union(ZoneMap other) {
            return switch (other) {
                case NoRange n when !n.hasValue() -> n.hasNull() ? withNull() : this;
                case Range r when r.min.getClass() == min.getClass() -> {
                    boolean lower = compare(r.min, min) < 0, higher = compare(r.max, max) > 0;
                    if (!lower && !higher && (hasNull || !r.hasNull)) yield this;
                    yield new Range(lower ? r.min : min, higher ? r.max : max, hasNull || r.hasNull);
                }
                default -> new NoRange(hasNull || other.hasNull(), true); // different kinds: no range, stay safe
            };
        }

        @Override
        public ZoneMap withNull() {
            return hasNull ? this : new Range(min, max, true);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable a, Object b) {
        return a.compareTo(b);
    }

    /** The bound key of a physical-form value: see the class comment; null for types without a range. */
    static Comparable<?> key(Object value) {
        return switch (value) {
            case Integer i -> (long) i;
            case Long l -> l;
            case Double d -> d == 0.0 ? 0.0 : d; // -0.0 is 0.0 in SQL
            case String s -> s;
            case null, default -> null;
        };
    }

    /** The zone map of one physical-form value (null: NULL) stored in a segment of {@code type}. */
    public static ZoneMap ofValue(PhysicalType type, Object value) {
        if (value == null) return new NoRange(true, false);
        Comparable<?> k = switch (type) { // the conversions Vector.setObject makes
            case INT32, INT64 -> ((Number) value).longValue();
            case DOUBLE -> key(((Number) value).doubleValue());
            case STRING -> (String) value;
            default -> null;
        };
        return k == null ? new NoRange(false, true) : new Range(k, k, false);
    }

    /** The zone map of {@code count} rows of {@code v} of which those at {@code present[0 .. n)} hold a value and the others are NULL. */
    static ZoneMap ofPresent(Vector v, int[] present, int n, int count) {
        ZoneMap values = of(v, present, n, false);
        return n < count ? values.union(new NoRange(true, false)) : values;
    }

    /** The zone map of the positions {@code sel[k]} (or {@code k} when null), k < count, of {@code v}. */
    static ZoneMap of(Vector v, int[] sel, int count) {
        if (count == 0) return EMPTY;
        if (v.physicalType() == PhysicalType.NONE) return new NoRange(true, false);
        if (sel == null && v.mayHaveNulls()) {
            // Row by row, the NULL test fails at random on a sparse column (a third of the rows, say)
            // and the branch predictor with it: list the rows holding a value first, then go over those.
            int[] present = new int[count];
            return ofPresent(v, present, v.presentPositions(count, present), count);
        }
        return of(v, sel, count, v.mayHaveNulls());
    }

    /** {@link #of(Vector, int[], int)}, testing each position for NULL only when {@code mayBeNull}. */
    private static ZoneMap of(Vector v, int[] sel, int count, boolean mayBeNull) {
        if (count == 0) return EMPTY;
        if (v.physicalType() == PhysicalType.NONE) return new NoRange(true, false);
        int values = 0;
        Comparable<?> min = null, max = null;
        switch (v.physicalType()) {
            case INT32, INT64 -> {
                // the hot case (keys, dates, decimals of bulk loads): one tight loop, no boxing
                long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
                boolean ints = v.physicalType() == PhysicalType.INT32;
                for (int k = 0; k < count; k++) {
                    int p = sel == null ? k : sel[k];
                    if (mayBeNull && v.isNull(p)) continue;
                    long x = ints ? v.ints[p] : v.longs[p];
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                    values++;
                }
                if (values > 0) {
                    min = lo;
                    max = hi;
                }
            }
            case DOUBLE -> {
                // plain comparisons, not Math.min/max: NaN fails both and is tracked apart, and
                // -0.0 against 0.0 does not matter (keys fold it); the loop stays short
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                boolean nan = false, number = false;
                double[] d = v.doubles;
                for (int k = 0; k < count; k++) {
                    int p = sel == null ? k : sel[k];
                    if (mayBeNull && v.isNull(p)) continue;
                    double x = d[p];
                    values++;
                    lo = x < lo ? x : lo;
                    hi = x > hi ? x : hi;
                    nan |= x != x;
                    number |= x == x;
                }
                if (values > 0) {
                    min = key(number ? lo : Double.NaN);
                    max = key(nan ? Double.NaN : hi);
                }
            }
            case STRING -> {
                String lo = null, hi = null;
                RecentStrings compared = new RecentStrings(); // a shared object compared once is within the bounds
                for (int k = 0; k < count; k++) {
                    int p = sel == null ? k : sel[k];
                    if (mayBeNull && v.isNull(p)) continue;
                    String x = v.strings[p];
                    values++;
                    if (compared.seen(x)) continue;
                    if (lo == null || x.compareTo(lo) < 0) lo = x;
                    if (hi == null || x.compareTo(hi) > 0) hi = x;
                }
                min = lo;
                max = hi;
            }
            default -> {
                for (int k = 0; k < count; k++) {
                    if (!(mayBeNull && v.isNull(sel == null ? k : sel[k]))) values++;
                }
            }
        }
        return ofBounds(min, max, values < count, values > 0);
    }

    /** The zone map of values spanning {@code min} to {@code max} (null for no range), with NULLs or not, with values or not. */
    static ZoneMap ofBounds(Comparable<?> min, Comparable<?> max, boolean hasNull, boolean hasValue) {
        if (min != null) return new Range(min, max, hasNull);
        return new NoRange(hasNull, hasValue);
    }

    /**
     * Writes this zone map to a checkpoint stream: flags (1: has NULL, 2: has a value), then the
     * bounds' kind (0: none, 1: Long, 2: Double, 3: String) and the bounds.
     */
    default void writeTo(StreamOutput w) {
        w.writeByte((hasNull() ? 1 : 0) | (hasValue() ? 2 : 0));
        if (!(this instanceof Range r)) {
            w.writeByte(0);
            return;
        }
        switch (r.min()) {
            case Long lo -> w.writeByte(1).writeLong(lo).writeLong((Long) r.max());
            case Double lo -> w.writeByte(2).writeDouble(lo).writeDouble((Double) r.max());
            case String lo -> w.writeByte(3).writeString(lo).writeString((String) r.max());
            default -> throw new IllegalStateException("zone map bound of " + r.min().getClass());
        }
    }

    /** Reads a zone map written by {@link #writeTo}. */
    static ZoneMap readFrom(StreamInput r) {
        int flags = r.readByte();
        boolean hasNull = (flags & 1) != 0, hasValue = (flags & 2) != 0;
        int kind = r.readByte();
        return switch (kind) {
            case 0 -> new NoRange(hasNull, hasValue);
            case 1 -> new Range(r.readLong(), r.readLong(), hasNull);
            case 2 -> new Range(r.readDouble(), r.readDouble(), hasNull);
            case 3 -> {
                String lo = r.readString(), hi = r.readString();
                if (lo == null || hi == null) throw r.damaged("a zone map without string bounds");
                yield new Range(lo, hi, hasNull);
            }
            default -> throw MallardException.Storage.corrupted("a zone map of unknown kind " + kind);
        };
    }
}
