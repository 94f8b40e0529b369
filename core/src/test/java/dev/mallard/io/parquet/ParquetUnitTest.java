package dev.mallard.io.parquet;

import static dev.mallard.io.parquet.ParquetTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.io.ReadOptions;
import dev.mallard.storage.ZoneMap;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces on their own: Thrift, RLE, statistics rules, INT96, codec plug-in, multi-file binding. */
class ParquetUnitTest {
    @TempDir
    Path dir;

    @Test
    void thriftCompactRoundTrip() {
        ThriftCompactWriter w = new ThriftCompactWriter().beginStruct();
        w.i32(1, -5).i64(2, Long.MIN_VALUE).string(4, "név").bool(5, true).bool(6, false);
        w.i32(40, 123_456); // a jump beyond 15 ids: the long field header form
        w.listField(41, ThriftCompactReader.I32, 20);
        for (int i = 0; i < 20; i++) w.i32Element(i - 10);
        w.structField(42).i8(1, -3).endStruct();
        byte[] bytes = w.endStruct().toByteArray();
        ThriftStruct s = new ThriftCompactReader(bytes, 0, bytes.length).readStruct();
        assertThat(s.i32(1, 0)).isEqualTo(-5);
        assertThat(s.i64(2, 0)).isEqualTo(Long.MIN_VALUE);
        assertThat(s.string(4)).isEqualTo("név");
        assertThat(s.bool(5, false)).isTrue();
        assertThat(s.bool(6, true)).isFalse();
        assertThat(s.i32(40, 0)).isEqualTo(123_456);
        assertThat(s.list(41)).hasSize(20).first().isEqualTo(-10L);
        assertThat(s.struct(42).i32(1, 0)).isEqualTo(-3);
        assertThat(s.has(3)).isFalse();
        // cut anywhere: a clear Damaged, never another exception
        for (int cut = 0; cut < bytes.length; cut++) {
            int len = cut;
            assertThatThrownBy(() -> new ThriftCompactReader(bytes, 0, len).readStruct()).isInstanceOf(ThriftCompactReader.Damaged.class);
        }
        // a field of the wrong type is damage too
        assertThatThrownBy(() -> s.struct(1)).isInstanceOf(ThriftCompactReader.Damaged.class);
    }

    @Test
    void rleBitPackedRoundTrip() {
        Random random = new Random(7);
        for (int width = 1; width <= 32; width++) {
            int n = 1 + random.nextInt(3000);
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                // runs and noise mixed, so both run kinds and their boundaries occur
                v[i] = random.nextInt(4) == 0 && i > 0 ? v[i - 1] : (int) (random.nextLong() & (width == 32 ? 0xFFFFFFFFL : (1L << width) - 1));
                if (i % 500 < 40 && i > 0) v[i] = v[i - 1];
            }
            ByteSink sink = new ByteSink(16);
            RleBitPackedEncoder.encode(v, n, width, sink);
            int[] back = new int[n];
            new RleBitPackedDecoder(sink.array(), 0, sink.size(), width).read(back, 0, n);
            assertThat(back).as("width %d, one piece", width).isEqualTo(v);
            // in pieces of odd sizes: the decoder keeps its run between calls, also in the middle of a group of eight
            back = new int[n];
            RleBitPackedDecoder d = new RleBitPackedDecoder(sink.array(), 0, sink.size(), width);
            for (int at = 0; at < n; ) {
                int take = Math.min(n - at, 1 + random.nextInt(37));
                d.read(back, at, take);
                at += take;
            }
            assertThat(back).as("width %d, in pieces", width).isEqualTo(v);
        }
    }

    /** Empty runs (a header of 0) are skipped in a loop: a page of zeros is damage, not a stack overflow. */
    @Test
    void endlessEmptyRunsAreDamage() {
        byte[] zeros = new byte[1 << 20];
        assertThatThrownBy(() -> new RleBitPackedDecoder(zeros, 0, zeros.length, 1).next())
                .isInstanceOf(ThriftCompactReader.Damaged.class).hasMessageContaining("ends before its values");
    }

    private static ParquetColumn column(ColumnKind kind, int physical, LogicalType type) {
        return new ParquetColumn("c", type, physical, 0, kind, 0, 1, 1, 0, null, null);
    }

    private static FileMetaData.ColumnChunk chunk(Statistics s) {
        return new FileMetaData.ColumnChunk(Thrift.INT32, List.of("c"), 0, 10, 100, 4, -1, s);
    }

    private static byte[] int32(int v) {
        ByteSink b = new ByteSink(4);
        b.int32(v);
        return b.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void statisticsAreOnlyTrustedInAKnownOrder() {
        ParquetColumn str = column(ColumnKind.STRING, Thrift.BYTE_ARRAY, LogicalType.VARCHAR);
        // the deprecated fields of strings were compared signed by old writers: not used
        assertThat(StatisticsZoneMap.of(str, chunk(new Statistics(utf8("z"), utf8("a"), 0, null, null)), 10, true))
                .isEqualTo(new ZoneMap.NoRange(false, true));
        assertThat(StatisticsZoneMap.of(str, chunk(new Statistics(null, null, 2, utf8("z"), utf8("a"))), 10, true))
                .isEqualTo(new ZoneMap.Range("a", "z", true));
        // column_orders names another order: not used
        assertThat(StatisticsZoneMap.of(str, chunk(new Statistics(null, null, 0, utf8("z"), utf8("a"))), 10, false))
                .isInstanceOf(ZoneMap.NoRange.class);
        // bounds where byte order and UTF-16 order may disagree: not used
        assertThat(StatisticsZoneMap.of(str, chunk(new Statistics(null, null, 0, utf8("\uFFFD"), utf8("a"))), 10, true))
                .isInstanceOf(ZoneMap.NoRange.class);
        // signed integers may use the deprecated fields; unsigned ones may not, and read their bounds unsigned
        ParquetColumn i32 = column(ColumnKind.INT32, Thrift.INT32, LogicalType.INTEGER);
        assertThat(StatisticsZoneMap.of(i32, chunk(new Statistics(int32(9), int32(-3), 0, null, null)), 10, true))
                .isEqualTo(new ZoneMap.Range(-3L, 9L, false));
        ParquetColumn u32 = column(ColumnKind.UINT32, Thrift.INT32, LogicalType.BIGINT);
        assertThat(StatisticsZoneMap.of(u32, chunk(new Statistics(int32(-1), int32(0), 0, null, null)), 10, true))
                .isInstanceOf(ZoneMap.NoRange.class);
        assertThat(StatisticsZoneMap.of(u32, chunk(new Statistics(null, null, 0, int32(-1), int32(5))), 10, true))
                .isEqualTo(new ZoneMap.Range(5L, 4294967295L, false));
        // NaN bounds say nothing
        ParquetColumn f = column(ColumnKind.FLOATING, Thrift.FLOAT, LogicalType.REAL);
        assertThat(StatisticsZoneMap.of(f, chunk(new Statistics(null, null, 0, int32(Float.floatToIntBits(Float.NaN)),
                int32(Float.floatToIntBits(1f)))), 10, true)).isInstanceOf(ZoneMap.NoRange.class);
        // all NULL: no value at all; unknown null count: may be NULL
        assertThat(StatisticsZoneMap.of(i32, chunk(new Statistics(null, null, 10, null, null)), 10, true))
                .isEqualTo(new ZoneMap.NoRange(true, false));
        assertThat(StatisticsZoneMap.of(i32, chunk(new Statistics(null, null, -1, int32(2), int32(1))), 10, true).hasNull()).isTrue();
        assertThat(StatisticsZoneMap.of(i32, chunk(null), 10, true)).isEqualTo(new ZoneMap.NoRange(true, true));
    }

    /** DELTA_BYTE_ARRAY (prefix lengths, then suffixes as DELTA_LENGTH_BYTE_ARRAY), encoded by hand from the specification. */
    @Test
    void deltaByteArray() {
        ByteSink b = new ByteSink(64);
        // prefix lengths 0, 5, 4: block of 128 in 4 miniblocks, 3 values, first 0; min delta -1; deltas + 1 = 6, 0 in 3 bits
        b.write(new byte[] {(byte) 0x80, 0x01, 0x04, 0x03, 0x00, 0x01, 0x03, 0, 0, 0, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        // suffix lengths 5, 5, 1: first 5 (zigzag 10); min delta -4 (zigzag 7); deltas + 4 = 4, 0 in 3 bits
        b.write(new byte[] {(byte) 0x80, 0x01, 0x04, 0x03, 0x0A, 0x07, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        b.write(utf8("applesaucey"));
        RawValues raw = new RawValues();
        ValueDecoder.decode(Thrift.DELTA_BYTE_ARRAY, b.array(), 0, b.size(), Thrift.BYTE_ARRAY, 0, 3, raw);
        dev.mallard.vector.Vector v = new dev.mallard.vector.Vector(LogicalType.VARCHAR, 3);
        ColumnKind.STRING.convert(raw, 3, v);
        assertThat(List.of(v.strings[0], v.strings[1], v.strings[2])).containsExactly("apple", "applesauce", "apply");
    }

    /** Decimals in byte arrays of any length (BYTE_ARRAY allows each value its own): big-endian, sign-extended. */
    @Test
    void binaryDecimalsOfEveryLength() {
        RawValues raw = new RawValues();
        raw.ensure(Thrift.BYTE_ARRAY, 4);
        raw.data = new byte[] {(byte) 0xFF, 0x01, 0x00, (byte) 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01};
        int[][] slices = {{0, 1}, {1, 2}, {3, 10}, {3, 0}};
        for (int i = 0; i < 4; i++) {
            raw.offsets[i] = slices[i][0];
            raw.lengths[i] = slices[i][1];
        }
        dev.mallard.vector.Vector narrow = new dev.mallard.vector.Vector(LogicalType.decimal(18, 2), 4);
        ColumnKind.BINARY_DECIMAL.convert(raw, 2, narrow);
        assertThat(narrow.longs[0]).isEqualTo(-1);
        assertThat(narrow.longs[1]).isEqualTo(256);
        dev.mallard.vector.Vector wide = new dev.mallard.vector.Vector(LogicalType.decimal(38, 0), 4);
        ColumnKind.BINARY_DECIMAL.convert(raw, 4, wide);
        assertThat(wide.getObject(2)).isEqualTo(java.math.BigInteger.ONE.shiftLeft(79).negate().add(java.math.BigInteger.ONE));
        assertThat(wide.getObject(3)).isEqualTo(java.math.BigInteger.ZERO);
        assertThat(wide.getObject(0)).isEqualTo(java.math.BigInteger.ONE.negate());
    }

    private static ColumnChunkReader.Levels levels(int[] reps, int[] defs, int... values) {
        dev.mallard.vector.Vector v = new dev.mallard.vector.Vector(LogicalType.INTEGER, Math.max(1, values.length));
        for (int i = 0; i < values.length; i++) v.ints[i] = values[i];
        return new ColumnChunkReader.Levels(reps.length, reps, defs, v, values.length);
    }

    /** Shapes DuckDB does not write: a legacy two-level list (repeated leaf in a LIST group) and a bare repeated field. */
    @Test
    void legacyListsAndBareRepeatedFields() {
        List<SchemaElement> schema = List.of(
                new SchemaElement(-1, 0, Thrift.REQUIRED, "schema", 2, -1, 0, 0, null),
                new SchemaElement(-1, 0, Thrift.OPTIONAL, "a", 1, Thrift.LIST, 0, 0, null),
                new SchemaElement(Thrift.INT32, 0, Thrift.REPEATED, "element", 0, -1, 0, 0, null),
                new SchemaElement(Thrift.INT32, 0, Thrift.REPEATED, "r", 0, -1, 0, 0, null));
        List<ParquetColumn> columns = ParquetSchema.columns(schema);
        assertThat(columns).extracting(ParquetColumn::name).containsExactly("a", "r");
        assertThat(columns.get(0).node().children().getFirst().leaf().maxDefinition()).isEqualTo(2);
        // rows: a = [1, 2], NULL, []; r = [5], [], [6, 7]
        String[] a = NestedAssembler.assemble(columns.get(0).node(),
                java.util.Map.of(0, levels(new int[] {0, 1, 0, 0}, new int[] {2, 2, 0, 1}, 1, 2)), 3);
        assertThat(a).containsExactly("[1, 2]", null, "[]");
        String[] r = NestedAssembler.assemble(columns.get(1).node(),
                java.util.Map.of(1, levels(new int[] {0, 0, 0, 1}, new int[] {1, 0, 1, 1}, 5, 6, 7)), 3);
        assertThat(r).containsExactly("[5]", "[]", "[6, 7]");
        // levels that do not fit the schema are damage
        assertThatThrownBy(() -> NestedAssembler.assemble(columns.get(1).node(),
                java.util.Map.of(1, levels(new int[] {0, 2, 0}, new int[] {1, 1, 1}, 5, 6, 7)), 2))
                .isInstanceOf(ThriftCompactReader.Damaged.class);
    }

    /** FLOAT16 (two little-endian bytes) and TIME in nanoseconds: types DuckDB does not write. */
    @Test
    void float16AndNanosecondTimes() {
        RawValues raw = new RawValues();
        raw.ensure(Thrift.FIXED_LEN_BYTE_ARRAY, 2);
        raw.data = new byte[] {0x00, 0x3C, 0x00, (byte) 0xC1}; // 1.0 and -2.5
        raw.offsets[0] = 0;
        raw.offsets[1] = 2;
        raw.lengths[0] = raw.lengths[1] = 2;
        dev.mallard.vector.Vector f = new dev.mallard.vector.Vector(LogicalType.REAL, 2);
        ColumnKind.FLOAT16.convert(raw, 2, f);
        assertThat(f.doubles[0]).isEqualTo(1.0);
        assertThat(f.doubles[1]).isEqualTo(-2.5);
        raw.ensure(Thrift.INT64, 2);
        raw.longs[0] = 45_296_000_000_999L; // 12:34:56.000000999
        raw.longs[1] = 3_600_000_000_000L;
        dev.mallard.vector.Vector t = new dev.mallard.vector.Vector(LogicalType.VARCHAR, 2);
        ColumnKind.TIME_NANOS.convert(raw, 2, t);
        assertThat(t.strings[0]).isEqualTo("12:34:56");
        assertThat(t.strings[1]).isEqualTo("01:00:00");
    }

    @Test
    void int96TimestampsAreJulianDaysAndNanos() {
        ByteSink b = new ByteSink(12);
        b.int64(3_723_000_001_000L); // 01:02:03.000001
        b.int32(2_440_588 + 18_262); // 2020-01-01
        assertThat(ValueDecoder.int96Micros(b.array(), 0)).isEqualTo(18_262L * 86_400_000_000L + 3_723_000_001L);
    }

    /** A codec registered by name is used by the writer and the reader: how Snappy and Zstd plug in. */
    @Test
    void registeredCodecsPlugIn() {
        PageCodecs.register("LZ4_RAW", new PageCodec() { // a stand-in codec: raw deflate
            @Override
            public byte[] decompress(byte[] in, int off, int len, int uncompressedLength) {
                Inflater inf = new Inflater(true);
                inf.setInput(in, off, len);
                byte[] out = new byte[uncompressedLength];
                try {
                    int n = 0;
                    while (n < out.length && !inf.finished()) n += inf.inflate(out, n, out.length - n);
                } catch (DataFormatException e) {
                    throw new IllegalStateException(e);
                }
                return out;
            }

            @Override
            public byte[] compress(byte[] in, int off, int len) {
                Deflater def = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
                def.setInput(in, off, len);
                def.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[4096];
                while (!def.finished()) out.write(buf, 0, def.deflate(buf));
                return out.toByteArray();
            }
        });
        Path p = dir.resolve("plug.parquet");
        try (ParquetWriter w = new ParquetWriter(p, List.of("a", "s"), List.of(LogicalType.BIGINT, LogicalType.VARCHAR),
                ParquetWriter.Options.from(new ReadOptions(java.util.Map.of("compression", "lz4_raw"))))) {
            DataChunk chunk = new DataChunk(List.of(LogicalType.BIGINT, LogicalType.VARCHAR), 100);
            for (int k = 0; k < 100; k++) {
                chunk.column(0).setObject(k, (long) k * k);
                chunk.column(1).setObject(k, "v" + k % 3);
            }
            chunk.setCount(100);
            w.write(chunk);
        }
        List<String> rows = mallardRows(p);
        assertThat(rows).hasSize(100).startsWith("0|v0", "1|v1", "4|v2").endsWith("9801|v0");
    }

    @Test
    void laterFilesOfAScanMustMatchTheFirst() throws Exception {
        Path a = dir.resolve("a.parquet"), b = dir.resolve("b.parquet"), c = dir.resolve("c.parquet");
        try (var conn = duck()) {
            exec(conn, "COPY (SELECT 1 AS x, 'a' AS y) TO '" + a + "' (FORMAT parquet, COMPRESSION uncompressed)");
            exec(conn, "COPY (SELECT 2 AS x, 'b' AS y) TO '" + b + "' (FORMAT parquet, COMPRESSION uncompressed)");
            exec(conn, "COPY (SELECT 'x' AS x, 'b' AS y) TO '" + c + "' (FORMAT parquet, COMPRESSION uncompressed)");
        }
        ParquetFormat f = new ParquetFormat();
        var first = f.bind(input(a), ReadOptions.none(), null);
        assertThat(f.bind(input(b), ReadOptions.none(), first).names()).containsExactly("x", "y");
        assertThatThrownBy(() -> f.bind(input(c), ReadOptions.none(), first)).isInstanceOf(MallardException.class)
                .hasMessage("Parquet file " + c + " has columns (x VARCHAR, y VARCHAR) but " + a + " has (x INTEGER, y VARCHAR)");
    }
}
