package dev.mallard.io.parquet;

import static dev.mallard.io.parquet.ParquetTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.JdbcRows;
import dev.mallard.MallardException;
import dev.mallard.io.FormatScan;
import dev.mallard.io.ReadOptions;
import dev.mallard.storage.TableFilter;
import dev.mallard.storage.ZoneMap;
import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files Mallard writes, read back by DuckDB and by Mallard, compared value by value. */
class ParquetWriterTest {
    @TempDir
    Path dir;

    static final List<String> NAMES = List.of("id", "b", "t", "s", "n", "l", "r", "d", "dec4", "dec18", "dec30", "low", "high",
            "dt", "ts", "iv", "empty");
    static final List<LogicalType> TYPES = List.of(LogicalType.INTEGER, LogicalType.BOOLEAN, LogicalType.TINYINT,
            LogicalType.SMALLINT, LogicalType.INTEGER, LogicalType.BIGINT, LogicalType.REAL, LogicalType.DOUBLE,
            LogicalType.decimal(4, 2), LogicalType.decimal(18, 4), LogicalType.decimal(30, 5), LogicalType.VARCHAR,
            LogicalType.VARCHAR, LogicalType.DATE, LogicalType.TIMESTAMP, LogicalType.INTERVAL, LogicalType.VARCHAR);

    /** Row i of the test data; every column but id is NULL when i % 9 = 4. */
    static Object value(int column, int i) {
        if (column > 0 && i % 9 == 4) return null;
        return switch (column) {
            case 0 -> i;
            case 1 -> i % 3 == 0;
            case 2 -> i % 256 - 128;
            case 3 -> i * 7 % 65536 - 32768;
            case 4 -> i * 2654435761L > 0 ? (int) (i * 2654435761L) : -i;
            case 5 -> i * 1_000_000_007L - 50_000_000_000L;
            case 6 -> (double) (float) (i / 7.0);
            case 7 -> i % 1000 == 0 ? Double.NaN : i / 3.0 - 1000;
            case 8 -> (long) (i % 19999 - 9999);
            case 9 -> i * 123_456_789_012L - 999_999_999_999_999L;
            case 10 -> BigInteger.valueOf(i).multiply(new BigInteger("98765432109876543210987")).subtract(new BigInteger("10").pow(29));
            case 11 -> "cat" + i % 7;
            case 12 -> "row " + i + (i % 5 == 0 ? " é 中文 😀" : "");
            case 13 -> i * 3 - 20000;
            case 14 -> i * 3_600_000_123L - 10_000_000_000_000L;
            case 15 -> new Interval(i % 25, i % 31, (i % 100_000) * 1000L);
            case 16 -> "";
            default -> throw new IllegalArgumentException();
        };
    }

    private Path writeRows(int rows, ParquetWriter.Options options, List<String> expected) {
        Path p = dir.resolve("m" + System.nanoTime() + ".parquet");
        try (ParquetWriter w = new ParquetWriter(p, NAMES, TYPES, options)) {
            DataChunk chunk = new DataChunk(TYPES, 1000);
            for (int start = 0; start < rows; start += 1000) {
                chunk.reset();
                int n = Math.min(1000, rows - start);
                for (int k = 0; k < n; k++) {
                    StringBuilder line = new StringBuilder();
                    for (int c = 0; c < TYPES.size(); c++) {
                        chunk.column(c).setObject(k, value(c, start + k));
                        line.append(c == 0 ? "" : "|").append(render(chunk.column(c), k));
                    }
                    expected.add(line.toString());
                }
                chunk.setCount(n);
                w.write(chunk);
            }
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"uncompressed", "gzip"})
    void duckDbReadsWhatMallardWrites(String codec) throws Exception {
        List<String> expected = new ArrayList<>();
        Path p = writeRows(30_000, new ParquetWriter.Options(codec, 10_000, 0), expected);
        try (Connection c = duck()) {
            assertThat(JdbcRows.rows(c, "SELECT column_type FROM (DESCRIBE SELECT * FROM read_parquet('" + p + "'))"))
                    .containsExactly("INTEGER", "BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "FLOAT", "DOUBLE",
                            "DECIMAL(4,2)", "DECIMAL(18,4)", "DECIMAL(30,5)", "VARCHAR", "VARCHAR", "DATE", "TIMESTAMP", "INTERVAL",
                            "VARCHAR");
            List<String> theirs = duckRows(c, p, NAMES, TYPES);
            assertThat(theirs).hasSize(30_000);
            for (int i = 0; i < theirs.size(); i++) assertThat(theirs.get(i)).as("row %d", i).isEqualTo(expected.get(i));
            assertThat(JdbcRows.rows(c, "SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + p + "')")).containsExactly("3");
            assertThat(JdbcRows.rows(c, "SELECT DISTINCT compression FROM parquet_metadata('" + p + "')"))
                    .containsExactly(codec.toUpperCase());
        }
        assertThat(mallardRows(p)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"snappy", "zstd"})
    void snappyAndZstdOnceTheCodecsArePresent(String codec) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ParquetReadTest.classExists(codec.equals("snappy")
                ? "dev.mallard.io.compress.Snappy" : "dev.mallard.io.compress.Zstd"), "the codec is not on the class path yet");
        duckDbReadsWhatMallardWrites(codec);
    }

    /** A dictionary past its entry limit falls back to PLAIN; the chunk spans several pages. */
    @Test
    void aGrowingDictionaryFallsBackToPlain() throws Exception {
        Path p = dir.resolve("fallback.parquet");
        List<LogicalType> types = List.of(LogicalType.BIGINT, LogicalType.BIGINT);
        try (ParquetWriter w = new ParquetWriter(p, List.of("many", "few"), types, new ParquetWriter.Options("uncompressed", 200_000, 0))) {
            DataChunk chunk = new DataChunk(types, 2000);
            for (int start = 0; start < 200_000; start += 2000) {
                for (int k = 0; k < 2000; k++) {
                    // 100,000 distinct, each twice, and a NULL in every 7th row
                    chunk.column(0).setObject(k, (start + k) % 7 == 0 ? null : (Object) ((long) (start + k) / 2));
                    chunk.column(1).setObject(k, (long) (start + k) % 5);
                }
                chunk.setCount(2000);
                w.write(chunk);
            }
        }
        try (Connection c = duck()) {
            assertThat(JdbcRows.rows(c, "SELECT path_in_schema, encodings FROM parquet_metadata('" + p + "') ORDER BY 1"))
                    .containsExactly("few|PLAIN, RLE, RLE_DICTIONARY", "many|PLAIN, RLE");
            assertThat(JdbcRows.rows(c, "SELECT count(many), sum(few), count(*) FROM read_parquet('" + p + "')"))
                    .containsExactly("171428|400000|200000");
            assertThat(mallardRows(p)).isEqualTo(duckRows(c, p, List.of("many", "few"), types));
        }
        assertThat(pageCount(p, 0, 0)).isEqualTo(2); // 1.6 MB of PLAIN values: pages close at 1 MiB
        assertThat(pageCount(p, 0, 1)).isEqualTo(2); // the dictionary page and one page of indexes
        List<String> rows = mallardRows(p);
        assertThat(rows).hasSize(200_000);
        for (int i = 0; i < rows.size(); i++) assertThat(rows.get(i)).isEqualTo((i % 7 == 0 ? "null" : i / 2) + "|" + i % 5);
    }

    @Test
    void lowCardinalityColumnsUseADictionaryAndHighOnesPlain() throws Exception {
        Path p = writeRows(5000, new ParquetWriter.Options("uncompressed", 100_000, 0), new ArrayList<>());
        try (Connection c = duck()) {
            Map<String, String> enc = new java.util.HashMap<>();
            for (String row : JdbcRows.rows(c, "SELECT path_in_schema || '=' || encodings FROM parquet_metadata('" + p + "')")) {
                enc.put(row.substring(0, row.indexOf('=')), row.substring(row.indexOf('=') + 1));
            }
            assertThat(enc.get("low")).contains("RLE_DICTIONARY");
            assertThat(enc.get("b")).doesNotContain("DICTIONARY");
            assertThat(enc.get("high")).doesNotContain("DICTIONARY").contains("PLAIN");
            assertThat(enc.get("empty")).contains("RLE_DICTIONARY");
            // statistics DuckDB sees: min and max of a column, and its NULL count
            assertThat(JdbcRows.rows(c, "SELECT stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata('" + p
                    + "') WHERE path_in_schema = 'low'")).containsExactly("cat0|cat6|556");
            assertThat(JdbcRows.rows(c, "SELECT stats_min_value, stats_max_value FROM parquet_metadata('" + p
                    + "') WHERE path_in_schema = 'id'")).containsExactly("0|4999");
        }
    }

    @Test
    void rowGroupsByBytesAndSkippingOnMallardFiles() {
        List<String> expected = new ArrayList<>();
        Path p = writeRows(20_000, new ParquetWriter.Options("uncompressed", 1_000_000, 300_000), expected);
        ParquetScan scan = bind(p);
        assertThat(scan.rowGroupCount()).isGreaterThan(2);
        assertThat(mallardRows(p)).isEqualTo(expected);
        TableFilter id = new TableFilter.Comparison(0, ZoneMap.EQUAL, 19_999);
        assertThat(scan.splits(1, List.of(id))).hasSize(1);
        // bounds holding characters beyond U+D800 are not used, others are: the group holding the value stays
        TableFilter high = new TableFilter.Comparison(12, ZoneMap.EQUAL, "row 0 é 中文 😀");
        assertThat(scan.splits(1, List.of(high))).extracting(s -> s.start()).contains(0L);
        assertThat(mallardRows(scan, new int[] {0, 12}, List.of(high))).contains("0|row 0 é 中文 😀");
        TableFilter low = new TableFilter.Comparison(11, ZoneMap.GREATER, "cat6");
        assertThat(scan.splits(1, List.of(low))).isEmpty();
    }

    /** Long string bounds are cut to 64 bytes: the minimum to a prefix, the maximum to a prefix raised by one. */
    @Test
    void longStringBoundsAreTruncatedButStillBound() throws Exception {
        Path p = dir.resolve("long.parquet");
        List<LogicalType> types = List.of(LogicalType.VARCHAR);
        String base = "x".repeat(100);
        try (ParquetWriter w = new ParquetWriter(p, List.of("s"), types, new ParquetWriter.Options("uncompressed", 10, 0))) {
            DataChunk chunk = new DataChunk(types, 30);
            for (int k = 0; k < 30; k++) chunk.column(0).setObject(k, (char) ('a' + k / 10) + base + k);
            chunk.setCount(30);
            w.write(chunk);
        }
        try (Connection c = duck()) {
            assertThat(JdbcRows.rows(c, "SELECT length(stats_min_value), length(stats_max_value), left(stats_max_value, 1),"
                    + " right(stats_max_value, 1) FROM parquet_metadata('" + p + "') ORDER BY row_group_id"))
                    .containsExactly("64|64|a|y", "64|64|b|y", "64|64|c|y");
            assertThat(JdbcRows.rows(c, "SELECT count(*) FROM read_parquet('" + p + "') WHERE s = 'b" + base + "15'")).containsExactly("1");
        }
        ParquetScan scan = bind(p);
        assertThat(scan.splits(1, List.of(new TableFilter.Comparison(0, ZoneMap.EQUAL, "b" + base + "15"))))
                .extracting(FormatScan.Split::start).containsExactly(1L);
        assertThat(ColumnChunkWriter.truncatedMax(("é".repeat(40)).getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNull();
        assertThat(new String(ColumnChunkWriter.truncatedMin(("é".repeat(40)).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("é".repeat(32));
    }

    @Test
    void optionsFromCopy() {
        ParquetWriter.Options o = ParquetWriter.Options.from(new ReadOptions(Map.of("compression", "gzip", "row_group_size", 5000L)));
        assertThat(o).isEqualTo(new ParquetWriter.Options("gzip", 5000, 0));
        assertThatThrownBy(() -> new ParquetWriter(dir.resolve("x.parquet"), NAMES, TYPES, new ParquetWriter.Options("lzo2", 10, 0)))
                .isInstanceOf(MallardException.class).hasMessageContaining("unknown compression \"lzo2\"");
        assertThat(dir.resolve("x.parquet")).doesNotExist();
        assertThatThrownBy(() -> new ParquetWriter(dir.resolve("y.parquet"), NAMES, TYPES, new ParquetWriter.Options("brotli", 10, 0)))
                .isInstanceOf(MallardException.NotImplemented.class).hasMessage("compression BROTLI is not supported yet");
    }

    @Test
    void emptyAndAllNullFiles() throws Exception {
        Path empty = dir.resolve("empty.parquet");
        new ParquetWriter(empty, List.of("a", "b"), List.of(LogicalType.INTEGER, LogicalType.VARCHAR),
                new ParquetWriter.Options("uncompressed", 100, 0)).close();
        Path nulls = dir.resolve("nulls.parquet");
        try (ParquetWriter w = new ParquetWriter(nulls, List.of("a", "b"), List.of(LogicalType.INTEGER, LogicalType.VARCHAR),
                new ParquetWriter.Options("gzip", 100, 0))) {
            DataChunk chunk = new DataChunk(List.of(LogicalType.INTEGER, LogicalType.VARCHAR), 250);
            for (int k = 0; k < 250; k++) {
                chunk.column(0).setNull(k);
                chunk.column(1).setNull(k);
            }
            chunk.setCount(250);
            w.write(chunk);
        }
        try (Connection c = duck()) {
            assertThat(JdbcRows.rows(c, "SELECT count(*) FROM read_parquet('" + empty + "')")).containsExactly("0");
            assertThat(JdbcRows.rows(c, "SELECT count(*), count(a), count(b) FROM read_parquet('" + nulls + "')"))
                    .containsExactly("250|0|0");
        }
        assertThat(mallardRows(empty)).isEmpty();
        assertThat(mallardRows(nulls)).hasSize(250).containsOnly("null|null");
        assertThat(bind(nulls).rowGroupCount()).isEqualTo(3);
    }
}
