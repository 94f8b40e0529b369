package dev.mallard.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans skip row groups their zone maps rule out (EXPLAIN ANALYZE counts the rows skipped) and
 * answer exactly as a scan that skips nothing: the same filter wrapped in
 * {@code coalesce(..., false)}, which means the same but is no conjunct zone maps can test.
 */
class ZoneMapScanTest {
    private static final int G = 122_880;
    private static final int ROWS = 600_000; // four full row groups and a partial one

    /**
     * Sorted columns of every kind zone maps cover: BIGINT and INTEGER with negative values (n with
     * NULLs), DATE, DECIMAL, DOUBLE with five NaNs in row group 2, a column NULL in all of row
     * group 2, VARCHAR.
     */
    private static final String CREATE = """
            CREATE TABLE z AS SELECT
              i - 300000 AS k,
              CASE WHEN i % 10 = 3 THEN NULL ELSE CAST(i AS INTEGER) - 250000 END AS n,
              DATE '1992-01-01' + CAST(i / 400 AS INTEGER) AS d,
              CAST((i - 300000) * 0.01 AS DECIMAL(12,2)) AS m,
              CASE WHEN i BETWEEN 250000 AND 250004 THEN 'nan'::DOUBLE ELSE (i - 300000) * 0.5 END AS f,
              CASE WHEN i >= 245760 AND i < 368640 THEN NULL ELSE i END AS g,
              'k' || lpad(CAST(i AS VARCHAR), 6, '0') AS s
            FROM range(600000) t(i)""";

    private static final String[] FILTERS = {
        "k = 5", "k < -250000", "k <= -177121", "k < -177120", "k > 200000", "k >= 299999", "k BETWEEN -10 AND 10",
        "k <> 0", "k IN (-299999, 7, 299999, 400000)", "k IN (400000, 500000)", "k IN (NULL, 3)", "-5 > k",
        "n BETWEEN -100 AND 100", "n IS NULL", "n IS NOT NULL AND n < -240000", "n = -249997",
        "d >= DATE '1995-06-01'", "d < DATE '1992-03-01'", "d BETWEEN DATE '1993-01-01' AND DATE '1993-02-01'",
        "m < -2500.00", "m >= 2000.5", "m = 0.01", "m IN (-2999.99, 2999.99)",
        "f > 1e9", "f = 'nan'::DOUBLE", "f >= 'nan'::DOUBLE", "f < -100000", "f BETWEEN 0 AND 10", "f <> 5",
        "g IS NULL", "g IS NOT NULL", "g > 300000", "g < 245760",
        "s < 'k100000'", "s >= 'k590000'", "s = 'k123456'", "s IN ('k000001', 'k599999')", "s > 'l'",
        "k > 0 AND s < 'k100000'", "k >= -3 AND d > DATE '1990-01-01' AND s <= 'k300000'",
    };

    private static String answer(Statement s, String filter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT count(*), sum(k), min(s), max(s), count(f), count(n) FROM z WHERE " + filter)) {
            rs.next();
            for (int i = 1; i <= 6; i++) values.add(rs.getString(i));
        }
        return String.join("|", values);
    }

    private static final Pattern SKIPPED = Pattern.compile("Rows skipped by zone maps: (\\d+)");

    private static long skipped(Statement s, String filter) throws SQLException {
        try (ResultSet rs = s.executeQuery("EXPLAIN ANALYZE SELECT count(*) FROM z WHERE " + filter)) {
            rs.next();
            Matcher m = SKIPPED.matcher(rs.getString(2));
            assertThat(m.find()).as(rs.getString(2)).isTrue();
            return Long.parseLong(m.group(1));
        }
    }

    /** Every filter answers as without skipping, on each thread count given; returns the rows skipped per filter. */
    private static long[] checkAll(Statement s, String... threadCounts) throws SQLException {
        long[] skips = new long[FILTERS.length];
        for (String threads : threadCounts) {
            s.execute("SET threads = " + threads);
            for (int i = 0; i < FILTERS.length; i++) {
                String f = FILTERS[i];
                assertThat(answer(s, f)).as("%s on %s threads", f, threads).isEqualTo(answer(s, "coalesce(" + f + ", false)"));
                assertThat(skipped(s, "coalesce(" + f + ", false)")).isZero();
                long n = skipped(s, f);
                if (threads.equals(threadCounts[0])) skips[i] = n;
                else assertThat(n).as(f).isEqualTo(skips[i]); // smaller morsels, same row groups
            }
        }
        return skips;
    }

    private static long skips(long[] skips, String filter) {
        return skips[List.of(FILTERS).indexOf(filter)];
    }

    @Test
    void rangeFiltersSkipRowGroupsAndAnswerAsAFullScan() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mallard:"); Statement s = c.createStatement()) {
            s.execute(CREATE);
            long[] skips = checkAll(s, "1", "2");
            long allButGroup2 = ROWS - G;
            assertThat(skips(skips, "k BETWEEN -10 AND 10")).isEqualTo(allButGroup2);
            assertThat(skips(skips, "k < -250000")).isEqualTo(ROWS - G);
            assertThat(skips(skips, "k <= -177121")).isEqualTo(ROWS - G); // row 122879, the last of group 0
            assertThat(skips(skips, "k < -177120")).isEqualTo(ROWS - G);
            assertThat(skips(skips, "k IN (400000, 500000)")).isEqualTo(ROWS);
            assertThat(skips(skips, "k IN (NULL, 3)")).isEqualTo(allButGroup2);
            assertThat(skips(skips, "k <> 0")).isZero();
            assertThat(skips(skips, "f > 1e9")).isEqualTo(allButGroup2); // the NaNs keep their row group
            assertThat(skips(skips, "f = 'nan'::DOUBLE")).isEqualTo(allButGroup2);
            assertThat(skips(skips, "g IS NULL")).isEqualTo(allButGroup2);
            assertThat(skips(skips, "g IS NOT NULL")).isEqualTo(G);
            assertThat(skips(skips, "n IS NULL")).isZero();
            assertThat(skips(skips, "s = 'k123456'")).isEqualTo(ROWS - G);
            assertThat(skips(skips, "s > 'l'")).isEqualTo(ROWS);
            assertThat(skips(skips, "k > 0 AND s < 'k100000'")).isEqualTo(ROWS);
            assertThat(skips(skips, "m >= 2000.5")).isEqualTo(4L * G); // the partial row group holds them
            assertThat(skips(skips, "d < DATE '1992-03-01'")).isEqualTo(ROWS - G);
            assertThat(answer(s, "f > 1e9")).startsWith("5|");

            // updates widen, deletes do not matter: still the answers of a full scan
            s.execute("UPDATE z SET k = 10000000, f = -1e12 WHERE k = -299990");
            s.execute("UPDATE z SET s = NULL, g = 5 WHERE k = 10");
            s.execute("DELETE FROM z WHERE k BETWEEN -5 AND 5 OR k BETWEEN 290000 AND 299999");
            assertThat(answer(s, "k > 5000000")).startsWith("1|10000000|");
            assertThat(answer(s, "f < -1e11")).startsWith("1|");
            assertThat(answer(s, "g BETWEEN 1 AND 10")).startsWith("11|");
            // An update writes a new row version at the end (MVCC): the partial last row group,
            // whose zone maps widen, now holds both updated rows; the old versions' groups keep theirs.
            assertThat(skipped(s, "k > 5000000")).isEqualTo(4L * G);
            long[] after = checkAll(s, "1", "2");
            assertThat(skips(after, "g IS NOT NULL")).isEqualTo(G); // group 2 still holds only NULLs
            assertThat(skips(after, "k BETWEEN -10 AND 10")).isEqualTo(3L * G); // the last group spans them now
        }
    }

    @Test
    void zoneMapsComeBackWithADatabaseFile(@TempDir Path dir) throws SQLException {
        String url = "jdbc:mallard:" + dir.resolve("z.db");
        long[] before;
        List<String> answers = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(CREATE);
            s.execute("CHECKPOINT");
            before = checkAll(s, "2");
            for (String f : FILTERS) answers.add(answer(s, f));
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThat(checkAll(s, "2")).isEqualTo(before);
            for (int i = 0; i < FILTERS.length; i++) assertThat(answer(s, FILTERS[i])).isEqualTo(answers.get(i));
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
        }
    }
}
