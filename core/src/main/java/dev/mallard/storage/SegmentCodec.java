package dev.mallard.storage;

import dev.mallard.MallardException;
import dev.mallard.storage.file.StreamInput;
import dev.mallard.storage.file.StreamOutput;
import dev.mallard.types.Interval;
import dev.mallard.types.PhysicalType;

/**
 * Writes a {@link ColumnSegment} to a checkpoint stream and reads it back, in the form it has in
 * memory: packed integers stay 16/32-bit offsets from a base, strings stay dictionary codes or a
 * UTF-8 heap, so a checkpoint costs no re-encoding and loading costs no decoding.
 *
 * <p>Layout: encoding tag, row count, NULL mask (a flag, then the words), then the encoding's
 * arrays. The segment's {@link ZoneMap} is the caller's to store: a table keeps it with its
 * metadata, so a loaded table skips row groups without reading them.
 */
final class SegmentCodec {
    private SegmentCodec() {}

    private static final int PLAIN = 0, PACKED16 = 1, PACKED32 = 2, DICT8 = 3, DICT16 = 4, HEAP = 5;

    static void write(ColumnSegment s, int rows, StreamOutput w) {
        int tag = s.packed16 != null ? PACKED16 : s.packed32 != null ? PACKED32 : s.codes8 != null ? DICT8
                : s.codes16 != null ? DICT16 : s.heap != null ? HEAP : PLAIN;
        w.writeByte(tag).writeInt(rows);
        int words = (rows + 63) >>> 6;
        boolean nulls = s.nulls != null;
        w.writeByte(nulls ? 1 : 0);
        if (nulls) for (int i = 0; i < words; i++) w.writeLong(i < s.nulls.length ? s.nulls[i] : 0);
        switch (tag) {
            case PACKED16 -> {
                w.writeLong(s.base);
                for (int i = 0; i < rows; i++) w.writeShort(s.packed16[i]);
            }
            case PACKED32 -> {
                w.writeLong(s.base);
                for (int i = 0; i < rows; i++) w.writeInt(s.packed32[i]);
            }
            case DICT8, DICT16 -> {
                w.writeInt(s.dictionary.length);
                for (String v : s.dictionary) w.writeString(v);
                if (tag == DICT8) w.writeBytes(s.codes8, 0, rows);
                else for (int i = 0; i < rows; i++) w.writeShort(s.codes16[i]);
            }
            case HEAP -> {
                for (int i = 0; i <= rows; i++) w.writeInt(s.heapOffsets[i]);
                w.writeBytes(s.heap, 0, s.heapOffsets[rows]);
            }
            default -> writePlain(s, rows, w);
        }
    }

    private static void writePlain(ColumnSegment s, int rows, StreamOutput w) {
        switch (s.type) {
            case BOOL -> { for (int i = 0; i < rows; i++) w.writeByte(s.bools[i] ? 1 : 0); }
            case INT32 -> { for (int i = 0; i < rows; i++) w.writeInt(s.ints[i]); }
            case INT64 -> { for (int i = 0; i < rows; i++) w.writeLong(s.longs[i]); }
            case INT128 -> { for (int i = 0; i < rows; i++) w.writeLong(s.longs[i]).writeLong(s.highs[i]); }
            case DOUBLE -> { for (int i = 0; i < rows; i++) w.writeDouble(s.doubles[i]); }
            case STRING -> {
                for (int i = 0; i < rows; i++) w.writeString(s.isNull(i) ? null : s.strings[i]);
            }
            case OBJECT -> {
                for (int i = 0; i < rows; i++) {
                    Interval v = s.isNull(i) ? null : (Interval) s.objects[i];
                    w.writeByte(v == null ? 0 : 1);
                    if (v != null) w.writeInt(v.months()).writeInt(v.days()).writeLong(v.micros());
                }
            }
            case NONE -> { }
        }
    }

    static ColumnSegment read(PhysicalType type, StreamInput r) {
        int tag = r.readByte();
        int rows = r.readInt();
        if (rows < 0 || rows > DataTable.ROW_GROUP_SIZE) throw MallardException.Storage.corrupted("a segment of " + rows + " rows");
        ColumnSegment s = new ColumnSegment(type);
        s.capacity = rows;
        if (r.readByte() != 0) {
            s.nulls = new long[(rows + 63) >>> 6];
            for (int i = 0; i < s.nulls.length; i++) s.nulls[i] = r.readLong();
        }
        switch (tag) {
            case PACKED16 -> {
                s.base = r.readLong();
                s.packed16 = new short[rows];
                for (int i = 0; i < rows; i++) s.packed16[i] = (short) r.readShort();
            }
            case PACKED32 -> {
                s.base = r.readLong();
                s.packed32 = new int[rows];
                for (int i = 0; i < rows; i++) s.packed32[i] = r.readInt();
            }
            case DICT8, DICT16 -> {
                s.dictionary = new String[r.readInt()];
                for (int i = 0; i < s.dictionary.length; i++) s.dictionary[i] = r.readString();
                if (tag == DICT8) {
                    s.codes8 = new byte[rows];
                    r.readBytes(s.codes8, 0, rows);
                } else {
                    s.codes16 = new char[rows];
                    for (int i = 0; i < rows; i++) s.codes16[i] = (char) r.readShort();
                }
            }
            case HEAP -> {
                s.heapOffsets = new int[rows + 1];
                for (int i = 0; i <= rows; i++) s.heapOffsets[i] = r.readInt();
                s.heap = new byte[s.heapOffsets[rows]];
                r.readBytes(s.heap, 0, s.heap.length);
            }
            case PLAIN -> readPlain(s, rows, r);
            default -> throw MallardException.Storage.corrupted("a segment with unknown encoding " + tag);
        }
        return s;
    }

    private static void readPlain(ColumnSegment s, int rows, StreamInput r) {
        switch (s.type) {
            case BOOL -> {
                s.bools = new boolean[rows];
                for (int i = 0; i < rows; i++) s.bools[i] = r.readByte() != 0;
            }
            case INT32 -> {
                s.ints = new int[rows];
                for (int i = 0; i < rows; i++) s.ints[i] = r.readInt();
            }
            case INT64 -> {
                s.longs = new long[rows];
                for (int i = 0; i < rows; i++) s.longs[i] = r.readLong();
            }
            case INT128 -> {
                s.longs = new long[rows];
                s.highs = new long[rows];
                for (int i = 0; i < rows; i++) {
                    s.longs[i] = r.readLong();
                    s.highs[i] = r.readLong();
                }
            }
            case DOUBLE -> {
                s.doubles = new double[rows];
                for (int i = 0; i < rows; i++) s.doubles[i] = r.readDouble();
            }
            case STRING -> {
                s.strings = new String[rows];
                for (int i = 0; i < rows; i++) s.strings[i] = r.readString();
                s.manyStrings = true;
            }
            case OBJECT -> {
                s.objects = new Object[rows];
                for (int i = 0; i < rows; i++) {
                    if (r.readByte() != 0) s.objects[i] = new Interval(r.readInt(), r.readInt(), r.readLong());
                }
            }
            case NONE -> { }
        }
    }
}
