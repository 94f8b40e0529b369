package dev.mallard.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Aggregates with more groups than {@code AggregateSink.Global.PARALLEL_MERGE_MIN_GROUPS} over
 * several row groups: with four threads the thread tables are merged partition by partition in
 * parallel, and every aggregate function must give what one thread gives.
 */
class PartitionedAggregateTest {
    private static Connection connection;

    @BeforeAll
    static void data() throws SQLException {
        connection = DriverManager.getConnection("jdbc:mallard:");
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE t AS SELECT i, CASE WHEN i % 977 = 0 THEN NULL ELSE i % 60000 END AS k,"
                    + " (i % 7)::VARCHAR || 'x' AS s, CAST(i % 1000 AS DECIMAL(15,2)) AS d, i * 0.5 AS f"
                    + " FROM range(400000) r(i)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    private static List<String> rows(String sql, int threads) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            st.execute("SET threads = " + threads);
            try (ResultSet rs = st.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int c = 1; c <= md.getColumnCount(); c++) b.append(rs.getString(c)).append('|');
                    out.add(b.toString());
                }
            }
        }
        return out;
    }

    private static void sameOnOneAndFourThreads(String sql) throws SQLException {
        List<String> one = rows(sql, 1);
        List<String> four = rows(sql, 4);
        assertThat(four).hasSameSizeAs(one).isEqualTo(one);
    }

    @Test
    void everyMergeableAggregate() throws SQLException {
        List<String> one = rows("SELECT k, count(*), count(s), sum(i), sum(d), avg(f), min(s), max(i), stddev_samp(f),"
                + " bit_or(i), bool_and(i % 2 = 0), median(i), string_agg(s, ',' ORDER BY i) FROM t GROUP BY k ORDER BY k", 1);
        assertThat(one).hasSize(60001);
        // stddev rounded: its partial states merge in thread order, and floating-point sums depend on order
        sameOnOneAndFourThreads("SELECT k, count(*), count(s), sum(i), sum(d), avg(f), min(s), max(i), round(stddev_samp(f), 8),"
                + " bit_or(i), bool_and(i % 2 = 0), median(i) FROM t GROUP BY k ORDER BY k");
    }

    @Test
    void distinctAndOrderedAggregatesStillMergeExactly() throws SQLException {
        sameOnOneAndFourThreads("SELECT k, count(DISTINCT s), string_agg(s, ',' ORDER BY i) FROM t GROUP BY k ORDER BY k");
    }

    @Test
    void multiColumnKeysAndTotals() throws SQLException {
        sameOnOneAndFourThreads("SELECT k % 100, s, count(*), sum(i) FROM t GROUP BY ALL ORDER BY ALL");
        assertThat(rows("SELECT count(*), sum(n) FROM (SELECT k, count(*) n FROM t GROUP BY k)", 4))
                .containsExactly("60001|400000|");
    }
}
