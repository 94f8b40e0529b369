package dev.mallard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.storage.compress.Effort;
import dev.mallard.storage.file.BlockFile;
import dev.mallard.storage.file.BlockStreamReader;
import dev.mallard.storage.file.BlockStreamWriter;
import dev.mallard.storage.file.ByteStreamInput;
import dev.mallard.storage.file.ByteStreamOutput;
import dev.mallard.storage.file.FileLayer;
import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every segment goes to a checkpoint stream compressed and comes back with the same values, NULLs
 * and edge cases included, in the form a table expects (packed when it is a full row group); the
 * encoding chosen suits the data; damage is reported, never read as values.
 */
class SegmentCodecTest {
    @TempDir
    Path dir;

    @Test
    void packedAndPlainSegmentsRoundTrip() {
        DataTable t = PackedSegmentTest.table(); // two full (packed) row groups and a partial (plain) one
        int groups = t.rowGroupCount();
        int columns = PackedSegmentTest.TYPES.size();
        try (BlockFile file = BlockFile.create(dir.resolve("t.mallard"), FileLayer.LOCAL)) {
            AtomicLong next = new AtomicLong();
            BlockStreamWriter w = new BlockStreamWriter(file, next::getAndIncrement);
            for (int g = 0; g < groups; g++) {
                int rows = (int) Math.min(DataTable.ROW_GROUP_SIZE, t.rowIdLimit() - (long) g * DataTable.ROW_GROUP_SIZE);
                for (int c = 0; c < columns; c++) SegmentCodec.write(t.segment(g, c), rows, w);
            }
            w.finish();
            BlockStreamReader r = new BlockStreamReader(file, w.firstBlock(), next.get());
            for (int g = 0; g < groups; g++) {
                int rows = (int) Math.min(DataTable.ROW_GROUP_SIZE, t.rowIdLimit() - (long) g * DataTable.ROW_GROUP_SIZE);
                for (int c = 0; c < columns; c++) {
                    ColumnSegment back = SegmentCodec.read(PackedSegmentTest.TYPES.get(c).physicalType(), r);
                    assertThat(form(back)).as("group %d column %d", g, c).isEqualTo(form(t.segment(g, c)));
                    for (int i = 0; i < rows; i++) {
                        assertThat(back.get(i)).as("group %d column %d row %d", g, c, i)
                                .isEqualTo(PackedSegmentTest.value(c, (long) g * DataTable.ROW_GROUP_SIZE + i));
                    }
                }
            }
        }
    }

    /** Which in-memory form a segment has: a reopened table must scan like the one that was written. */
    static String form(ColumnSegment s) {
        return s.packed16 != null ? "PACKED16" : s.packed32 != null ? "PACKED32" : s.codes8 != null ? "DICT8"
                : s.codes16 != null ? "DICT16" : s.heap != null ? "HEAP" : "PLAIN";
    }

    @Test
    void otherPhysicalTypesRoundTrip() {
        List<LogicalType> types = List.of(LogicalType.BOOLEAN, LogicalType.DOUBLE, LogicalType.INTERVAL, LogicalType.decimal(38, 2));
        try (BlockFile file = BlockFile.create(dir.resolve("u.mallard"), FileLayer.LOCAL)) {
            AtomicLong next = new AtomicLong();
            BlockStreamWriter w = new BlockStreamWriter(file, next::getAndIncrement);
            List<ColumnSegment> written = new ArrayList<>();
            for (LogicalType type : types) {
                Vector v = new Vector(type, 100);
                for (int i = 0; i < 100; i++) {
                    if (i % 9 == 0) {
                        v.setNull(i);
                        continue;
                    }
                    switch (type.physicalType()) {
                        case BOOL -> v.bools[i] = i % 2 == 0;
                        case DOUBLE -> v.doubles[i] = i / 3.0;
                        case OBJECT -> v.objects[i] = new Interval(i, -i, i * 1_000_000L);
                        default -> {
                            v.longs[i] = i * 12345L;
                            v.highs[i] = -i;
                        }
                    }
                }
                ColumnSegment s = new ColumnSegment(type, 100);
                s.append(0, v, null, 100);
                written.add(s);
                SegmentCodec.write(s, 100, w);
            }
            w.finish();
            BlockStreamReader r = new BlockStreamReader(file, w.firstBlock(), next.get());
            for (int k = 0; k < types.size(); k++) {
                ColumnSegment back = SegmentCodec.read(types.get(k).physicalType(), r);
                for (int i = 0; i < 100; i++) assertThat(back.get(i)).isEqualTo(written.get(k).get(i));
            }
        }
    }

    static final List<LogicalType> TYPES_OF_EVERY_KIND = List.of(LogicalType.BOOLEAN, LogicalType.TINYINT, LogicalType.INTEGER,
            LogicalType.DATE, LogicalType.BIGINT, LogicalType.TIMESTAMP, LogicalType.decimal(15, 2), LogicalType.decimal(38, 4),
            LogicalType.DOUBLE, LogicalType.VARCHAR, LogicalType.INTERVAL, LogicalType.NULL);

    /** A random value of the type's physical form; {@code shape} picks the kind of data (extremes, small ranges, runs...). */
    static void randomValue(Vector v, int i, int shape, SplittableRandom random) {
        boolean extreme = shape == 0;
        switch (v.physicalType()) {
            case BOOL -> v.bools[i] = shape == 1 || random.nextBoolean();
            case INT32 -> v.ints[i] = extreme ? (random.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE)
                    : shape == 1 ? 7 : shape == 2 ? i / 3 : shape == 3 ? random.nextInt(100) - 50 : random.nextInt();
            case INT64 -> v.longs[i] = extreme ? (random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE)
                    : shape == 1 ? -3 : shape == 2 ? 1_000_000_000_000L + i * 4L + random.nextInt(4) : shape == 3 ? random.nextInt(70_000) : random.nextLong();
            case INT128 -> {
                v.longs[i] = extreme ? Long.MIN_VALUE : shape == 3 ? random.nextInt(1000) - 500 : random.nextLong();
                v.highs[i] = extreme ? Long.MAX_VALUE : shape == 3 ? v.longs[i] >> 63 : random.nextLong();
            }
            case DOUBLE -> v.doubles[i] = extreme ? new double[] {Double.NaN, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, Double.MAX_VALUE}[random.nextInt(6)] : shape == 1 ? 0.5 : shape == 3 ? random.nextInt(100_000) / 100.0 : random.nextDouble();
            case STRING -> v.strings[i] = extreme ? new String[] {"", "x".repeat(5000), "ü€日本🦆", "\u0000"}[random.nextInt(4)]
                    : shape == 1 ? "same" : shape == 3 ? "MODE" + random.nextInt(7) : "comment " + random.nextInt(1000) + " carefully ironic requests " + i;
            case OBJECT -> v.objects[i] = new Interval(extreme ? Integer.MIN_VALUE : random.nextInt(24), random.nextInt(), extreme ? Long.MAX_VALUE : random.nextLong());
            case NONE -> { }
        }
    }

    /** A segment of {@code rows} random values; {@code nulls}: 0 none, 1 some, 2 all, 3 all but one. */
    static ColumnSegment segment(LogicalType type, int rows, int shape, int nulls, SplittableRandom random) {
        Vector v = new Vector(type, Math.max(rows, 1));
        for (int i = 0; i < rows; i++) {
            boolean isNull = switch (nulls) {
                case 1 -> random.nextInt(10) == 0 || i == 0;
                case 2 -> true;
                case 3 -> i != rows / 2;
                default -> false;
            };
            if (isNull) v.setNull(i);
            else randomValue(v, i, shape, random);
        }
        ColumnSegment s = new ColumnSegment(type, Math.max(rows, 1));
        if (rows > 0) s.append(0, v, null, rows);
        return rows == DataTable.ROW_GROUP_SIZE ? ColumnSegment.pack(s, rows) : s;
    }

    static byte[] written(ColumnSegment s, int rows, Effort effort) {
        ByteStreamOutput out = new ByteStreamOutput();
        SegmentCodec.write(s, rows, out, effort);
        return out.toByteArray();
    }

    static ColumnSegment readBack(LogicalType type, byte[] bytes) {
        ByteStreamInput in = new ByteStreamInput(bytes, "test bytes");
        ColumnSegment back = SegmentCodec.read(type.physicalType(), in);
        assertThat(in.atEnd()).isTrue();
        return back;
    }

    static void assertSameValues(ColumnSegment back, ColumnSegment s, int rows, String what) {
        assertThat(back.capacity()).as(what).isEqualTo(rows);
        for (int i = 0; i < rows; i++) {
            assertThat(back.isNull(i)).as("%s row %d NULL", what, i).isEqualTo(s.isNull(i));
            assertThat(back.get(i)).as("%s row %d", what, i).isEqualTo(s.get(i));
        }
    }

    @Test
    void everyTypeRoundTripsWithNullsAndEdgeCases() {
        SplittableRandom random = new SplittableRandom(11);
        for (LogicalType type : TYPES_OF_EVERY_KIND) {
            for (int rows : new int[] {0, 1, 2, 63, 64, 65, 1000, DataTable.ROW_GROUP_SIZE}) {
                for (int shape = 0; shape < 5; shape++) {
                    for (int nulls = 0; nulls < 4; nulls++) {
                        if (rows == DataTable.ROW_GROUP_SIZE && (shape + nulls) % 3 != 0) continue; // full groups: a third of the cases
                        ColumnSegment s = segment(type, rows, shape, nulls, random);
                        String what = type + " rows " + rows + " shape " + shape + " nulls " + nulls;
                        for (Effort effort : Effort.values()) {
                            ColumnSegment back = readBack(type, written(s, rows, effort));
                            assertSameValues(back, s, rows, what + " " + effort);
                            // what a table relies on: a partial segment stays writable, a full one is as compact as pack makes it
                            if (rows < DataTable.ROW_GROUP_SIZE) assertThat(back.isPacked()).as(what).isFalse();
                            else if (nulls != 2) assertThat(form(back)).as(what).isEqualTo(form(s));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aSegmentWiderThanItsRowsWritesItsRowsOnly() {
        SplittableRandom random = new SplittableRandom(12);
        for (LogicalType type : TYPES_OF_EVERY_KIND) {
            ColumnSegment s = segment(type, 3000, 4, 1, random);
            ColumnSegment back = readBack(type, written(s, 1234, Effort.THOROUGH));
            assertSameValues(back, s, 1234, type.toString());
        }
    }

    @Test
    void theChooserPicksTheEncodingTheDataCallsFor() {
        int n = DataTable.ROW_GROUP_SIZE;
        assertThat(describe(LogicalType.INTEGER, n, i -> 42)).isEqualTo("INTEGERS/CONSTANT");
        assertThat(describe(LogicalType.BIGINT, n, i -> 1_000_000L + i / 4 * 5L)).isEqualTo("INTEGERS/DELTA");
        assertThat(describe(LogicalType.DATE, n, i -> 8035 + (int) (i * 7919L % 2526))).isEqualTo("INTEGERS/BITPACKED");
        assertThat(describe(LogicalType.BIGINT, n, i -> i / 1000 * 123_456_789_011L)).isEqualTo("INTEGERS/RLE");
        assertThat(describe(LogicalType.BOOLEAN, n, i -> i % 3 == 0)).isEqualTo("BOOLEANS/BITPACKED");
        assertThat(describe(LogicalType.DOUBLE, n, i -> i % 10_000 / 100.0)).isEqualTo("DOUBLES/DECIMAL");
        assertThat(describe(LogicalType.decimal(38, 2), n, i -> java.math.BigInteger.valueOf(i * 3L))).isEqualTo("WIDE_INTEGERS/DELTA");
        assertThat(describe(LogicalType.VARCHAR, n, i -> "MODE" + i % 7)).isEqualTo("STRINGS/DICTIONARY/RAW/BITPACKED");
        String[] comments = dev.mallard.storage.compress.FsstTestSupport.comments(n, 13);
        assertThat(describe(LogicalType.VARCHAR, n, i -> comments[i])).isEqualTo("STRINGS/DIRECT/FSST");
        assertThat(describe(LogicalType.VARCHAR, n, i -> null)).isEqualTo("NULLS");
        assertThat(describe(LogicalType.VARCHAR, 5, i -> "x" + i)).isEqualTo("STRINGS/DIRECT/RAW");
    }

    /** The encoding chosen for a column of {@code rows} values {@code value(i)} (physical form; null: NULL). */
    private static String describe(LogicalType type, int rows, java.util.function.IntFunction<Object> value) {
        Vector v = new Vector(type, rows);
        for (int i = 0; i < rows; i++) v.setObject(i, value.apply(i));
        ColumnSegment s = new ColumnSegment(type, rows);
        s.append(0, v, null, rows);
        if (rows == DataTable.ROW_GROUP_SIZE) s = ColumnSegment.pack(s, rows);
        byte[] bytes = written(s, rows, Effort.THOROUGH);
        assertSameValues(readBack(type, bytes), s, rows, type.toString());
        return SegmentCodec.describe(bytes);
    }

    @Test
    void aDamagedTagOrACutPayloadIsReportedAsDamage() {
        SplittableRandom random = new SplittableRandom(14);
        for (LogicalType type : TYPES_OF_EVERY_KIND) {
            ColumnSegment s = segment(type, 500, 4, 1, random);
            byte[] bytes = written(s, 500, Effort.THOROUGH);
            for (int tag : new int[] {0, 5, 15, 99, 255, SegmentCodec.STRINGS, SegmentCodec.INTEGERS}) {
                if (tag == (bytes[0] & 0xFF)) continue;
                byte[] damaged = bytes.clone();
                damaged[0] = (byte) tag;
                assertThatThrownBy(() -> readBack(type, damaged)).as(type + " tag " + tag)
                        .isInstanceOf(MallardException.Storage.class).hasMessageContaining("damaged");
            }
            for (int cut : new int[] {1, 5, 9, bytes.length / 2, bytes.length - 1}) {
                if (cut >= bytes.length) continue;
                byte[] shorter = java.util.Arrays.copyOf(bytes, cut);
                assertThatThrownBy(() -> readBack(type, shorter)).as(type + " cut at " + cut)
                        .isInstanceOf(MallardException.Storage.class).hasMessageContaining("damaged");
            }
            // a huge payload length fails where the bytes end, without allocating it first
            byte[] huge = bytes.clone();
            dev.mallard.storage.compress.PayloadWriterAccess.setIntAt(huge, 5, Integer.MAX_VALUE - 100);
            assertThatThrownBy(() -> readBack(type, huge)).isInstanceOf(MallardException.Storage.class).hasMessageContaining("cut off");
            if (type.physicalType() == dev.mallard.types.PhysicalType.NONE) continue;
            // a payload length that does not match the values: bytes left over, or values cut off
            for (int delta : new int[] {-1, 1}) {
                byte[] relabeled = java.util.Arrays.copyOf(bytes, bytes.length + Math.max(delta, 0));
                int length = (int) dev.mallard.storage.compress.PayloadWriterAccess.intAt(bytes, 5) + delta;
                dev.mallard.storage.compress.PayloadWriterAccess.setIntAt(relabeled, 5, length);
                assertThatThrownBy(() -> readBack(type, relabeled)).as(type + " length " + delta)
                        .isInstanceOf(MallardException.Storage.class).hasMessageContaining("damaged");
            }
        }
    }

    @Test
    void nestedTagsAreCheckedToo() {
        // a string segment whose string encoding, or whose NULL mask kind, is unknown
        Vector v = new Vector(LogicalType.VARCHAR, 10);
        for (int i = 0; i < 10; i++) v.strings[i] = "v" + i;
        ColumnSegment s = new ColumnSegment(LogicalType.VARCHAR, 10);
        s.append(0, v, null, 10);
        byte[] bytes = written(s, 10, Effort.THOROUGH);
        byte[] mask = bytes.clone();
        mask[9] = 9; // first payload byte: the NULL mask's kind
        assertThatThrownBy(() -> readBack(LogicalType.VARCHAR, mask)).hasMessageContaining("NULL mask of unknown kind 9");
        byte[] strings = bytes.clone();
        strings[10] = 7; // then the strings' encoding
        assertThatThrownBy(() -> readBack(LogicalType.VARCHAR, strings)).hasMessageContaining("unknown way 7");
    }

    @Test
    void logRecordsRoundTripThroughVectorCodec() {
        SplittableRandom random = new SplittableRandom(15);
        for (LogicalType type : TYPES_OF_EVERY_KIND) {
            Vector v = new Vector(type, 2048);
            for (int i = 0; i < 2048; i++) {
                if (random.nextInt(7) == 0) v.setNull(i);
                else randomValue(v, i, random.nextInt(5), random);
            }
            int[] sel = new int[700];
            for (int k = 0; k < sel.length; k++) sel[k] = k * 2 + (k % 3 == 0 ? 1 : 0);
            ByteStreamOutput out = new ByteStreamOutput();
            VectorCodec.write(type, v, sel, sel.length, out);
            VectorCodec.write(type, v, null, 2048, out);
            ByteStreamInput in = new ByteStreamInput(out.toByteArray(), "log");
            Vector selected = VectorCodec.read(type, sel.length, in);
            Vector all = VectorCodec.read(type, 2048, in);
            for (int k = 0; k < sel.length; k++) assertThat(selected.getObject(k)).as(type + " selected " + k).isEqualTo(v.getObject(sel[k]));
            for (int i = 0; i < 2048; i++) assertThat(all.getObject(i)).as(type + " row " + i).isEqualTo(v.getObject(i));
        }
    }
}
