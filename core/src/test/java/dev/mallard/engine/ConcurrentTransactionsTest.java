package dev.mallard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many connections writing and reading one database file at once: transfers between accounts
 * (retried on serialization errors) must keep the total constant in every snapshot any reader
 * takes, all committed transfers must be there, and so after a crash and recovery.
 */
class ConcurrentTransactionsTest {
    private static final int ACCOUNTS = 50, WRITERS = 4, TRANSFERS = 100;

    @TempDir
    Path dir;

    @Test
    void transfersKeepTheTotalForEveryReaderAndSurviveRecovery() throws Exception {
        String url = "jdbc:mallard:" + dir.resolve("bank.db");
        AtomicLong committed = new AtomicLong(), conflicts = new AtomicLong(), reads = new AtomicLong();
        try (Connection setup = DriverManager.getConnection(url); Statement s = setup.createStatement()) {
            s.execute("CREATE TABLE accounts(id INTEGER PRIMARY KEY, balance BIGINT)");
            s.execute("CREATE TABLE transfers(writer INTEGER, n INTEGER, amount BIGINT)");
            s.execute("INSERT INTO accounts SELECT i, 1000 FROM range(" + ACCOUNTS + ") r(i)");
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
            AtomicBoolean done = new AtomicBoolean();
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    Random r = new Random(writer);
                    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                        c.setAutoCommit(false);
                        for (int n = 0; n < TRANSFERS; ) {
                            int from = r.nextInt(ACCOUNTS), to = (from + 1 + r.nextInt(ACCOUNTS - 1)) % ACCOUNTS, amount = 1 + r.nextInt(50);
                            try {
                                st.execute("UPDATE accounts SET balance = balance - " + amount + " WHERE id = " + from);
                                st.execute("UPDATE accounts SET balance = balance + " + amount + " WHERE id = " + to);
                                st.execute("INSERT INTO transfers VALUES (" + writer + ", " + n + ", " + amount + ")");
                                c.commit();
                                committed.incrementAndGet();
                                n++;
                            } catch (SQLException e) {
                                if (!"40001".equals(e.getSQLState())) throw e;
                                c.rollback();
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                    while (!done.get()) {
                        try (ResultSet rs = st.executeQuery("SELECT sum(balance), count(*) FROM accounts")) {
                            rs.next();
                            assertThat(rs.getLong(1)).isEqualTo(ACCOUNTS * 1000L);
                            assertThat(rs.getLong(2)).isEqualTo(ACCOUNTS);
                        }
                        reads.incrementAndGet();
                    }
                }
                return null;
            });
            for (Future<?> f : writers) f.get(120, TimeUnit.SECONDS);
            done.set(true);
            reader.get(30, TimeUnit.SECONDS);
            pool.shutdown();
            assertThat(committed.get()).isEqualTo((long) WRITERS * TRANSFERS);
            assertThat(reads.get()).isPositive();
            s.execute("PRAGMA disable_checkpoint_on_shutdown");
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT (SELECT sum(balance) FROM accounts), (SELECT count(*) FROM transfers),"
                    + " (SELECT count(*) FROM (SELECT DISTINCT writer, n FROM transfers))")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(ACCOUNTS * 1000L);
                assertThat(rs.getLong(2)).isEqualTo((long) WRITERS * TRANSFERS);
                assertThat(rs.getLong(3)).isEqualTo((long) WRITERS * TRANSFERS);
            }
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
        }
        System.out.printf("concurrent transactions: %d transfers committed by %d writers, %d serialization conflicts retried, %d reads%n",
                committed.get(), WRITERS, conflicts.get(), reads.get());
    }
}
