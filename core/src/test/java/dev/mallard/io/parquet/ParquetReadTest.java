package dev.mallard.io.parquet;

import static dev.mallard.io.parquet.ParquetTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files DuckDB writes, read by Mallard, compared value by value with DuckDB's own reading. */
class ParquetReadTest {
    @TempDir
    Path dir;

    /** Every type DuckDB writes that Mallard reads, each with NULLs in it (rows where i % 7 = 3). */
    static final String ALL_TYPES = """
            SELECT i AS id,
              CASE WHEN i % 7 = 3 THEN NULL ELSE i % 2 = 0 END AS b,
              CASE WHEN i % 7 = 3 THEN NULL ELSE (i % 200 - 100)::TINYINT END AS t,
              CASE WHEN i % 7 = 3 THEN NULL ELSE (i * 7 % 60000 - 30000)::SMALLINT END AS s,
              CASE WHEN i % 7 = 3 THEN NULL ELSE (i * 31 - 100000)::INTEGER END AS n,
              CASE WHEN i % 7 = 3 THEN NULL ELSE i::BIGINT * 1000000007 - 4000000000000 END AS l,
              CASE WHEN i % 7 = 3 THEN NULL ELSE (i % 256)::UTINYINT END AS ut,
              CASE WHEN i % 7 = 3 THEN NULL ELSE (i * 13 % 65536)::USMALLINT END AS us,
              CASE WHEN i % 7 = 3 THEN NULL ELSE (i::UBIGINT * 429497)::UINTEGER END AS ui,
              CASE WHEN i % 7 = 3 THEN NULL ELSE i::UBIGINT * 1844674407370955 END AS ub,
              CASE WHEN i % 7 = 3 THEN NULL ELSE (i / 7.0)::REAL END AS r,
              CASE WHEN i % 7 = 3 THEN NULL ELSE i / 3.0 - 100 END AS d,
              CASE WHEN i % 7 = 3 THEN NULL ELSE ((i % 9999) / 100.0 - 40)::DECIMAL(4, 2) END AS dec4,
              CASE WHEN i % 7 = 3 THEN NULL ELSE (i * 1.001 - 3000)::DECIMAL(9, 3) END AS dec9,
              CASE WHEN i % 7 = 3 THEN NULL ELSE (i * 123456789.0123 - 5e11)::DECIMAL(18, 4) END AS dec18,
              CASE WHEN i % 7 = 3 THEN NULL ELSE (i::DECIMAL(30, 5) * 98765432109876.54321 - 1e17)::DECIMAL(30, 5) END AS dec30,
              CASE WHEN i % 7 = 3 THEN NULL ELSE DATE '1960-01-01' + (i * 3)::INTEGER END AS dt,
              CASE WHEN i % 7 = 3 THEN NULL ELSE TIMESTAMP '1965-03-01 10:00:00.123456' + INTERVAL (i * 3607) SECOND END AS ts,
              CASE WHEN i % 7 = 3 THEN NULL ELSE (TIMESTAMP '2020-01-01' + INTERVAL (i * 61) SECOND)::TIMESTAMP_MS END AS ts_ms,
              CASE WHEN i % 7 = 3 THEN NULL ELSE (TIMESTAMP '2020-01-01 00:00:00.000001' + INTERVAL (i) MINUTE)::TIMESTAMP_NS END AS ts_ns,
              CASE WHEN i % 7 = 3 THEN NULL ELSE (TIMESTAMP '2021-06-01' + INTERVAL (i) HOUR)::TIMESTAMPTZ END AS tstz,
              CASE WHEN i % 7 = 3 THEN NULL ELSE 'word' || (i % 10) END AS low_card,
              CASE WHEN i % 7 = 3 THEN NULL ELSE md5(i::VARCHAR) || CASE WHEN i % 5 = 0 THEN ' é ü 中文' ELSE '' END END AS high_card,
              CASE WHEN i % 7 = 3 THEN NULL ELSE '' END AS empty,
              CASE WHEN i % 7 = 3 THEN NULL ELSE md5(i::VARCHAR)::UUID END AS u,
              CASE WHEN i % 7 = 3 THEN NULL ELSE TIME '00:00:00' + INTERVAL (i * 17) SECOND END AS tm,
              CASE WHEN i % 7 = 3 THEN NULL ELSE INTERVAL (i % 30) MONTH + INTERVAL (i % 40) DAY + INTERVAL (i * 1001) MILLISECOND END AS iv,
              CASE WHEN i % 7 = 3 THEN NULL ELSE ('x' || i)::BLOB END AS bl
            FROM range(ROWS) t(i)""";

    static String allTypes(int rows) {
        return ALL_TYPES.replace("ROWS", Integer.toString(rows));
    }

    static final List<LogicalType> ALL_TYPES_MALLARD = List.of(LogicalType.BIGINT, LogicalType.BOOLEAN, LogicalType.TINYINT,
            LogicalType.SMALLINT, LogicalType.INTEGER, LogicalType.BIGINT, LogicalType.SMALLINT, LogicalType.INTEGER,
            LogicalType.BIGINT, LogicalType.decimal(20, 0), LogicalType.REAL, LogicalType.DOUBLE, LogicalType.decimal(4, 2),
            LogicalType.decimal(9, 3), LogicalType.decimal(18, 4), LogicalType.decimal(30, 5), LogicalType.DATE,
            LogicalType.TIMESTAMP, LogicalType.TIMESTAMP, LogicalType.TIMESTAMP, LogicalType.TIMESTAMP, LogicalType.VARCHAR,
            LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.INTERVAL,
            LogicalType.VARCHAR);

    private Path write(Connection c, String select, String options) throws Exception {
        Path p = dir.resolve("f" + System.nanoTime() + ".parquet");
        exec(c, "COPY (" + select + ") TO '" + p + "' (FORMAT parquet, " + options + ")");
        return p;
    }

    private void assertSameAsDuckDb(Connection c, Path p, int expectedRows) throws Exception {
        ParquetScan scan = bind(p);
        List<String> mine = mallardRows(p);
        List<String> theirs = duckRows(c, p, scan.names(), scan.types());
        assertThat(mine).hasSize(expectedRows);
        for (int i = 0; i < theirs.size(); i++) assertThat(mine.get(i)).as("row %d", i).isEqualTo(theirs.get(i));
        assertThat(mine).isEqualTo(theirs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMPRESSION uncompressed", "COMPRESSION gzip", "COMPRESSION uncompressed, PARQUET_VERSION V2",
            "COMPRESSION gzip, PARQUET_VERSION V2", "COMPRESSION uncompressed, ROW_GROUP_SIZE 2048", "COMPRESSION snappy, ROW_GROUP_SIZE 2048"})
    void everyTypeWithNullsMatchesDuckDb(String options) throws Exception {
        try (Connection c = duck()) {
            Path p = write(c, allTypes(10_000), options);
            ParquetScan scan = bind(p);
            assertThat(scan.types()).isEqualTo(ALL_TYPES_MALLARD);
            assertThat(scan.names().get(0)).isEqualTo("id");
            assertThat(scan.estimatedRows()).isEqualTo(10_000);
            assertSameAsDuckDb(c, p, 10_000);
        }
    }

    /** The encodings DuckDB used in a file, from its own metadata function. */
    static java.util.Set<String> encodings(Connection c, Path p) throws Exception {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String e : dev.mallard.JdbcRows.rows(c, "SELECT DISTINCT encodings FROM parquet_metadata('" + p + "')")) {
            out.addAll(List.of(e.split(",\\s*")));
        }
        return out;
    }

    @Test
    void version2FilesUseTheDeltaAndSplitEncodings() throws Exception {
        try (Connection c = duck()) {
            Path p = write(c, allTypes(5000), "COMPRESSION uncompressed, PARQUET_VERSION V2");
            assertThat(encodings(c, p)).contains("DELTA_BINARY_PACKED", "DELTA_LENGTH_BYTE_ARRAY", "BYTE_STREAM_SPLIT", "RLE_DICTIONARY");
            assertSameAsDuckDb(c, p, 5000);
        }
    }

    /** A large row group, read in chunks of 1,000 rows. */
    @ParameterizedTest
    @ValueSource(strings = {"V1", "V2"})
    void largeRowGroups(String version) throws Exception {
        try (Connection c = duck()) {
            Path p = write(c, "SELECT i, CASE WHEN i % 5 = 0 THEN NULL ELSE md5(i::VARCHAR) END AS h, 'k' || (i % 300) AS k,"
                    + " CASE WHEN i % 3 = 0 THEN NULL ELSE i * 0.25 END AS d FROM range(300000) t(i)",
                    "COMPRESSION uncompressed, PARQUET_VERSION " + version + ", ROW_GROUP_SIZE 300000");
            assertThat(bind(p).rowGroupCount()).isEqualTo(1);
            assertSameAsDuckDb(c, p, 300_000);
        }
    }

    /**
     * Columns without NULLs take the shortest paths: plain pages copied straight into the output,
     * definition levels skipped, dictionary indexes looked up per type. Row groups of changing
     * sizes are read with buffers left over from the previous group, which must not leak into it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"COMPRESSION snappy", "COMPRESSION zstd, PARQUET_VERSION V2", "COMPRESSION uncompressed"})
    void columnsWithoutNullsOverRowGroupsOfChangingSize(String options) throws Exception {
        try (Connection c = duck()) {
            exec(c, "CREATE TABLE parts AS SELECT i, i::INTEGER AS n, i * 0.5 AS d, (i % 7)::DOUBLE AS few,"
                    + " make_timestamp(1600000000000000 + i * 1000) AS ts, ['A', 'N', 'R'][i % 3 + 1] AS flag,"
                    + " repeat('x', (i % 50)::INTEGER) AS pad FROM range(20000) t(i)");
            // full row groups, then a shorter last one
            Path p = dir.resolve("changing.parquet");
            exec(c, "COPY (SELECT * FROM parts ORDER BY i) TO '" + p + "' (FORMAT parquet, ROW_GROUP_SIZE 6000, " + options + ")");
            assertThat(bind(p).rowGroupCount()).isGreaterThan(1);
            assertSameAsDuckDb(c, p, 20_000);
        }
    }

    @Test
    void enumAndJsonAreText() throws Exception {
        try (Connection c = duck()) {
            exec(c, "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
            Path p = write(c, "SELECT i, (['sad', 'ok', 'happy'])[i % 3 + 1]::mood AS m, ('{\"k\": ' || i || '}')::JSON AS j"
                    + " FROM range(1, 2001) t(i)", "COMPRESSION uncompressed");
            ParquetScan scan = bind(p);
            assertThat(scan.types()).containsExactly(LogicalType.BIGINT, LogicalType.VARCHAR, LogicalType.VARCHAR);
            List<String> rows = mallardRows(p);
            assertThat(rows.get(0)).isEqualTo("1|ok|{\"k\": 1}");
            assertThat(rows.get(1999)).isEqualTo("2000|happy|{\"k\": 2000}");
        }
    }

    /** A gzip-compressed file has no random access: it is read into memory and then like any other. */
    @Test
    void aGzippedFileIsReadWhole() throws Exception {
        try (Connection c = duck()) {
            Path p = write(c, allTypes(3000), "COMPRESSION uncompressed, ROW_GROUP_SIZE 2048");
            Path gz = dir.resolve("f.parquet.gz");
            try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gz))) {
                java.nio.file.Files.copy(p, out);
            }
            dev.mallard.io.FileInput in = dev.mallard.io.FileGlob.expand(gz.toString()).get(0);
            assertThat(in.compression()).isEqualTo(dev.mallard.io.FileInput.Compression.GZIP);
            var scan = new ParquetFormat().bind(in, dev.mallard.io.ReadOptions.none(), null);
            int[] all = new int[scan.names().size()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            assertThat(mallardRows(scan, all, List.of())).isEqualTo(mallardRows(p));
        }
    }

    @Test
    void severalRowGroupsAreSplits() throws Exception {
        try (Connection c = duck()) {
            Path p = write(c, allTypes(10_000), "COMPRESSION uncompressed, ROW_GROUP_SIZE 2048");
            ParquetScan scan = bind(p);
            assertThat(scan.rowGroupCount()).isGreaterThan(3);
            assertThat(scan.splits(2, List.of())).hasSize(scan.rowGroupCount());
            assertThat(scan.splits(2, List.of()).stream().mapToLong(scan::rowCount).sum()).isEqualTo(10_000);
            assertThat(scan.createdBy()).startsWith("DuckDB");
        }
    }

    @Test
    void requiredColumnsAndSpecialFloats() throws Exception {
        try (Connection c = duck()) {
            exec(c, "CREATE TABLE t (a INTEGER NOT NULL, f DOUBLE NOT NULL, g REAL NOT NULL, s VARCHAR NOT NULL)");
            exec(c, "INSERT INTO t VALUES (1, 'nan'::DOUBLE, '-inf'::REAL, 'a'), (2, 'inf'::DOUBLE, -0.0, 'b'), (3, -0.0, 1.5, 'c')");
            Path p = write(c, "SELECT * FROM t", "COMPRESSION uncompressed");
            assertThat(mallardRows(p)).containsExactly("1|NaN|-Infinity|a", "2|Infinity|0.0|b", "3|0.0|1.5|c");
            assertSameAsDuckDb(c, p, 3);
        }
    }

    @Test
    void allNullAndEmptyFiles() throws Exception {
        try (Connection c = duck()) {
            Path nulls = write(c, "SELECT NULL::INTEGER AS a, NULL::VARCHAR AS b FROM range(3000)", "COMPRESSION uncompressed");
            assertThat(mallardRows(nulls)).hasSize(3000).containsOnly("null|null");
            Path empty = write(c, "SELECT 1::INTEGER AS a, 'x' AS b WHERE false", "COMPRESSION uncompressed");
            assertThat(bind(empty).types()).containsExactly(LogicalType.INTEGER, LogicalType.VARCHAR);
            assertThat(mallardRows(empty)).isEmpty();
        }
    }

    @Test
    void projectionReadsOnlyTheAskedColumnsInTheirOrder() throws Exception {
        try (Connection c = duck()) {
            Path p = write(c, allTypes(3000), "COMPRESSION gzip");
            ParquetScan scan = bind(p);
            int low = scan.names().indexOf("low_card"), dt = scan.names().indexOf("dt");
            List<String> rows = mallardRows(scan, new int[] {low, 0, dt}, List.of());
            assertThat(rows).hasSize(3000);
            assertThat(rows.get(0)).isEqualTo("word0|0|-3653");
            assertThat(rows.get(3)).isEqualTo("null|3|null");
            assertThat(rows.get(2998)).isEqualTo("word8|2998|" + (-3653 + 2998 * 3));
            assertThat(mallardRows(scan, new int[0], List.of())).hasSize(3000); // count(*): no column at all
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"snappy", "zstd"})
    void codecsNotYetAvailableFailClearly(String codec) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(!classExists(codec.equals("snappy") ? "dev.mallard.io.compress.Snappy"
                : "dev.mallard.io.compress.Zstd"), "the codec is available");
        try (Connection c = duck()) {
            Path p = write(c, "SELECT range AS a FROM range(10)", "COMPRESSION " + codec);
            assertThatThrownBy(() -> mallardRows(p)).isInstanceOf(MallardException.class)
                    .hasMessageContaining("compression " + codec.toUpperCase() + " is not supported yet")
                    .hasMessageContaining(p.toString());
        }
    }

    /** Once dev.mallard.io.compress is on the class path, Snappy and ZSTD files read like the others. */
    @ParameterizedTest
    @ValueSource(strings = {"snappy", "zstd"})
    void snappyAndZstdOnceTheCodecsArePresent(String codec) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(classExists(codec.equals("snappy") ? "dev.mallard.io.compress.Snappy"
                : "dev.mallard.io.compress.Zstd"), "the codec is not on the class path yet");
        try (Connection c = duck()) {
            for (String version : new String[] {"V1", "V2"}) {
                Path p = write(c, allTypes(10_000), "COMPRESSION " + codec + ", PARQUET_VERSION " + version);
                assertSameAsDuckDb(c, p, 10_000);
            }
        }
    }

    static boolean classExists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
