package dev.mallard.io;

import static dev.mallard.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet through SQL: COPY TO and back with each codec, hive-partitioned folders, files shared with DuckDB both ways. */
class ParquetScanTest {
    @TempDir
    Path dir;
    private Connection c;
    private Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:mallard:");
        s = c.createStatement();
        s.execute("CREATE TABLE t AS SELECT i AS id, 'name ' || (i % 100) AS name, (i % 1000) * 0.25 AS price,"
                + " CAST(i * 1.5 AS DECIMAL(12,2)) AS amount, DATE '2020-01-01' + (i % 1500)::INTEGER AS day, i % 3 = 0 AS flag,"
                + " CASE WHEN i % 7 = 0 THEN NULL ELSE i END AS maybe, 2018 + i % 4 AS year FROM range(300000) r(i)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private String q(Path p) {
        return "'" + p.toString().replace("'", "''") + "'";
    }

    @Test
    void copyToParquetAndBackWithEveryCodec() throws Exception {
        for (String codec : new String[] {"uncompressed", "snappy", "zstd", "gzip"}) {
            Path f = dir.resolve("t_" + codec + ".parquet");
            s.execute("COPY t TO " + q(f) + " (FORMAT parquet, COMPRESSION " + codec + ")");
            assertThat(rows(s, "SELECT count(*) FROM (SELECT * FROM " + q(f) + " EXCEPT ALL SELECT * FROM t)")).as(codec).containsExactly("0");
            assertThat(rows(s, "SELECT count(*), sum(amount), max(day), count(maybe) FROM read_parquet(" + q(f) + ")"))
                    .isEqualTo(rows(s, "SELECT count(*), sum(amount), max(day), count(maybe) FROM t"));
        }
        assertThat(rows(s, "SELECT typeof(amount), typeof(day), typeof(flag) FROM " + q(dir.resolve("t_zstd.parquet")) + " LIMIT 1"))
                .containsExactly("DECIMAL(12,2)|DATE|BOOLEAN");
    }

    @Test
    void hivePartitionedParquetPrunesFolders() throws Exception {
        Path lake = dir.resolve("lake");
        s.execute("COPY t TO " + q(lake) + " (FORMAT parquet, PARTITION_BY (year))");
        assertThat(Files.exists(lake.resolve("year=2019/data_0.parquet"))).isTrue();
        String all = "read_parquet(" + q(lake.resolve("**/*.parquet")) + ", hive_partitioning = true)";
        assertThat(rows(s, "SELECT year, count(*), sum(id) FROM " + all + " GROUP BY year ORDER BY year"))
                .isEqualTo(rows(s, "SELECT year, count(*), sum(id) FROM t GROUP BY year ORDER BY year"));
        // a file is opened to read its footer and again to read its rows; the first one also at bind time for the schema
        long before = FileInput.openedCount();
        assertThat(rows(s, "SELECT count(*) FROM " + all)).containsExactly("300000");
        long everything = FileInput.openedCount() - before;
        before = FileInput.openedCount();
        assertThat(rows(s, "SELECT count(*) FROM " + all + " WHERE year = 2021")).containsExactly("75000");
        long pruned = FileInput.openedCount() - before;
        assertThat(everything).isGreaterThanOrEqualTo(4 * 2);
        assertThat(pruned).as("only the first file (schema) and the matching one").isLessThanOrEqualTo(3);
    }

    @Test
    void filesAreSharedWithDuckDb() throws Exception {
        Path fromDuck = dir.resolve("duck.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement d = duck.createStatement()) {
            d.execute("COPY (SELECT i AS id, 'v' || i AS s, i * 0.5 AS x, DATE '2024-01-01' + (i % 30)::INTEGER AS day FROM range(50000) r(i))"
                    + " TO " + q(fromDuck) + " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 10000)");
            assertThat(rows(s, "SELECT count(*), sum(id), max(s), sum(x), max(day) FROM " + q(fromDuck)))
                    .containsExactly("50000|1249975000|v9999|624987500.0|2024-01-30");
            Path fromMallard = dir.resolve("mallard.parquet");
            s.execute("COPY (SELECT id, name, amount, day FROM t) TO " + q(fromMallard) + " (FORMAT parquet)");
            assertThat(rows(d, "SELECT count(*), sum(id), max(name), sum(amount), max(day) FROM read_parquet(" + q(fromMallard) + ")"))
                    .isEqualTo(rows(s, "SELECT count(*), sum(id), max(name), sum(amount), max(day) FROM t"));
        }
    }

    @Test
    void damagedFilesAreClearErrors() throws Exception {
        Path f = dir.resolve("bad.parquet");
        Files.writeString(f, "id,name\n1,a\n");
        assertThatThrownBy(() -> rows(s, "SELECT * FROM " + q(f))).hasMessageContaining("bad.parquet").hasMessageContaining("not a Parquet file");
        Path good = dir.resolve("good.parquet");
        s.execute("COPY t TO " + q(good) + " (FORMAT parquet)");
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.parquet");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> rows(s, "SELECT count(*) FROM " + q(cut))).hasMessageContaining("cut.parquet");
        assertThatThrownBy(() -> s.execute("COPY t TO " + q(dir.resolve("x.parquet")) + " (FORMAT parquet, COMPRESSION lzma)"))
                .hasMessageContaining("lzma");
        assertThat(Files.exists(dir.resolve("x.parquet"))).isFalse();
    }
}
