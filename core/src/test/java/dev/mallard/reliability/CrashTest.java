package dev.mallard.reliability;

import static dev.mallard.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that commits transactions into a database file (SIGKILL at random moments:
 * during statements, commits, checkpoints, recovery) and checks, after every kill, that the file
 * opens, passes {@code PRAGMA integrity_check}, and holds exactly the transactions acknowledged
 * before the kill — plus at most the one whose COMMIT was under way — each entirely.
 *
 * <p>The expected state comes from an in-memory database that runs the same transactions
 * ({@link CrashWorkload}). CI runs a few kills; the documented run takes
 * {@code -Dmallard.crash.kills=200} (see RELIABILITY.md).
 */
class CrashTest {
    @TempDir
    Path dir;

    @Test
    void killedWritersLoseNothingAcknowledgedAndLeaveNothingPartial() throws Exception {
        int kills = Integer.getInteger("mallard.crash.kills", 6);
        long seed = Long.getLong("mallard.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path db = dir.resolve("crash.db");
        long acknowledged = -1; // the highest transaction acknowledged by any worker
        int inFlightSurvived = 0, killedBeforeStart = 0;
        long maxLog = 0, maxFile = 0;
        try (Connection mirror = DriverManager.getConnection("jdbc:mallard:")) {
            long mirrored = 0;
            for (int kill = 1; kill <= kills; kill++) {
                // Mostly while the workload runs; one kill in ten at any moment from the start (recovery too).
                boolean early = random.nextInt(10) == 0;
                long delay = early ? random.nextInt(1500) : 20 + random.nextInt(1500);
                Worker w = runAndKill(db, delay, early);
                if (w.started < 0) killedBeforeStart++;
                if (w.lastAck >= 0) acknowledged = Math.max(acknowledged, w.lastAck);
                maxLog = Math.max(maxLog, size(DatabasePaths.wal(db)));
                maxFile = Math.max(maxFile, size(db));
                String context = "kill " + kill + " (seed " + seed + ", after " + delay + " ms; worker log " + w.log + ")";

                // Check a copy, so the next worker recovers the files exactly as the kill left them.
                Path copy = dir.resolve("check-" + kill + ".db");
                copyIfExists(db, copy);
                copyIfExists(DatabasePaths.wal(db), DatabasePaths.wal(copy));
                try (Connection c = DriverManager.getConnection("jdbc:mallard:" + copy); Statement s = c.createStatement()) {
                    assertThat(rows(s, "PRAGMA integrity_check")).as(context).containsExactly("ok");
                    long committed = CrashWorker.committed(s);
                    assertThat(committed).as(context + ": committed transactions vs acknowledged " + acknowledged)
                            .isBetween(acknowledged + 1, acknowledged + 2);
                    if (committed == acknowledged + 2) inFlightSurvived++;
                    acknowledged = committed - 1;
                    for (; mirrored < committed; mirrored++) {
                        try (Statement m = mirror.createStatement()) {
                            for (String sql : CrashWorkload.transaction(mirrored)) m.execute(sql);
                        }
                    }
                    if (committed > 0) {
                        assertThat(rows(s, "SELECT sum(balance) FROM accounts")).as(context)
                                .containsExactly(String.valueOf(CrashWorkload.TOTAL_BALANCE));
                        assertThat(rows(s, "SELECT count(*), min(tx), max(tx) FROM log")).as(context)
                                .containsExactly(committed + "|0|" + (committed - 1));
                    }
                    try (Statement m = mirror.createStatement()) {
                        assertThat(digest(s)).as(context).isEqualTo(digest(m));
                    }
                }
                Files.deleteIfExists(copy);
                Files.deleteIfExists(DatabasePaths.wal(copy));
            }
        }
        String summary = String.format("crash test: %d kills, %d transactions committed and verified, %d kills before the worker"
                + " had opened the database, %d times the transaction whose COMMIT was under way survived;"
                + " largest file %d KiB, largest log %d KiB (seed %d)",
                kills, acknowledged + 1, killedBeforeStart, inFlightSurvived, maxFile / 1024, maxLog / 1024, seed);
        System.out.println(summary);
        Files.writeString(Path.of("target", "crash-test-summary.txt"), summary + "\n");
        assertThat(acknowledged).as("the workers made progress").isGreaterThan(kills / 3);
    }

    @Test
    void aSecondProcessCannotWriteButMayRead() throws Exception {
        Path db = dir.resolve("locked.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), CrashWorker.class.getName(),
                db.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null && !line.startsWith("ack 2"); ) {
                // wait until the worker holds the file and has committed a few transactions
            }
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:mallard:" + db))
                    .hasMessageContaining("locked by process " + p.pid())
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("55P03");
            try (Connection c = DriverManager.getConnection("jdbc:mallard:" + db + "?access_mode=read_only");
                 Statement s = c.createStatement()) {
                assertThat(CrashWorker.committed(s)).isGreaterThanOrEqualTo(3);
                assertThat(rows(s, "SELECT sum(balance) FROM accounts")).containsExactly(String.valueOf(CrashWorkload.TOTAL_BALANCE));
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** What one worker did before it was killed. */
    private record Worker(long started, long lastAck, String log) {}

    /** Starts a worker and kills it {@code delayMillis} after it started, or after it opened the database. */
    private Worker runAndKill(Path db, long delayMillis, boolean fromStart) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path err = dir.resolve("worker.err");
        Process p = new ProcessBuilder(java, "-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                CrashWorker.class.getName(), db.toString())
                .redirectError(err.toFile()).start();
        AtomicLong started = new AtomicLong(-1), lastAck = new AtomicLong(-1);
        java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("ack ")) {
                        lastAck.set(Long.parseLong(line.substring(4)));
                    } else if (line.startsWith("start ")) {
                        started.set(Long.parseLong(line.substring(6)));
                        opened.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the pipe closes with the process
            }
        });
        reader.start();
        if (!fromStart) opened.await(60, TimeUnit.SECONDS);
        boolean exited = p.waitFor(delayMillis, TimeUnit.MILLISECONDS);
        if (!exited) p.destroyForcibly(); // SIGKILL on Linux and macOS
        p.waitFor(30, TimeUnit.SECONDS);
        reader.join(10_000);
        String log = Files.exists(err) ? Files.readString(err) : "";
        assertThat(exited).as("the worker died on its own: " + log).isFalse();
        return new Worker(started.get(), lastAck.get(), log.isBlank() ? "empty" : log);
    }

    /** A hash of every table's and view's shape and sorted rows. */
    private static String digest(Statement s) throws SQLException, java.security.NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        List<String> tables = rows(s, "SHOW ALL TABLES");
        for (String t : tables) {
            md.update((t + "\n").getBytes(StandardCharsets.UTF_8));
            String name = t.split("\\|")[2];
            for (String r : rows(s, "DESCRIBE " + name)) md.update((r + "\n").getBytes(StandardCharsets.UTF_8));
            for (String r : rows(s, "SELECT * FROM " + name + " ORDER BY ALL")) md.update((r + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return tables + " " + HexFormat.of().formatHex(md.digest());
    }


    private static void copyIfExists(Path from, Path to) throws IOException {
        if (Files.exists(from)) Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static long size(Path p) throws IOException {
        return Files.exists(p) ? Files.size(p) : 0;
    }

    /** Where a database keeps its log. */
    private static final class DatabasePaths {
        static Path wal(Path db) {
            return db.resolveSibling(db.getFileName() + ".wal");
        }
    }
}
