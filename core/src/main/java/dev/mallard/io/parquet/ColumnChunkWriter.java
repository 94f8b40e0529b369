package dev.mallard.io.parquet;

import dev.mallard.types.Interval;
import dev.mallard.types.TypeId;
import dev.mallard.vector.Vector;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Encodes one column of one row group: an optional dictionary page and data pages (V1), with RLE
 * definition levels and either dictionary indexes or PLAIN values, each page compressed by the
 * codec. Values come buffered in a {@link Vector} of the column's type.
 *
 * <p>A dictionary is tried first for every type but BOOLEAN. It is kept when it pays off (at most
 * half as many entries as values) and stays small ({@link #MAX_DICTIONARY_BYTES}); otherwise the
 * chunk falls back to PLAIN. Statistics (min, max, null count) are gathered in the same pass, in
 * the type's sort order: signed for numbers, unsigned bytes for strings.
 */
final class ColumnChunkWriter {
    static final int MAX_DICTIONARY_BYTES = 1 << 20;
    static final int MAX_DICTIONARY_ENTRIES = 1 << 16;
    /** Pages close at about this many bytes of values, so a reader never holds a huge page. */
    static final int PAGE_BYTES = 1 << 20;

    /** What the footer records about a written chunk; offsets are relative to the chunk's start. */
    record Result(byte[] bytes, long dictionaryOffset, long dataOffset, long uncompressedSize, int[] encodings, long numValues,
                  Statistics statistics) {}

    private final WriteType type;
    private final PageCodec codec;
    private final boolean compress;

    ColumnChunkWriter(WriteType type, PageCodec codec, boolean compress) {
        this.type = type;
        this.codec = codec;
        this.compress = compress;
    }

    Result write(Vector v, int count) {
        byte[][] utf8 = null;
        if (type.physical() == Thrift.BYTE_ARRAY) {
            utf8 = new byte[count][];
            for (int i = 0; i < count; i++) if (!v.isNull(i)) utf8[i] = v.strings[i].getBytes(StandardCharsets.UTF_8);
        }
        int nulls = 0;
        for (int i = 0; i < count; i++) if (v.isNull(i)) nulls++;
        Statistics stats = statistics(v, count, nulls, utf8);

        ByteSink out = new ByteSink(1 << 16);
        long uncompressed = 0;
        TreeSet<Integer> encodings = new TreeSet<>();
        encodings.add(Thrift.RLE); // the definition levels
        int[] indexes = null;
        int dictionarySize = 0;
        long dictionaryOffset = -1;
        if (type.physical() != Thrift.BOOLEAN && count - nulls > 0) {
            ByteSink dict = new ByteSink(1024);
            indexes = new int[count];
            dictionarySize = dictionary(v, count, count - nulls, utf8, indexes, dict);
            if (dictionarySize < 0) {
                indexes = null;
            } else {
                dictionaryOffset = 0;
                uncompressed += page(out, Thrift.DICTIONARY_PAGE, dict, dictionarySize, Thrift.PLAIN);
                encodings.add(Thrift.PLAIN);
                encodings.add(Thrift.RLE_DICTIONARY);
            }
        }
        if (indexes == null) encodings.add(Thrift.PLAIN);
        long dataOffset = out.size();
        int bitWidth = indexes == null ? 0 : Math.max(1, RleBitPackedDecoder.bitWidth(dictionarySize - 1));
        ByteSink body = new ByteSink(1 << 16);
        int[] defs = new int[count];
        int[] pageIndexes = indexes == null ? null : new int[count];
        int row = 0;
        do { // at least one page, even for an empty chunk
            body.reset();
            int start = row, values = 0;
            body.int32(0); // the levels' length, filled in below
            // pick the page's rows: up to PAGE_BYTES of values
            int end = start;
            long bytes = 0;
            while (end < count && bytes < PAGE_BYTES) {
                if (!v.isNull(end)) bytes += indexes != null ? 1 : width(utf8, end);
                end++;
            }
            for (int i = start; i < end; i++) defs[i - start] = v.isNull(i) ? 0 : 1;
            RleBitPackedEncoder.encode(defs, end - start, 1, body);
            body.int32At(0, body.size() - 4);
            if (indexes != null) {
                for (int i = start; i < end; i++) if (!v.isNull(i)) pageIndexes[values++] = indexes[i];
                body.write(bitWidth);
                RleBitPackedEncoder.encode(pageIndexes, values, bitWidth, body);
            } else {
                plain(v, start, end, utf8, body);
            }
            uncompressed += page(out, Thrift.DATA_PAGE, body, end - start, indexes != null ? Thrift.RLE_DICTIONARY : Thrift.PLAIN);
            row = end;
        } while (row < count);
        int[] enc = encodings.stream().mapToInt(Integer::intValue).toArray();
        return new Result(out.toByteArray(), dictionaryOffset, dataOffset, uncompressed, enc, count, stats);
    }

    private int width(byte[][] utf8, int i) {
        return switch (type.physical()) {
            case Thrift.BOOLEAN -> 1;
            case Thrift.INT32, Thrift.FLOAT -> 4;
            case Thrift.BYTE_ARRAY -> 4 + utf8[i].length;
            case Thrift.FIXED_LEN_BYTE_ARRAY -> type.typeLength();
            default -> 8;
        };
    }

    /** Writes one page (header, then the body, compressed); returns its uncompressed size with the header. */
    private long page(ByteSink out, int pageType, ByteSink body, int numValues, int encoding) {
        byte[] compressed = compress ? codec.compress(body.array(), 0, body.size()) : null;
        int compressedSize = compressed == null ? body.size() : compressed.length;
        // a checksum of the stored bytes lets readers tell damage from data
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        if (compressed == null) crc.update(body.array(), 0, body.size());
        else crc.update(compressed);
        ThriftCompactWriter h = new ThriftCompactWriter().beginStruct();
        h.i32(1, pageType).i32(2, body.size()).i32(3, compressedSize).i32(4, (int) crc.getValue());
        if (pageType == Thrift.DATA_PAGE) {
            h.structField(5).i32(1, numValues).i32(2, encoding).i32(3, Thrift.RLE).i32(4, Thrift.RLE).endStruct();
        } else {
            h.structField(7).i32(1, numValues).i32(2, encoding).endStruct();
        }
        byte[] header = h.endStruct().toByteArray();
        out.write(header);
        if (compressed == null) out.write(body.array(), 0, body.size());
        else out.write(compressed);
        return header.length + (long) body.size();
    }

    /** PLAIN values of the non-NULL rows in [start, end). */
    private void plain(Vector v, int start, int end, byte[][] utf8, ByteSink out) {
        if (type.physical() == Thrift.BOOLEAN) {
            int acc = 0, bits = 0;
            for (int i = start; i < end; i++) {
                if (v.isNull(i)) continue;
                if (v.bools[i]) acc |= 1 << bits;
                if (++bits == 8) {
                    out.write(acc);
                    acc = 0;
                    bits = 0;
                }
            }
            if (bits > 0) out.write(acc);
            return;
        }
        for (int i = start; i < end; i++) if (!v.isNull(i)) plainValue(v, i, utf8, out, true);
    }

    /** One value PLAIN-encoded; byte arrays carry their length unless {@code lengthPrefix} is false (statistics). */
    private void plainValue(Vector v, int i, byte[][] utf8, ByteSink out, boolean lengthPrefix) {
        switch (type.physical()) {
            case Thrift.BOOLEAN -> out.write(v.bools[i] ? 1 : 0);
            case Thrift.INT32 -> out.int32(type.type().id() == TypeId.DECIMAL ? (int) v.longs[i] : v.ints[i]);
            case Thrift.INT64 -> out.int64(v.longs[i]);
            case Thrift.FLOAT -> out.int32(Float.floatToRawIntBits((float) v.doubles[i]));
            case Thrift.DOUBLE -> out.int64(Double.doubleToRawLongBits(v.doubles[i]));
            case Thrift.BYTE_ARRAY -> {
                if (lengthPrefix) out.int32(utf8[i].length);
                out.write(utf8[i]);
            }
            default -> {
                if (type.type().id() == TypeId.INTERVAL) { // months, days, milliseconds: Parquet has no finer unit
                    Interval iv = (Interval) v.objects[i];
                    out.int32(iv.months());
                    out.int32(iv.days());
                    out.int32((int) Math.floorDiv(iv.micros(), 1000L));
                } else { // DECIMAL in 16 bytes, big-endian two's complement
                    long hi = v.highs[i], lo = v.longs[i];
                    for (int b = 7; b >= 0; b--) out.write((int) (hi >>> (8 * b)));
                    for (int b = 7; b >= 0; b--) out.write((int) (lo >>> (8 * b)));
                }
            }
        }
    }

    /**
     * Builds the dictionary: {@code indexes[i]} for each non-NULL row, entries PLAIN into
     * {@code dict}. Returns the entry count, or -1 as soon as it grows past the limits or past
     * half the values (then it would not pay off), so a column of distinct values costs little.
     */
    private int dictionary(Vector v, int count, int values, byte[][] utf8, int[] indexes, ByteSink dict) {
        Map<Object, Integer> ids = new HashMap<>();
        for (int i = 0; i < count; i++) {
            if (v.isNull(i)) continue;
            Object key = switch (v.physicalType()) {
                case INT32 -> v.ints[i];
                case INT64 -> v.longs[i];
                case DOUBLE -> type.physical() == Thrift.FLOAT ? (Object) Float.floatToRawIntBits((float) v.doubles[i])
                        : (Object) Double.doubleToRawLongBits(v.doubles[i]); // bits: -0.0 and NaNs stay distinct
                case STRING -> v.strings[i];
                case INT128 -> new Wide(v.highs[i], v.longs[i]);
                default -> v.objects[i];
            };
            Integer id = ids.get(key);
            if (id == null) {
                id = ids.size();
                ids.put(key, id);
                plainValue(v, i, utf8, dict, true);
                if (ids.size() > MAX_DICTIONARY_ENTRIES || dict.size() > MAX_DICTIONARY_BYTES || ids.size() * 2L > values) return -1;
            }
            indexes[i] = id;
        }
        return ids.size();
    }

    /** A 128-bit decimal as a dictionary key. */
    private record Wide(long high, long low) {}

    /** Min, max (in the type's order) and null count; no bounds for INTERVAL, NaN-only or overlong strings. */
    private Statistics statistics(Vector v, int count, int nulls, byte[][] utf8) {
        int min = -1, max = -1;
        if (type.type().id() != TypeId.INTERVAL) {
            boolean floating = type.physical() == Thrift.FLOAT || type.physical() == Thrift.DOUBLE;
            for (int i = 0; i < count; i++) {
                if (v.isNull(i) || floating && Double.isNaN(v.doubles[i])) continue; // NaN has no place in an order
                if (min < 0 || compare(v, i, min, utf8) < 0) min = i;
                if (max < 0 || compare(v, i, max, utf8) > 0) max = i;
            }
        }
        byte[] lo = null, hi = null;
        if (min >= 0) {
            lo = encodeOne(v, min, utf8);
            hi = encodeOne(v, max, utf8);
            if (utf8 != null) { // long strings would bloat the footer: shorter bounds that still hold
                lo = truncatedMin(lo);
                hi = truncatedMax(hi);
            }
            if (type.physical() == Thrift.FLOAT || type.physical() == Thrift.DOUBLE) {
                // the specification asks for -0.0 as a zero minimum and +0.0 as a zero maximum
                if (v.doubles[min] == 0.0) lo = zero(true);
                if (v.doubles[max] == 0.0) hi = zero(false);
            }
        }
        if (hi == null) lo = null; // bounds come in pairs
        return new Statistics(null, null, nulls, hi, lo);
    }

    /** String bounds longer than this are cut (the specification allows inexact bounds). */
    static final int MAX_STRING_BOUND = 64;

    /** A prefix is never greater than the string: a valid lower bound. Cut at a character boundary so it stays UTF-8. */
    static byte[] truncatedMin(byte[] b) {
        if (b.length <= MAX_STRING_BOUND) return b;
        int cut = MAX_STRING_BOUND;
        while (cut > 0 && (b[cut] & 0xC0) == 0x80) cut--;
        return Arrays.copyOf(b, cut);
    }

    /**
     * An upper bound: a prefix with its last character raised, which sorts after every string
     * with that prefix. Only an ASCII character below DEL is raised, so the bound stays UTF-8;
     * others are dropped and the one before tried. Null (no bound) when nothing can be raised.
     */
    static byte[] truncatedMax(byte[] b) {
        if (b == null || b.length <= MAX_STRING_BOUND) return b;
        for (int cut = MAX_STRING_BOUND; cut > 0; cut--) {
            int last = b[cut - 1] & 0xFF;
            if (last < 0x7F) {
                byte[] out = Arrays.copyOf(b, cut);
                out[cut - 1] = (byte) (last + 1);
                return out;
            }
        }
        return null;
    }

    private byte[] zero(boolean negative) {
        ByteSink s = new ByteSink(8);
        if (type.physical() == Thrift.FLOAT) s.int32(Float.floatToRawIntBits(negative ? -0.0f : 0.0f));
        else s.int64(Double.doubleToRawLongBits(negative ? -0.0 : 0.0));
        return s.toByteArray();
    }

    private byte[] encodeOne(Vector v, int i, byte[][] utf8) {
        ByteSink s = new ByteSink(16);
        plainValue(v, i, utf8, s, false);
        return s.toByteArray();
    }

    private int compare(Vector v, int a, int b, byte[][] utf8) {
        return switch (v.physicalType()) {
            case BOOL -> Boolean.compare(v.bools[a], v.bools[b]);
            case INT32 -> Integer.compare(v.ints[a], v.ints[b]);
            case INT64 -> Long.compare(v.longs[a], v.longs[b]);
            case INT128 -> v.highs[a] != v.highs[b] ? Long.compare(v.highs[a], v.highs[b]) : Long.compareUnsigned(v.longs[a], v.longs[b]);
            case DOUBLE -> type.physical() == Thrift.FLOAT ? Float.compare((float) v.doubles[a], (float) v.doubles[b])
                    : Double.compare(v.doubles[a], v.doubles[b]);
            case STRING -> Arrays.compareUnsigned(utf8[a], utf8[b]);
            default -> 0;
        };
    }
}
