package dev.mallard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stopping long statements, and one connection shared by several threads. */
class CancelAndConcurrencyTest {
    private static final String LONG_QUERY = "SELECT count(*) FROM range(10000000000)";

    @Test
    @Timeout(60)
    void cancelStopsARunningQuery() throws Exception {
        try (Connection conn = DriverManager.getConnection("jdbc:mallard:"); Statement s = conn.createStatement()) {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            // Keep cancelling until the query has stopped: a cancel before it starts is ignored.
            ScheduledFuture<?> canceller = timer.scheduleAtFixedRate(() -> {
                try {
                    s.cancel();
                } catch (SQLException ignored) {
                    // the statement was closed: the test is over
                }
            }, 100, 50, TimeUnit.MILLISECONDS);
            try {
                long start = System.nanoTime();
                assertThatThrownBy(() -> s.executeQuery(LONG_QUERY)).isInstanceOf(SQLException.class)
                        .isNotInstanceOf(SQLTimeoutException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
                assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(30));
            } finally {
                canceller.cancel(false);
                timer.shutdownNow();
            }
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("the connection works after a cancel").isEqualTo(1);
            }
        }
    }

    @Test
    @Timeout(60)
    void queryTimeoutCancelsWithSqlTimeoutException() throws SQLException {
        try (Connection conn = DriverManager.getConnection("jdbc:mallard:"); Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            assertThatThrownBy(() -> s.executeQuery(LONG_QUERY)).isInstanceOf(SQLTimeoutException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
            try (ResultSet rs = s.executeQuery("SELECT 2")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("a quick statement finishes within its timeout").isEqualTo(2);
            }
        }
    }

    @Test
    @Timeout(120)
    void oneConnectionManyThreads() throws Exception {
        int threads = 8;
        int perThread = 50;
        try (Connection conn = DriverManager.getConnection("jdbc:mallard:")) {
            conn.createStatement().execute("CREATE TABLE events (thread INTEGER, seq INTEGER)");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    long seen = 0;
                    try (PreparedStatement insert = conn.prepareStatement("INSERT INTO events VALUES (?, ?)");
                         PreparedStatement mine = conn.prepareStatement("SELECT count(*) FROM events WHERE thread = ?");
                         Statement all = conn.createStatement()) {
                        for (int i = 0; i < perThread; i++) {
                            insert.setInt(1, thread);
                            insert.setInt(2, i);
                            assertThat(insert.executeUpdate()).isEqualTo(1);
                            mine.setInt(1, thread);
                            try (ResultSet rs = mine.executeQuery()) {
                                rs.next();
                                assertThat(rs.getLong(1)).isEqualTo(i + 1);
                            }
                            try (ResultSet rs = all.executeQuery("SELECT thread, seq FROM events")) {
                                while (rs.next()) seen += rs.getInt(2) >= 0 ? 1 : 0;
                            }
                        }
                    }
                    return seen;
                }));
            }
            for (Future<Long> f : results) assertThat(f.get(100, TimeUnit.SECONDS)).isPositive();
            pool.shutdown();
            try (ResultSet rs = conn.createStatement().executeQuery("SELECT count(*), count(DISTINCT thread) FROM events")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo((long) threads * perThread);
                assertThat(rs.getLong(2)).isEqualTo(threads);
            }
        }
    }
}
