package dev.mallard.storage;

import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.types.PhysicalType;
import dev.mallard.vector.Vector;
import java.util.Arrays;

/**
 * The values of one column within one row group: a primitive array (chosen by the physical type,
 * laid out like {@link Vector}) plus a validity bitmask allocated on the first NULL. Arrays start
 * small and double up to {@link DataTable#ROW_GROUP_SIZE}, so a three-row table does not pay for a
 * full row group.
 *
 * <p>Segments are copy-on-write between tables: {@link DataTable#withColumnAdded} and
 * {@link DataTable#withColumnDropped} hand the same segment objects to the new table and mark them
 * {@link #shared}; whichever table writes first replaces the segment with a private
 * {@link #copy()}. A segment is never written after it has been shared.
 */
final class ColumnSegment {
    private static final int MIN_CAPACITY = 1024;

    final PhysicalType type;
    int capacity;
    boolean[] bools;
    int[] ints;
    long[] longs;
    long[] highs;
    double[] doubles;
    String[] strings;
    Object[] objects;
    /** Bit i set: offset i is NULL. Null array: no NULL was ever written. */
    long[] nulls;
    /** Set once two tables reference this segment; from then on it is read-only. */
    volatile boolean shared;
    /**
     * What the values written so far span, widened by every write (see {@link ZoneMap}); carried
     * over by {@link #pack}, {@link #unpacked()} and {@link #copy()}. Written before the table
     * publishes the rows (its volatile row id limit), so a scan sees a map covering every row
     * it reads.
     */
    ZoneMap zone = ZoneMap.EMPTY;
    /**
     * A STRING segment filled to be packed at once ({@link #append(int, Vector, int[], int, boolean)})
     * leaves its zone map to {@link #pack}: comparing each string when it is appended reads it from
     * memory a first time, and packing reads it again a row group later, when it has left the
     * cache. Unique strings (names, labels) made a bulk insert spend an eighth of its time on those
     * first reads.
     */
    private boolean zonePending;
    /**
     * STRING segments: the distinct values appended so far, while there are few, so equal values
     * share one {@code String} object (a column such as a ship mode or a status flag then costs a
     * reference per row, and its hash code is computed once). Dropped once the column shows too
     * many distinct values to be worth it.
     */
    private java.util.HashMap<String, String> distinctStrings;
    /**
     * In front of {@link #distinctStrings}: the objects met so far, by identity, with the index of
     * the shared one in {@link #sharedObjects}. Readers mostly share their objects already, so a row
     * costs one identity lookup instead of hashing and comparing its value in the map.
     */
    private dev.mallard.vector.IdentityInts sharedIndex;
    private String[] sharedObjects;
    boolean manyStrings;
    private static final int MAX_SHARED_STRINGS = 256;
    /** Slots of {@link #sharedIndex}: it takes half as many objects. */
    private static final int SHARED_INDEX = 1024;
    /**
     * A full INT32/INT64 segment may be packed (see {@link #pack}): values stored as unsigned
     * 16- or 32-bit offsets from {@code base} in one of these arrays, the plain array dropped.
     * A packed segment is read-only; writers replace it with {@link #unpacked()}.
     */
    short[] packed16;
    int[] packed32;
    long base;
    /**
     * A full STRING segment may be packed too: with few distinct values as 8- or 16-bit codes into
     * {@code dictionary} (reads copy references, no allocation), otherwise as the values' UTF-8
     * bytes back to back in {@code heap}, value i at {@code [heapOffsets[i], heapOffsets[i + 1])}: a
     * 30-character comment then costs 34 bytes instead of ~76 for a reference, a String and its
     * array, which is what lets TPC-H SF 10 stay in the heap.
     */
    String[] dictionary;
    byte[] codes8;
    char[] codes16;
    byte[] heap;
    int[] heapOffsets;

    /**
     * Where this segment's values lie in the database file, while they are the same as there
     * (loaded, or written by a checkpoint, and not changed since): such a segment may be evicted
     * and read again. Writers clear it before they change the segment (see DataTable#writable).
     */
    dev.mallard.storage.file.SegmentPointer pointer;
    /** Non-null for a segment not read yet: only its type, rows, zone map and pointer are set. */
    dev.mallard.storage.file.SegmentSource source;
    /** Set when read, cleared by the buffer manager's clock hand: recently used segments stay. */
    volatile boolean referenced;

    /** A segment left in the database file until a query needs it. */
    static ColumnSegment placeholder(PhysicalType type, int rows, ZoneMap zone, dev.mallard.storage.file.SegmentPointer pointer,
                                     dev.mallard.storage.file.SegmentSource source) {
        ColumnSegment s = new ColumnSegment(type);
        s.capacity = rows;
        s.zone = zone;
        s.pointer = pointer;
        s.source = source;
        return s;
    }

    boolean resident() {
        return source == null;
    }

    /** Approximate heap bytes of the values (for the buffer manager's accounting). */
    long memoryBytes() {
        long b = 64;
        if (bools != null) b += bools.length;
        if (ints != null) b += 4L * ints.length;
        if (longs != null) b += 8L * longs.length;
        if (highs != null) b += 8L * highs.length;
        if (doubles != null) b += 8L * doubles.length;
        if (strings != null) {
            b += 4L * strings.length;
            if (manyStrings) for (String v : strings) if (v != null) b += 40 + v.length();
        }
        if (objects != null) b += 40L * objects.length;
        if (nulls != null) b += 8L * nulls.length;
        if (packed16 != null) b += 2L * packed16.length;
        if (packed32 != null) b += 4L * packed32.length;
        if (dictionary != null) for (String v : dictionary) b += 40 + (v == null ? 0 : v.length());
        if (codes8 != null) b += codes8.length;
        if (codes16 != null) b += 2L * codes16.length;
        if (heap != null) b += heap.length + 4L * heapOffsets.length;
        return b;
    }

    ColumnSegment(LogicalType type, int capacity) {
        this.type = type.physicalType();
        grow(Math.max(capacity, 1));
    }

    /** An empty shell of the given type, filled in by {@link #pack}. */
    ColumnSegment(PhysicalType type) {
        this.type = type;
    }

    private ColumnSegment(ColumnSegment o) {
        this.type = o.type;
        this.capacity = o.capacity;
        this.bools = o.bools == null ? null : o.bools.clone();
        this.ints = o.ints == null ? null : o.ints.clone();
        this.longs = o.longs == null ? null : o.longs.clone();
        this.highs = o.highs == null ? null : o.highs.clone();
        this.doubles = o.doubles == null ? null : o.doubles.clone();
        this.strings = o.strings == null ? null : o.strings.clone();
        this.objects = o.objects == null ? null : o.objects.clone();
        this.nulls = o.nulls == null ? null : o.nulls.clone();
        this.zone = o.zone; // immutable: shared
        this.packed16 = o.packed16; // packed arrays are never written: shared
        this.packed32 = o.packed32;
        this.base = o.base;
        this.dictionary = o.dictionary;
        this.codes8 = o.codes8;
        this.codes16 = o.codes16;
        this.heap = o.heap;
        this.heapOffsets = o.heapOffsets;
    }

    /**
     * The first {@code rows} values of a full segment in a compact read-only form: strings as a
     * dictionary or a byte heap (see {@link #dictionary}), integers as offsets from their
     * minimum when they span less than 2^32 (dates, keys, quantities and money of TPC-H all do):
     * 2 or 4 bytes a value instead of 4 or 8, so scans move a half to a quarter of the memory and
     * large tables fit in the heap. Returns {@code s} itself when packing does not pay. The
     * result is a new object, published by the caller as a whole, so concurrent readers of
     * {@code s} are not disturbed.
     */
    static ColumnSegment pack(ColumnSegment s, int rows) {
        return pack(s, rows, null);
    }

    /**
     * {@link #pack(ColumnSegment, int)}, adding a STRING segment's values to {@code stringStats}
     * (when not null) while packing has them in the cache: a bulk append leaves its unique strings
     * to this, since hashing them for the sketch as they arrive and encoding them here read each one
     * from memory twice.
     */
    static ColumnSegment pack(ColumnSegment s, int rows, ColumnStatistics stringStats) {
        if (s.type == PhysicalType.STRING && !s.isPacked() && rows > 0) return packStrings(s, rows, stringStats);
        if (stringStats != null && rows > 0) throw new IllegalArgumentException("only an unpacked STRING segment adds to string statistics");
        if (s.isPacked() || rows == 0) return s.settleZone(rows);
        if (!(s.type == PhysicalType.INT32 || s.type == PhysicalType.INT64)) return s;
        long min, max;
        if (s.zone instanceof ZoneMap.Range r && r.min() instanceof Long lo && r.max() instanceof Long hi) {
            // the zone map holds every value written (a superset after updates), which is all packing needs
            min = lo;
            max = hi;
        } else {
            min = Long.MAX_VALUE;
            max = Long.MIN_VALUE;
            for (int i = 0; i < rows; i++) {
                if (s.nulls != null && s.isNull(i)) continue;
                long v = s.type == PhysicalType.INT32 ? s.ints[i] : s.longs[i];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (min > max) min = max = 0; // all NULL
        }
        long span = max - min;
        int bytes = s.type == PhysicalType.INT32 ? 4 : 8;
        if (span < 0 || span >= (1L << 32) || (span >= (1L << 16) && bytes == 4)) return s;
        ColumnSegment p = new ColumnSegment(s.type);
        p.capacity = rows;
        p.zone = s.zone;
        p.base = min;
        if (s.nulls != null) p.nulls = Arrays.copyOf(s.nulls, (rows + 63) >>> 6);
        // Every slot first, in loops the JIT vectorizes; NULL slots (whatever they hold) then become 0, as min would.
        if (span < (1L << 16)) {
            short[] a = new short[rows];
            if (s.type == PhysicalType.INT32) {
                int[] v = s.ints;
                int m = (int) min;
                for (int i = 0; i < rows; i++) a[i] = (short) (v[i] - m);
            } else {
                long[] v = s.longs;
                for (int i = 0; i < rows; i++) a[i] = (short) (v[i] - min);
            }
            zeroNulls(s.nulls, rows, a, null);
            p.packed16 = a;
        } else {
            int[] a = new int[rows];
            long[] v = s.longs;
            for (int i = 0; i < rows; i++) a[i] = (int) (v[i] - min);
            zeroNulls(s.nulls, rows, null, a);
            p.packed32 = a;
        }
        return p;
    }

    /** Sets the NULL rows (bits of {@code nulls}, may be null) among the first {@code rows} of {@code a16} or {@code a32} to 0. */
    private static void zeroNulls(long[] nulls, int rows, short[] a16, int[] a32) {
        if (nulls == null) return;
        for (int w = 0; w < (rows + 63) >>> 6; w++) {
            for (long bits = nulls[w]; bits != 0; bits &= bits - 1) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                if (i >= rows) break;
                if (a16 != null) a16[i] = 0;
                else a32[i] = 0;
            }
        }
    }

    /** Values sampled before deciding against a dictionary; more distinct than half of them: a heap. */
    private static final int DICTIONARY_SAMPLE = 8192;

    private static ColumnSegment packStrings(ColumnSegment s, int rows, ColumnStatistics stats) {
        ColumnSegment p = new ColumnSegment(s.type);
        p.capacity = rows;
        p.zone = s.zone;
        if (s.nulls != null) p.nulls = Arrays.copyOf(s.nulls, (rows + 63) >>> 6);
        int nullRows = nullCount(s.nulls, rows);
        // mostly unique, like a comment column or labels: not worth building a map of every value
        boolean dictionary = distinctHashes(s.strings, s.nulls, Math.min(rows, DICTIONARY_SAMPLE)) <= DICTIONARY_SAMPLE / 2;
        // The two forms are methods of their own, each with one loop over the rows: this method runs
        // a few times a call, so the JIT compiles such loops while they run (on-stack replacement),
        // and one method holding both loops was compiled whole for each, at several times the cost.
        if (dictionary && packDictionary(s, p, rows, nullRows, stats)) return p;
        return packHeap(s, p, rows, nullRows, stats);
    }

    /**
     * Packs {@code s}'s first {@code rows} values into {@code p} as dictionary codes, adding them to
     * {@code stats} (when not null); false, with {@code p} left as it was, when more than half of them
     * (or more than 2^16) are distinct.
     */
    private static boolean packDictionary(ColumnSegment s, ColumnSegment p, int rows, int nullRows, ColumnStatistics stats) {
        String[] values = s.strings;
        java.util.HashMap<String, Integer> codes = new java.util.HashMap<>();
        int[] rowCodes = new int[rows]; // each row's code, found once
        // Readers share one object per repeated value: its code is found by identity, without hashing and comparing it again.
        dev.mallard.vector.IdentityInts shared = new dev.mallard.vector.IdentityInts(1024);
        int limit = 1 << 16;
        long chars = 0;
        // NULL, if any row has it, takes code 0, which rowCodes already holds: the loop visits only
        // the rows holding a value, read from the validity words a bit at a time, so a sparse
        // column costs no NULL test per row for the branch predictor to miss.
        if (nullRows > 0) codes.put(null, 0);
        for (int w = 0; w < (rows + 63) >>> 6; w++) {
            if ((w & (TOUCH_BLOCK / 64 - 1)) == 0) chars += touch(values, w << 6, Math.min(rows, (w << 6) + TOUCH_BLOCK));
            long bits = s.nulls == null ? -1L : ~s.nulls[w];
            if (((w + 1) << 6) > rows) bits &= (1L << (rows & 63)) - 1;
            for (; bits != 0; bits &= bits - 1) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                String v = values[i];
                int code = v == null ? dev.mallard.vector.IdentityInts.ABSENT : shared.get(v);
                if (code == dev.mallard.vector.IdentityInts.ABSENT) {
                    Integer known = codes.putIfAbsent(v, codes.size());
                    code = known == null ? codes.size() - 1 : known;
                    if (v != null) {
                        if (shared.isFull()) shared.clear();
                        shared.put(v, code);
                    }
                }
                rowCodes[i] = code;
            }
            if (codes.size() > limit) return false;
        }
        if (chars < 0) throw new IllegalStateException("negative string length"); // the sum is used, so the JIT keeps its loop
        if (codes.size() * 2 > rows) return false;
        String[] dict = new String[codes.size()];
        codes.forEach((v, c) -> dict[c] = v);
        dev.mallard.vector.SharedStrings.share(dict, dict.length);
        p.dictionary = dict;
        if (s.zonePending) p.zone = s.zone.union(stringZone(dict, dict.length, codes.containsKey(null)));
        if (stats != null) stats.addStringSet(dict, rows - nullRows, nullRows);
        if (dict.length <= 256) {
            byte[] c8 = new byte[rows];
            for (int i = 0; i < rows; i++) c8[i] = (byte) rowCodes[i];
            p.codes8 = c8;
        } else {
            char[] c16 = new char[rows];
            for (int i = 0; i < rows; i++) c16[i] = (char) rowCodes[i];
            p.codes16 = c16;
        }
        return true;
    }

    /** {@code s}'s first {@code rows} values packed into {@code p} as UTF-8 bytes in one heap, or {@code s} itself when they do not fit one. */
    private static ColumnSegment packHeap(ColumnSegment s, ColumnSegment p, int rows, int nullRows, ColumnStatistics stats) {
        String[] values = s.strings;
        boolean zoneHere = s.zonePending;
        long chars = 0;
        byte[][] encoded = new byte[rows][]; // null for a NULL row
        long total = 0;
        String lo = null, hi = null;
        long loPrefix = 0, hiPrefix = 0;
        for (int from = 0; from < rows; from += TOUCH_BLOCK) { // TOUCH_BLOCK is whole validity words
            int to = Math.min(rows, from + TOUCH_BLOCK);
            chars += touch(values, from, to);
            // A heap's values are mostly unique: hashed each, with no cache of recent objects to miss in.
            if (stats != null) stats.addStrings(values, s.nulls, from, to, null);
            for (int w = from >>> 6; w < (to + 63) >>> 6; w++) {
                long bits = s.nulls == null ? -1L : ~s.nulls[w];
                if (((w + 1) << 6) > to) bits &= (1L << (to & 63)) - 1;
                for (; bits != 0; bits &= bits - 1) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                    String v = values[i];
                    byte[] e = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    encoded[i] = e;
                    total += e.length;
                    if (!zoneHere) continue;
                    // the string is in the cache now; its first bytes decide most comparisons
                    long prefix = Utf8Prefix.of(e);
                    if (lo == null) {
                        lo = hi = v;
                        loPrefix = hiPrefix = prefix;
                    } else if (!Utf8Prefix.strictlyBetween(loPrefix, prefix, hiPrefix)) {
                        if (v.compareTo(lo) < 0) {
                            lo = v;
                            loPrefix = prefix;
                        } else if (v.compareTo(hi) > 0) {
                            hi = v;
                            hiPrefix = prefix;
                        }
                    }
                }
            }
        }
        if (chars < 0) throw new IllegalStateException("negative string length"); // the sum is used, so the JIT keeps its loop
        if (zoneHere) p.zone = s.zone.union(ZoneMap.ofBounds(lo, hi, nullRows > 0, lo != null));
        if (total > Integer.MAX_VALUE - 16) return s.settleZone(rows); // offsets are ints
        byte[] bytes = new byte[(int) total];
        int[] offs = new int[rows + 1];
        int at = 0;
        for (int i = 0; i < rows; i++) {
            offs[i] = at;
            byte[] e = encoded[i];
            if (e == null) continue;
            System.arraycopy(e, 0, bytes, at, e.length);
            at += e.length;
        }
        offs[rows] = at;
        p.heap = bytes;
        p.heapOffsets = offs;
        return p;
    }

    /**
     * How many distinct hash codes the non-NULL strings among the first {@code n} (a power of two at
     * most {@link #DICTIONARY_SAMPLE}) of {@code values} have: about how many distinct strings, which
     * decides between a dictionary and a heap without a map entry per string.
     */
    private static int distinctHashes(String[] values, long[] nulls, int n) {
        long[] seen = new long[2 * DICTIONARY_SAMPLE]; // at most half full; a slot holds a hash with bit 32 set, 0 when empty
        int mask = seen.length - 1;
        int distinct = 0;
        long chars = 0;
        for (int from = 0; from < n; from += TOUCH_BLOCK) {
            int to = Math.min(n, from + TOUCH_BLOCK);
            chars += touch(values, from, to);
            for (int i = from; i < to; i++) {
                String v = values[i];
                if (v == null || nulls != null && (nulls[i >>> 6] & (1L << i)) != 0) continue;
                int h = v.hashCode();
                long entry = (h & 0xffffffffL) | (1L << 32);
                int slot = (h ^ (h >>> 16)) & mask;
                while (seen[slot] != 0 && seen[slot] != entry) slot = (slot + 1) & mask;
                if (seen[slot] == 0) {
                    seen[slot] = entry;
                    distinct++;
                }
            }
        }
        if (chars < 0) throw new IllegalStateException("negative string length"); // the sum is used, so the JIT keeps its loop
        return distinct;
    }

    /**
     * Brings strings {@code values[from, to)} into the cache; returns the sum of their lengths, which
     * the caller must use so that the JIT keeps the loop. They were last read when appended, a row
     * group ago, and have left the cache: a loop of independent loads brings a block back at once,
     * where hashing or encoding them one by one would wait for each in turn.
     */
    private static long touch(String[] values, int from, int to) {
        long chars = 0;
        for (int i = from; i < to; i++) {
            String v = values[i];
            if (v != null) chars += v.length();
        }
        return chars;
    }

    private static final byte[] EMPTY = new byte[0];

    /** Set bits among the first {@code rows} of {@code nulls} (null: none). */
    private static int nullCount(long[] nulls, int rows) {
        if (nulls == null) return 0;
        int n = 0;
        for (int w = 0; w < (rows + 63) >>> 6; w++) {
            long bits = nulls[w];
            if ((w + 1) << 6 > rows) bits &= (1L << (rows & 63)) - 1;
            n += Long.bitCount(bits);
        }
        return n;
    }
    /** Strings brought into the cache at a time before packing them: their objects and bytes fit in a core's own cache. */
    private static final int TOUCH_BLOCK = 1024;

    /** The zone map of {@code n} strings, NULLs among them or not. */
    private static ZoneMap stringZone(String[] values, int n, boolean anyNull) {
        String lo = null, hi = null;
        for (int i = 0; i < n; i++) {
            String v = values[i];
            if (v == null) continue;
            if (lo == null || v.compareTo(lo) < 0) lo = v;
            if (hi == null || v.compareTo(hi) > 0) hi = v;
        }
        return ZoneMap.ofBounds(lo, hi, anyNull, lo != null);
    }

    /** This segment with the zone map of its first {@code rows} rows made, if {@link #zonePending} left it. */
    private ColumnSegment settleZone(int rows) {
        if (zonePending) {
            String[] values = new String[rows];
            boolean anyNull = false;
            for (int i = 0; i < rows; i++) {
                if (isNull(i)) anyNull = true;
                else values[i] = strings[i];
            }
            zone = zone.union(stringZone(values, rows, anyNull));
            zonePending = false;
        }
        return this;
    }

    /** Value of a packed STRING segment at offset {@code i} (NULL rows give null or ""; the validity mask decides). */
    private String stringAt(int i) {
        if (codes8 != null) return dictionary[codes8[i] & 0xFF];
        if (codes16 != null) return dictionary[codes16[i]];
        int a = heapOffsets[i];
        return new String(heap, a, heapOffsets[i + 1] - a, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Decodes packed strings {@code from + k} (or {@code from + sel[k]}), k < count, to positions {@code outPos + k} (or {@code sel[k]}). */
    private void unpackStringsTo(int from, int[] sel, int count, Vector out, int outPos) {
        String[] o = out.strings;
        String[] dict = dictionary;
        if (codes8 != null) {
            byte[] c = codes8;
            if (sel == null) for (int k = 0; k < count; k++) o[outPos + k] = dict[c[from + k] & 0xFF];
            else for (int k = 0; k < count; k++) o[sel[k]] = dict[c[from + sel[k]] & 0xFF];
        } else if (codes16 != null) {
            char[] c = codes16;
            if (sel == null) for (int k = 0; k < count; k++) o[outPos + k] = dict[c[from + k]];
            else for (int k = 0; k < count; k++) o[sel[k]] = dict[c[from + sel[k]]];
        } else {
            if (sel == null) for (int k = 0; k < count; k++) o[outPos + k] = stringAt(from + k);
            else for (int k = 0; k < count; k++) o[sel[k]] = stringAt(from + sel[k]);
        }
    }

    private void checkWritable() {
        if (isPacked()) throw new IllegalStateException("a packed segment is read-only: write to unpacked()");
    }

    boolean isPacked() {
        return packed16 != null || packed32 != null || dictionary != null || heap != null;
    }

    /** A plain, private copy of a packed segment, ready to be written. */
    ColumnSegment unpacked() {
        ColumnSegment p = new ColumnSegment(this);
        p.packed16 = null;
        p.packed32 = null;
        p.base = 0;
        p.dictionary = null;
        p.codes8 = null;
        p.codes16 = null;
        p.heap = null;
        p.heapOffsets = null;
        int n = capacity;
        if (type == PhysicalType.STRING) {
            p.strings = new String[n];
            for (int i = 0; i < n; i++) p.strings[i] = isNull(i) ? null : stringAt(i);
            p.manyStrings = true; // no sharing of equal values in a rewritten segment
        } else if (type == PhysicalType.INT32) {
            p.ints = new int[n];
            for (int i = 0; i < n; i++) p.ints[i] = (int) valueAt(i);
        } else {
            p.longs = new long[n];
            for (int i = 0; i < n; i++) p.longs[i] = valueAt(i);
        }
        return p;
    }

    /** Packed value at offset {@code i}. */
    private long valueAt(int i) {
        return packed16 != null ? base + (packed16[i] & 0xFFFF) : base + (packed32[i] & 0xFFFFFFFFL);
    }

    /** Decodes packed offsets {@code from + k} (or {@code from + sel[k]}), k < count, to positions {@code outPos + k} (or {@code sel[k]}). */
    private void unpackTo(int from, int[] sel, int count, Vector out, int outPos) {
        if (type == PhysicalType.STRING) {
            unpackStringsTo(from, sel, count, out, outPos);
            return;
        }
        long b = base;
        short[] p16 = packed16;
        int[] p32 = packed32;
        if (type == PhysicalType.INT64) {
            long[] o = out.longs;
            if (p16 != null) {
                if (sel == null) for (int k = 0; k < count; k++) o[outPos + k] = b + (p16[from + k] & 0xFFFF);
                else for (int k = 0; k < count; k++) o[sel[k]] = b + (p16[from + sel[k]] & 0xFFFF);
            } else {
                if (sel == null) for (int k = 0; k < count; k++) o[outPos + k] = b + (p32[from + k] & 0xFFFFFFFFL);
                else for (int k = 0; k < count; k++) o[sel[k]] = b + (p32[from + sel[k]] & 0xFFFFFFFFL);
            }
        } else {
            int[] o = out.ints;
            int ib = (int) b;
            if (sel == null) for (int k = 0; k < count; k++) o[outPos + k] = ib + (p16[from + k] & 0xFFFF);
            else for (int k = 0; k < count; k++) o[sel[k]] = ib + (p16[from + sel[k]] & 0xFFFF);
        }
    }

    /** A private, unshared copy. */
    ColumnSegment copy() {
        return new ColumnSegment(this);
    }

    int capacity() {
        return capacity;
    }

    /** Makes offsets {@code 0..n)} writable, doubling the arrays (never past a row group). */
    void ensureCapacity(int n) {
        if (n <= capacity) return;
        checkWritable();
        int c = Math.max(MIN_CAPACITY, capacity);
        while (c < n) c <<= 1;
        grow(Math.min(c, Math.max(n, DataTable.ROW_GROUP_SIZE)));
    }

    private void grow(int newCap) {
        switch (type) {
            case BOOL -> bools = bools == null ? new boolean[newCap] : Arrays.copyOf(bools, newCap);
            case INT32 -> ints = ints == null ? new int[newCap] : Arrays.copyOf(ints, newCap);
            case INT64 -> longs = longs == null ? new long[newCap] : Arrays.copyOf(longs, newCap);
            case INT128 -> {
                longs = longs == null ? new long[newCap] : Arrays.copyOf(longs, newCap);
                highs = highs == null ? new long[newCap] : Arrays.copyOf(highs, newCap);
            }
            case DOUBLE -> doubles = doubles == null ? new double[newCap] : Arrays.copyOf(doubles, newCap);
            case STRING -> strings = strings == null ? new String[newCap] : Arrays.copyOf(strings, newCap);
            case OBJECT -> objects = objects == null ? new Object[newCap] : Arrays.copyOf(objects, newCap);
            case NONE -> { }
        }
        if (nulls != null) nulls = Arrays.copyOf(nulls, (newCap + 63) >>> 6);
        capacity = newCap;
    }

    boolean isNull(int i) {
        if (type == PhysicalType.NONE) return true;
        return nulls != null && (nulls[i >>> 6] & (1L << i)) != 0;
    }

    /** The NULL flags of {@code src}'s first {@code count} positions at offsets {@code offset + k}. */
    private void copyNulls(int offset, Vector src, int count) {
        long[] mask = src.nullMask();
        if ((offset & 63) != 0 || type == PhysicalType.NONE || mask == null && nulls == null) {
            if (src.mayHaveNulls() || nulls != null) for (int k = 0; k < count; k++) setNull(offset + k, src.isNull(k));
            return;
        }
        // Chunks land at offsets that are multiples of 64: the flags go over a word at a time.
        if (nulls == null) nulls = new long[(capacity + 63) >>> 6];
        int first = offset >>> 6;
        int words = count >>> 6;
        if (mask != null) System.arraycopy(mask, 0, nulls, first, words);
        else Arrays.fill(nulls, first, first + words, 0L);
        int rest = count & 63;
        if (rest != 0) {
            long keep = -1L << rest; // the flags of offsets past this append stay
            long bits = mask != null ? mask[words] & ~keep : 0L;
            nulls[first + words] = nulls[first + words] & keep | bits;
        }
    }

    private void setNull(int i, boolean isNull) {
        if (isNull) {
            if (nulls == null) nulls = new long[(capacity + 63) >>> 6];
            nulls[i >>> 6] |= 1L << i;
        } else if (nulls != null) {
            nulls[i >>> 6] &= ~(1L << i);
        }
    }

    /** True if some offset in {@code [from, to)} may be NULL. */
    private boolean mayHaveNulls(int from, int to) {
        if (type == PhysicalType.NONE) return true;
        if (nulls == null) return false;
        for (int w = from >>> 6, last = (to - 1) >>> 6; w <= last; w++) {
            if (nulls[w] != 0) return true;
        }
        return false;
    }

    /** Overwrites offset {@code offset} with position {@code pos} of {@code src} (same physical type). */
    void update(int offset, Vector src, int pos) {
        set(offset, src, pos);
        zone = zone.union(ZoneMap.ofValue(type, src.getObject(pos)));
    }

    /** Writes position {@code pos} of {@code src} at {@code offset}, leaving the zone map to the caller. */
    private void set(int offset, Vector src, int pos) {
        checkWritable();
        if (src.isNull(pos)) {
            setNull(offset, true);
            return;
        }
        setNull(offset, false);
        switch (type) {
            case BOOL -> bools[offset] = src.bools[pos];
            case INT32 -> ints[offset] = src.ints[pos];
            case INT64 -> longs[offset] = src.longs[pos];
            case INT128 -> {
                longs[offset] = src.longs[pos];
                highs[offset] = src.highs[pos];
            }
            case DOUBLE -> doubles[offset] = src.doubles[pos];
            case STRING -> strings[offset] = src.strings[pos];
            case OBJECT -> objects[offset] = src.objects[pos];
            case NONE -> setNull(offset, true);
        }
    }

    /** Writes {@code count} live rows of {@code src} (positions {@code sel[k]} or {@code k}) at offsets {@code offset + k}. */
    void append(int offset, Vector src, int[] sel, int count) {
        append(offset, src, sel, count, false, null);
    }

    /**
     * {@link #append(int, Vector, int[], int)}, for a caller that packs the segment right after
     * filling it ({@code packNext}): a STRING segment's zone map is then made while packing.
     * {@code zoneOfRows}, when not null, is the rows' zone map, which the column's statistics
     * found (see {@link ColumnStatistics#add(Vector, int[], int)}).
     */
    void append(int offset, Vector src, int[] sel, int count, boolean packNext, ZoneMap zoneOfRows) {
        copy(offset, src, sel, count);
        if (packNext && type == PhysicalType.STRING) zonePending = true;
        else zone = zone.union(zoneOfRows != null ? zoneOfRows : ZoneMap.of(src, sel, count));
    }

    /**
     * {@link #append(int, Vector, int[], int, boolean)} of the first {@code count} rows of {@code src}
     * (no selection), whose rows holding a value, {@code present[0 .. presentCount)}, the caller
     * listed once for the zone map and the column's statistics; {@code zoneOfRows} as there.
     */
    void append(int offset, Vector src, int count, boolean packNext, int[] present, int presentCount, ZoneMap zoneOfRows) {
        copy(offset, src, null, count);
        if (packNext && type == PhysicalType.STRING) zonePending = true;
        else zone = zone.union(zoneOfRows != null ? zoneOfRows : ZoneMap.ofPresent(src, present, presentCount, count));
    }

    private void copy(int offset, Vector src, int[] sel, int count) {
        checkWritable();
        if (sel == null && type != PhysicalType.NONE) {
            switch (type) {
                case BOOL -> System.arraycopy(src.bools, 0, bools, offset, count);
                case INT32 -> System.arraycopy(src.ints, 0, ints, offset, count);
                case INT64 -> System.arraycopy(src.longs, 0, longs, offset, count);
                case INT128 -> {
                    System.arraycopy(src.longs, 0, longs, offset, count);
                    System.arraycopy(src.highs, 0, highs, offset, count);
                }
                case DOUBLE -> System.arraycopy(src.doubles, 0, doubles, offset, count);
                case STRING -> System.arraycopy(src.strings, 0, strings, offset, count);
                case OBJECT -> System.arraycopy(src.objects, 0, objects, offset, count);
                case NONE -> { }
            }
            if (src.mayHaveNulls() || nulls != null) copyNulls(offset, src, count);
        } else {
            for (int k = 0; k < count; k++) set(offset + k, src, sel == null ? k : sel[k]);
        }
        if (type == PhysicalType.STRING && !manyStrings) shareEqualStrings(offset, count);
    }

    private void shareEqualStrings(int offset, int count) {
        if (distinctStrings == null) {
            distinctStrings = new java.util.HashMap<>();
            sharedIndex = new dev.mallard.vector.IdentityInts(SHARED_INDEX);
            sharedObjects = new String[SHARED_INDEX / 2];
        }
        dev.mallard.vector.IdentityInts index = sharedIndex;
        for (int i = offset; i < offset + count; i++) {
            String v = strings[i];
            if (v == null) continue;
            int at = index.get(v);
            if (at != dev.mallard.vector.IdentityInts.ABSENT) {
                strings[i] = sharedObjects[at];
                continue;
            }
            String first = distinctStrings.putIfAbsent(v, v);
            if (distinctStrings.size() > MAX_SHARED_STRINGS) {
                manyStrings = true;
                distinctStrings = null;
                sharedIndex = null;
                sharedObjects = null;
                return;
            }
            String shared = first != null ? first : v;
            strings[i] = shared;
            if (index.isFull()) index.clear(); // new objects for the same values (a reader that does not share): start over
            at = index.size();
            index.put(v, at);
            sharedObjects[at] = shared;
        }
    }

    /** Fills offsets {@code [from, to)} with one physical-form value (null: NULL). */
    void fill(int from, int to, Object value) {
        checkWritable();
        if (from < to) zone = zone.union(ZoneMap.ofValue(type, value));
        for (int i = from; i < to; i++) {
            if (value == null) {
                setNull(i, true);
                continue;
            }
            switch (type) {
                case BOOL -> bools[i] = (Boolean) value;
                case INT32 -> ints[i] = ((Number) value).intValue();
                case INT64 -> longs[i] = ((Number) value).longValue();
                case INT128 -> {
                    java.math.BigInteger b = value instanceof java.math.BigInteger bi ? bi
                            : java.math.BigInteger.valueOf(((Number) value).longValue());
                    longs[i] = b.longValue();
                    highs[i] = b.shiftRight(64).longValue();
                }
                case DOUBLE -> doubles[i] = ((Number) value).doubleValue();
                case STRING -> strings[i] = (String) value;
                case OBJECT -> objects[i] = (Interval) value;
                case NONE -> setNull(i, true);
            }
        }
    }

    /** Copies offsets {@code [from, from + count)} to positions {@code outPos..} of {@code out}. */
    void copyTo(int from, int count, Vector out, int outPos) {
        if (isPacked()) unpackTo(from, null, count, out, outPos);
        else switch (type) {
            case BOOL -> System.arraycopy(bools, from, out.bools, outPos, count);
            case INT32 -> System.arraycopy(ints, from, out.ints, outPos, count);
            case INT64 -> System.arraycopy(longs, from, out.longs, outPos, count);
            case INT128 -> {
                System.arraycopy(longs, from, out.longs, outPos, count);
                System.arraycopy(highs, from, out.highs, outPos, count);
            }
            case DOUBLE -> System.arraycopy(doubles, from, out.doubles, outPos, count);
            case STRING -> System.arraycopy(strings, from, out.strings, outPos, count);
            case OBJECT -> System.arraycopy(objects, from, out.objects, outPos, count);
            case NONE -> { }
        }
        if (mayHaveNulls(from, from + count)) {
            for (int k = 0; k < count; k++) out.setNull(outPos + k, isNull(from + k));
        } else if (out.mayHaveNulls()) {
            for (int k = 0; k < count; k++) out.setNull(outPos + k, false);
        }
    }

    /**
     * Copies offset {@code from + sel[k]} to position {@code sel[k]} of {@code out} for k < count:
     * the rows of a range a filter kept, each at its place in the range's vector.
     */
    void copySelected(int from, int[] sel, int count, Vector out) {
        if (isPacked()) unpackTo(from, sel, count, out, 0);
        else switch (type) {
            case BOOL -> { for (int k = 0; k < count; k++) out.bools[sel[k]] = bools[from + sel[k]]; }
            case INT32 -> { for (int k = 0; k < count; k++) out.ints[sel[k]] = ints[from + sel[k]]; }
            case INT64 -> { for (int k = 0; k < count; k++) out.longs[sel[k]] = longs[from + sel[k]]; }
            case INT128 -> {
                for (int k = 0; k < count; k++) {
                    out.longs[sel[k]] = longs[from + sel[k]];
                    out.highs[sel[k]] = highs[from + sel[k]];
                }
            }
            case DOUBLE -> { for (int k = 0; k < count; k++) out.doubles[sel[k]] = doubles[from + sel[k]]; }
            case STRING -> { for (int k = 0; k < count; k++) out.strings[sel[k]] = strings[from + sel[k]]; }
            case OBJECT -> { for (int k = 0; k < count; k++) out.objects[sel[k]] = objects[from + sel[k]]; }
            case NONE -> { }
        }
        if (nulls != null || type == PhysicalType.NONE || out.mayHaveNulls()) {
            for (int k = 0; k < count; k++) out.setNull(sel[k], isNull(from + sel[k]));
        }
    }

    /** Copies the offsets {@code offsets[0..count)} to positions {@code outPos..} of {@code out}. */
    void gatherTo(int[] offsets, int count, Vector out, int outPos) {
        if (isPacked() && type == PhysicalType.STRING) {
            for (int k = 0; k < count; k++) out.strings[outPos + k] = stringAt(offsets[k]);
        } else if (isPacked()) {
            for (int k = 0; k < count; k++) {
                long v = valueAt(offsets[k]);
                if (type == PhysicalType.INT64) out.longs[outPos + k] = v;
                else out.ints[outPos + k] = (int) v;
            }
        } else switch (type) {
            case BOOL -> { for (int k = 0; k < count; k++) out.bools[outPos + k] = bools[offsets[k]]; }
            case INT32 -> { for (int k = 0; k < count; k++) out.ints[outPos + k] = ints[offsets[k]]; }
            case INT64 -> { for (int k = 0; k < count; k++) out.longs[outPos + k] = longs[offsets[k]]; }
            case INT128 -> {
                for (int k = 0; k < count; k++) {
                    out.longs[outPos + k] = longs[offsets[k]];
                    out.highs[outPos + k] = highs[offsets[k]];
                }
            }
            case DOUBLE -> { for (int k = 0; k < count; k++) out.doubles[outPos + k] = doubles[offsets[k]]; }
            case STRING -> { for (int k = 0; k < count; k++) out.strings[outPos + k] = strings[offsets[k]]; }
            case OBJECT -> { for (int k = 0; k < count; k++) out.objects[outPos + k] = objects[offsets[k]]; }
            case NONE -> { }
        }
        if (nulls != null || type == PhysicalType.NONE || out.mayHaveNulls()) {
            for (int k = 0; k < count; k++) out.setNull(outPos + k, isNull(offsets[k]));
        }
    }

    /** One value in physical form (see {@link Vector#getObject}). */
    Object get(int i) {
        if (isNull(i)) return null;
        if (isPacked()) {
            return switch (type) {
                case STRING -> stringAt(i);
                case INT64 -> (Object) valueAt(i);
                default -> (Object) (int) valueAt(i);
            };
        }
        return switch (type) {
            case BOOL -> bools[i];
            case INT32 -> ints[i];
            case INT64 -> longs[i];
            case INT128 -> dev.mallard.vector.Int128.toBigInteger(highs[i], longs[i]);
            case DOUBLE -> doubles[i];
            case STRING -> strings[i];
            case OBJECT -> objects[i];
            case NONE -> null;
        };
    }
}
