package dev.mallard.engine;

import static dev.mallard.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segments stay in the database file until queries need them, within memory_limit, and checkpoints keep unchanged ones. */
class LazyLoadingTest {
    @TempDir
    Path dir;

    private static final String TOTALS = "SELECT count(*), sum(k), sum(amount), count(DISTINCT name), max(note) FROM t";


    private static long memoryUsage(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA database_size")) {
            rs.next();
            return rs.getLong("memory_usage");
        }
    }

    @Test
    void segmentsAreReadOnDemandWithinTheMemoryLimit() throws Exception {
        String url = "jdbc:mallard:" + dir.resolve("lazy.db");
        List<String> totals;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(k BIGINT, name VARCHAR, amount DECIMAL(12,2), note VARCHAR)");
            s.execute("INSERT INTO t SELECT i, 'name ' || (i % 100), (i % 1000) * 0.01, 'note number ' || i FROM range(1000000) r(i)");
            totals = rows(s, TOTALS);
        }
        long size = Files.size(dir.resolve("lazy.db"));
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThat(memoryUsage(s)).as("nothing read at open").isZero();
            assertThat(rows(s, "SELECT count(*) FROM t WHERE k < 1000")).containsExactly("1000");
            long afterOneGroup = memoryUsage(s);
            assertThat(afterOneGroup).as("one row group of one column").isPositive().isLessThan(2_000_000);
            assertThat(rows(s, TOTALS)).isEqualTo(totals);
            assertThat(memoryUsage(s)).isGreaterThan(afterOneGroup * 8);

            // a limit far below the table: queries still answer, reading segments again as needed
            s.execute("SET memory_limit = '3MB'");
            assertThat(memoryUsage(s)).isLessThanOrEqualTo(3_000_000);
            for (int i = 0; i < 2; i++) assertThat(rows(s, TOTALS)).isEqualTo(totals);
            assertThat(memoryUsage(s)).isLessThanOrEqualTo(6_000_000);

            // changes to segments that may be evicted stay, through checkpoints and reopening
            s.execute("UPDATE t SET note = 'changed' WHERE k % 100000 = 0");
            s.execute("DELETE FROM t WHERE k BETWEEN 500000 AND 500009");
            s.execute("INSERT INTO t VALUES (-1, 'new', 1.5, 'fresh')");
            for (int i = 0; i < 2; i++) assertThat(rows(s, TOTALS)).isNotEqualTo(totals);
            totals = rows(s, TOTALS);
            s.execute("CHECKPOINT");
            // unchanged segments keep their blocks: the file does not grow by a copy of the table
            assertThat(Files.size(dir.resolve("lazy.db"))).isLessThan(size + size / 2);
            assertThat(rows(s, TOTALS)).isEqualTo(totals);
            assertThat(rows(s, "SELECT count(*) FROM t WHERE note = 'changed'")).containsExactly("9"); // k = 500000 was deleted
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThat(rows(s, TOTALS)).isEqualTo(totals);
            assertThat(rows(s, "PRAGMA integrity_check")).containsExactly("ok");
        }
    }
}
