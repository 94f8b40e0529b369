package dev.mallard.storage;

import dev.mallard.MallardException;
import dev.mallard.storage.compress.DecodedStrings;
import dev.mallard.storage.compress.DoubleCodec;
import dev.mallard.storage.compress.Effort;
import dev.mallard.storage.compress.IntegerArrays;
import dev.mallard.storage.compress.IntegerCodec;
import dev.mallard.storage.compress.IntegerDecoder;
import dev.mallard.storage.compress.IntegerStats;
import dev.mallard.storage.compress.NullMask;
import dev.mallard.storage.compress.PayloadReader;
import dev.mallard.storage.compress.PayloadWriter;
import dev.mallard.storage.compress.StringCodec;
import dev.mallard.storage.compress.Utf8Strings;
import dev.mallard.storage.file.StreamInput;
import dev.mallard.storage.file.StreamOutput;
import dev.mallard.types.Interval;
import dev.mallard.types.PhysicalType;

/**
 * Writes a {@link ColumnSegment} to a checkpoint stream (or a log record) compressed, and reads it
 * back into one of the in-memory forms. The encoders of {@code dev.mallard.storage.compress} look at
 * each segment's values and keep the smallest encoding: integers constant, bit-packed from their
 * minimum, delta-encoded or run-length encoded; strings as a dictionary or FSST-compressed;
 * doubles as decimal digits where they are short decimals.
 *
 * <p>Layout: a tag naming the segment's family of encodings (one per physical type, plus all-NULL),
 * the row count, the payload's length, then the payload: the NULL mask and the values, each part
 * opening with its own tag. Every tag is checked: an unknown one is damage, reported as such.
 *
 * <p>Reading gives the form {@link ColumnSegment#pack} gives a full row group (integers as 16- or
 * 32-bit offsets from the minimum when they fit, strings as dictionary codes or a UTF-8 heap), so
 * a reopened table scans like one loaded in memory; a partial segment (the row group still being
 * filled, or a log record) comes back as plain arrays, ready for appends. The segment's
 * {@link ZoneMap} is the caller's to store.
 */
final class SegmentCodec {
    private SegmentCodec() {}

    // Segment tags. Values 0..5 were the uncompressed format of storage version 1.
    static final int NULLS = 16, INTEGERS = 17, BOOLEANS = 18, DOUBLES = 19, WIDE_INTEGERS = 20, STRINGS = 21, INTERVALS = 22;

    static void write(ColumnSegment s, int rows, StreamOutput w) {
        write(s, rows, w, Effort.THOROUGH);
    }

    static void write(ColumnSegment s, int rows, StreamOutput w, Effort effort) {
        PayloadWriter p = new PayloadWriter();
        int tag = encode(s, rows, effort, p);
        w.writeByte(tag).writeInt(rows).writeInt(p.size()).writeBytes(p.array(), 0, p.size());
    }

    /** Writes the payload of the first {@code rows} values of {@code s}; returns the segment tag. */
    private static int encode(ColumnSegment s, int rows, Effort effort, PayloadWriter p) {
        if (s.type == PhysicalType.NONE || (rows > 0 && NullMask.count(s.nulls, rows) == rows)) return NULLS;
        NullMask.write(s.nulls, rows, p);
        switch (s.type) {
            case INT32, INT64 -> {
                long[] v = integers(s, rows);
                IntegerStats stats = IntegerStats.of(v, rows);
                p.putLong(stats.min()).putLong(stats.max());
                IntegerCodec.write(IntegerCodec.choose(v, stats), v, rows, p);
                return INTEGERS;
            }
            case BOOL -> {
                long[] v = new long[rows];
                for (int i = 0; i < rows; i++) v[i] = s.bools[i] ? 1 : 0;
                IntegerCodec.write(fillNulls(v, s.nulls, rows), rows, p);
                return BOOLEANS;
            }
            case DOUBLE -> {
                double[] v = java.util.Arrays.copyOf(s.doubles, rows);
                for (int i = 0; i < rows; i++) if (s.isNull(i)) v[i] = i == 0 ? 0 : v[i - 1];
                DoubleCodec.write(v, rows, p);
                return DOUBLES;
            }
            case INT128 -> {
                // The high halves as the excess over the low half's sign: all zero (one constant)
                // while the values fit 64 bits, which is the common case of a wide DECIMAL.
                long[] lows = java.util.Arrays.copyOf(s.longs, rows);
                long[] highs = new long[rows];
                for (int i = 0; i < rows; i++) highs[i] = s.highs[i] - (lows[i] >> 63);
                IntegerCodec.write(fillNulls(lows, s.nulls, rows), rows, p);
                IntegerCodec.write(fillNulls(highs, s.nulls, rows), rows, p);
                return WIDE_INTEGERS;
            }
            case STRING -> {
                writeStrings(s, rows, effort, p);
                return STRINGS;
            }
            case OBJECT -> {
                long[] months = new long[rows], days = new long[rows], micros = new long[rows];
                for (int i = 0; i < rows; i++) {
                    if (s.objects[i] instanceof Interval v && !s.isNull(i)) {
                        months[i] = v.months();
                        days[i] = v.days();
                        micros[i] = v.micros();
                    }
                }
                IntegerCodec.write(fillNulls(months, s.nulls, rows), rows, p);
                IntegerCodec.write(fillNulls(days, s.nulls, rows), rows, p);
                IntegerCodec.write(fillNulls(micros, s.nulls, rows), rows, p);
                return INTERVALS;
            }
            default -> throw new MallardException.Internal("a segment of type " + s.type + " to write");
        }
    }

    /** The integers of an INT32/INT64 segment in any form, NULL rows filled (see {@link #fillNulls}). */
    private static long[] integers(ColumnSegment s, int rows) {
        long[] v = new long[rows];
        long base = s.base;
        if (s.packed16 != null) for (int i = 0; i < rows; i++) v[i] = base + (s.packed16[i] & 0xFFFF);
        else if (s.packed32 != null) for (int i = 0; i < rows; i++) v[i] = base + (s.packed32[i] & 0xFFFFFFFFL);
        else if (s.type == PhysicalType.INT32) for (int i = 0; i < rows; i++) v[i] = s.ints[i];
        else System.arraycopy(s.longs, 0, v, 0, rows);
        return fillNulls(v, s.nulls, rows);
    }

    /**
     * Gives each NULL row the value of the row before it (the first non-NULL value for leading
     * NULLs): whatever a NULL row holds is never read, and a neighbour's value does not widen the
     * range, break a run or add a delta.
     */
    private static long[] fillNulls(long[] v, long[] nulls, int rows) {
        if (nulls == null) return v;
        int first = 0;
        while (first < rows && (nulls[first >>> 6] & (1L << first)) != 0) first++;
        long previous = first < rows ? v[first] : 0;
        for (int i = 0; i < rows; i++) {
            if ((nulls[i >>> 6] & (1L << i)) != 0) v[i] = previous;
            else previous = v[i];
        }
        return v;
    }

    private static void writeStrings(ColumnSegment s, int rows, Effort effort, PayloadWriter p) {
        if (s.codes8 != null || s.codes16 != null) {
            long[] codes = new long[rows];
            if (s.codes8 != null) for (int i = 0; i < rows; i++) codes[i] = s.codes8[i] & 0xFF;
            else for (int i = 0; i < rows; i++) codes[i] = s.codes16[i];
            StringCodec.writeDictionary(Utf8Strings.of(s.dictionary, s.dictionary.length), codes, rows, effort, p);
        } else if (s.heap != null) {
            StringCodec.writeDirect(new Utf8Strings(s.heap, s.heapOffsets, rows), effort, p);
        } else {
            String[] values = s.strings;
            if (s.nulls != null) {
                values = java.util.Arrays.copyOf(values, rows);
                for (int i = 0; i < rows; i++) if (s.isNull(i)) values[i] = null;
            }
            StringCodec.write(values, rows, effort, p);
        }
    }

    static ColumnSegment read(PhysicalType type, StreamInput r) {
        int tag = r.readByte() & 0xFF;
        if (tag != NULLS && tag != tagOf(type)) {
            throw MallardException.Storage.corrupted("a " + type + " segment with unknown encoding " + tag + ": the file is damaged");
        }
        int rows = r.readInt();
        if (rows < 0 || rows > DataTable.ROW_GROUP_SIZE) throw MallardException.Storage.corrupted("a segment of " + rows + " rows");
        int length = r.readInt();
        if (length < 0) throw MallardException.Storage.corrupted("a segment of " + length + " bytes");
        byte[] payload = readPayload(r, length);
        PayloadReader p = new PayloadReader(payload, length);
        ColumnSegment s = new ColumnSegment(type);
        s.capacity = rows;
        try {
            if (tag == NULLS) {
                nulls(s, rows);
            } else {
                s.nulls = NullMask.read(p, rows);
                decode(s, tag, rows, rows == DataTable.ROW_GROUP_SIZE, p);
            }
        } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw PayloadReader.corrupted("values that do not fit their encoding (" + e.getMessage() + ")");
        }
        if (!p.atEnd()) throw PayloadReader.corrupted(p.remaining() + " bytes past its values");
        return s;
    }

    /**
     * The payload's bytes, with room past them for the decoders' 8-byte loads; read in pieces when
     * large, so a damaged length fails at the end of the stream instead of allocating its value.
     */
    private static byte[] readPayload(StreamInput r, int length) {
        int piece = 1 << 24;
        byte[] a = new byte[Math.min(length, piece) + PayloadReader.SLACK];
        int done = 0;
        while (done < length) {
            int n = Math.min(piece, length - done);
            if (done + n + PayloadReader.SLACK > a.length) {
                a = java.util.Arrays.copyOf(a, (int) Math.min((long) length + PayloadReader.SLACK, 2L * a.length));
            }
            r.readBytes(a, done, n);
            done += n;
        }
        return a;
    }

    private static int tagOf(PhysicalType type) {
        return switch (type) {
            case INT32, INT64 -> INTEGERS;
            case BOOL -> BOOLEANS;
            case DOUBLE -> DOUBLES;
            case INT128 -> WIDE_INTEGERS;
            case STRING -> STRINGS;
            case OBJECT -> INTERVALS;
            case NONE -> NULLS;
        };
    }

    /** A segment of NULLs only: plain zeroed arrays and a full mask. */
    private static void nulls(ColumnSegment s, int rows) {
        plainArrays(s, rows);
        if (s.type == PhysicalType.NONE) return;
        s.nulls = new long[(rows + 63) >>> 6];
        for (int i = 0; i < rows; i++) s.nulls[i >>> 6] |= 1L << i;
        if (s.type == PhysicalType.STRING) s.manyStrings = true;
    }

    private static void plainArrays(ColumnSegment s, int rows) {
        switch (s.type) {
            case BOOL -> s.bools = new boolean[rows];
            case INT32 -> s.ints = new int[rows];
            case INT64 -> s.longs = new long[rows];
            case INT128 -> {
                s.longs = new long[rows];
                s.highs = new long[rows];
            }
            case DOUBLE -> s.doubles = new double[rows];
            case STRING -> s.strings = new String[rows];
            case OBJECT -> s.objects = new Object[rows];
            case NONE -> { }
        }
    }

    /** Decodes the values; {@code compact}: into the read-only packed forms where they fit (a full row group). */
    private static void decode(ColumnSegment s, int tag, int rows, boolean compact, PayloadReader p) {
        switch (tag) {
            case INTEGERS -> decodeIntegers(s, rows, compact, p);
            case BOOLEANS -> s.bools = IntegerArrays.booleans(IntegerCodec.read(p, rows), rows);
            case DOUBLES -> s.doubles = DoubleCodec.read(p, rows);
            case WIDE_INTEGERS -> {
                s.longs = IntegerArrays.longs(IntegerCodec.read(p, rows), rows);
                s.highs = IntegerArrays.longs(IntegerCodec.read(p, rows), rows);
                for (int i = 0; i < rows; i++) s.highs[i] += s.longs[i] >> 63;
            }
            case STRINGS -> decodeStrings(s, rows, compact, p);
            case INTERVALS -> {
                int[] months = IntegerArrays.ints(IntegerCodec.read(p, rows), rows, Integer.MIN_VALUE, Integer.MAX_VALUE);
                int[] days = IntegerArrays.ints(IntegerCodec.read(p, rows), rows, Integer.MIN_VALUE, Integer.MAX_VALUE);
                long[] micros = IntegerArrays.longs(IntegerCodec.read(p, rows), rows);
                s.objects = new Object[rows];
                for (int i = 0; i < rows; i++) if (!s.isNull(i)) s.objects[i] = new Interval(months[i], days[i], micros[i]);
            }
            default -> throw new IllegalStateException("tag " + tag); // checked against the type before
        }
    }

    private static void decodeIntegers(ColumnSegment s, int rows, boolean compact, PayloadReader p) {
        long min = p.getLong(), max = p.getLong();
        if (min > max) throw PayloadReader.corrupted("integers from " + min + " to " + max);
        boolean int32 = s.type == PhysicalType.INT32;
        if (int32 && (min < Integer.MIN_VALUE || max > Integer.MAX_VALUE)) throw PayloadReader.corrupted("32-bit integers up to " + max);
        IntegerDecoder d = IntegerCodec.read(p, rows);
        long span = max - min; // negative: 2^63 or more
        if (compact && span >= 0 && span < 1 << 16) {
            s.base = min;
            s.packed16 = IntegerArrays.offsets16(d, rows, min);
        } else if (compact && !int32 && span >= 0 && span < 1L << 32) {
            s.base = min;
            s.packed32 = IntegerArrays.offsets32(d, rows, min);
        } else if (int32) {
            s.ints = IntegerArrays.ints(d, rows, min, max);
        } else {
            s.longs = IntegerArrays.longs(d, rows);
        }
    }

    private static void decodeStrings(ColumnSegment s, int rows, boolean compact, PayloadReader p) {
        switch (StringCodec.read(p, rows)) {
            case DecodedStrings.Dictionary(String[] values, IntegerDecoder codes) -> {
                if (compact && values.length <= 1 << 8) {
                    dev.mallard.vector.SharedStrings.share(values, values.length);
                    s.dictionary = values;
                    s.codes8 = IntegerArrays.codes8(codes, rows, values.length);
                } else if (compact && values.length <= 1 << 16) {
                    s.dictionary = values;
                    s.codes16 = IntegerArrays.codes16(codes, rows, values.length);
                } else {
                    int[] c = IntegerArrays.ints(codes, rows, 0, values.length - 1);
                    s.strings = new String[rows];
                    for (int i = 0; i < rows; i++) s.strings[i] = values[c[i]];
                    s.manyStrings = true;
                }
            }
            case DecodedStrings.Direct(Utf8Strings values) -> {
                if (compact) {
                    s.heap = values.bytes();
                    s.heapOffsets = values.offsets();
                } else {
                    s.strings = values.toStrings();
                    s.manyStrings = true;
                }
            }
        }
    }

    /** Names the encodings of a written segment, e.g. "INTEGERS/DELTA" or "STRINGS/DIRECT/FSST": for size reports and tests. */
    static String describe(byte[] written) {
        dev.mallard.storage.file.ByteStreamInput in = new dev.mallard.storage.file.ByteStreamInput(written, "a segment");
        int tag = in.readByte() & 0xFF;
        int rows = in.readInt();
        int length = in.readInt();
        byte[] payload = java.util.Arrays.copyOfRange(written, 9, 9 + length + PayloadReader.SLACK);
        PayloadReader p = new PayloadReader(payload, length);
        if (tag == NULLS) return "NULLS";
        NullMask.read(p, rows);
        return switch (tag) {
            case INTEGERS -> {
                p.getLong();
                p.getLong();
                yield "INTEGERS/" + IntegerCodec.name(p.getByte());
            }
            case BOOLEANS -> "BOOLEANS/" + IntegerCodec.name(p.getByte());
            case DOUBLES -> "DOUBLES/" + DoubleCodec.describe(p);
            case WIDE_INTEGERS -> "WIDE_INTEGERS/" + IntegerCodec.name(p.getByte());
            case STRINGS -> "STRINGS/" + StringCodec.describe(p, rows);
            case INTERVALS -> "INTERVALS";
            default -> "?" + tag;
        };
    }
}
