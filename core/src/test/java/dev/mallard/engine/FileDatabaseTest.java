package dev.mallard.engine;

import static dev.mallard.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database file across closes and simulated crashes: checkpoints, log replay, locking. */
class FileDatabaseTest {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:mallard:" + dir.resolve("test.db");
    }


    private static final String[] QUERIES = {
        "SHOW TABLES",
        "SELECT count(*), sum(id), count(DISTINCT name), sum(amount), min(note), max(note) FROM items",
        "SELECT * FROM items WHERE id IN (1, 2, 3, 500, 9999) ORDER BY id",
        "SELECT * FROM kv ORDER BY k",
        "SELECT * FROM snapshot ORDER BY x",
        "SELECT * FROM big_names ORDER BY 1",
    };

    /** Runs a workload touching every kind of logged change; returns the answers it leaves. */
    private List<List<String>> workload(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE items(id INTEGER PRIMARY KEY, name VARCHAR, amount DECIMAL(10,2), note VARCHAR DEFAULT 'n/a')");
            s.execute("INSERT INTO items(id, name, amount) SELECT i, 'item ' || (i % 50), i * 0.5 FROM range(1, 10001) r(i)");
            s.execute("UPDATE items SET amount = amount * 2, note = 'doubled' WHERE id % 7 = 0");
            s.execute("DELETE FROM items WHERE id BETWEEN 100 AND 199");
            // a rolled-back insert leaves used row ids behind; the rows after it must keep theirs
            c.setAutoCommit(false);
            s.execute("INSERT INTO items(id, name) SELECT i, 'gone' FROM range(20000, 20100) r(i)");
            c.rollback();
            c.setAutoCommit(true);
            s.execute("INSERT INTO items(id, name, amount) VALUES (100, 'back', 1.25)");
            assertThatThrownBy(() -> s.execute("INSERT INTO items(id) VALUES (1)")).isInstanceOf(SQLException.class);
            s.execute("CREATE TABLE kv(k VARCHAR, v BIGINT)");
            s.execute("INSERT INTO kv VALUES ('a', 1), ('b', 2), ('c', NULL)");
            s.execute("ALTER TABLE kv ADD COLUMN flag BOOLEAN DEFAULT true");
            s.execute("INSERT INTO kv VALUES ('d', 4, false)");
            s.execute("ALTER TABLE kv RENAME COLUMN v TO value");
            s.execute("CREATE UNIQUE INDEX kv_k ON kv(k)");
            s.execute("CREATE TABLE tmp(x INTEGER)");
            s.execute("INSERT INTO tmp VALUES (1)");
            s.execute("DROP TABLE tmp");
            // values that would differ if the statement ran again
            s.execute("CREATE TABLE snapshot AS SELECT i AS x, random() AS r FROM range(5) t(i)");
            s.execute("UPDATE snapshot SET r = random() WHERE x = 3");
            s.execute("ALTER TABLE snapshot ADD COLUMN drawn DOUBLE NOT NULL DEFAULT random()");
            s.execute("ALTER TABLE snapshot ADD COLUMN at TIMESTAMP DEFAULT now()");
            s.execute("CREATE TABLE names_old AS SELECT DISTINCT name FROM items");
            s.execute("ALTER TABLE names_old RENAME TO big_names");
            s.execute("CREATE VIEW expensive AS SELECT * FROM items WHERE amount > 1000");
            s.execute("CREATE TABLE emptied AS SELECT * FROM kv");
            s.execute("TRUNCATE emptied");
            c.setAutoCommit(false);
            s.execute("INSERT INTO kv VALUES ('e', 5, NULL)");
            s.execute("UPDATE kv SET value = 20 WHERE k = 'b'");
            c.commit();
            c.setAutoCommit(true);
        }
        return answers(c);
    }

    private static List<List<String>> answers(Connection c) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        for (String q : QUERIES) out.add(rows(c, q));
        out.add(rows(c, "SELECT count(*) FROM expensive"));
        out.add(rows(c, "SELECT count(*) FROM emptied"));
        return out;
    }

    @Test
    void closeCheckpointsAndReopenReadsEverythingBack() throws SQLException {
        List<List<String>> before;
        try (Connection c = DriverManager.getConnection(url())) {
            before = workload(c);
        }
        assertThat(sizeOf("test.db.wal")).as("the close checkpoint empties the log").isLessThanOrEqualTo(32);
        try (Connection c = DriverManager.getConnection(url())) {
            assertThat(answers(c)).isEqualTo(before);
            assertThat(rows(c, "PRAGMA integrity_check")).containsExactly("ok");
            try (Statement s = c.createStatement()) {
                // constraints and index names survive
                assertThatThrownBy(() -> s.execute("INSERT INTO items(id) VALUES (5)")).hasMessageContaining("5");
                assertThatThrownBy(() -> s.execute("INSERT INTO kv VALUES ('a', 9, true)")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> s.execute("CREATE INDEX kv_k ON kv(value)")).hasMessageContaining("already exists");
                s.execute("INSERT INTO items(id, name) VALUES (50000, 'new')");
            }
        }
    }

    @Test
    void aCrashLosesNothingCommittedThanksToTheLog() throws SQLException {
        List<List<String>> before;
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            before = workload(c);
            // a transaction open at the crash must vanish
            c.setAutoCommit(false);
            s.execute("INSERT INTO kv VALUES ('uncommitted', 0, NULL)");
            s.execute("DELETE FROM items");
            s.execute("PRAGMA disable_checkpoint_on_shutdown");
        }
        assertThat(sizeOf("test.db.wal")).as("the log holds the work").isGreaterThan(20_000);
        try (Connection c = DriverManager.getConnection(url())) {
            assertThat(answers(c)).isEqualTo(before);
        }
        // replay checkpointed: the next open has nothing to replay and the same answers
        assertThat(sizeOf("test.db.wal")).isLessThanOrEqualTo(32);
        try (Connection c = DriverManager.getConnection(url())) {
            assertThat(answers(c)).isEqualTo(before);
        }
    }

    @Test
    void aTornLogTailIsIgnored() throws Exception {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x INTEGER)");
            s.execute("INSERT INTO t VALUES (1), (2)");
            s.execute("PRAGMA disable_checkpoint_on_shutdown");
        }
        // half an entry, as left by a crash in the middle of an append
        Files.write(dir.resolve("test.db.wal"), new byte[] {40, 0, 0, 0, 1, 2, 3}, StandardOpenOption.APPEND);
        try (Connection c = DriverManager.getConnection(url())) {
            assertThat(rows(c, "SELECT sum(x) FROM t")).containsExactly("3");
        }
    }

    @Test
    void theLogIsCheckpointedWhenItGrowsPastItsLimit() throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("SET wal_autocheckpoint = '64KB'");
            s.execute("CREATE TABLE t(i BIGINT, s VARCHAR)");
            long maxLog = 0;
            for (int round = 0; round < 40; round++) {
                s.execute("INSERT INTO t SELECT i, 'row ' || i FROM range(" + round * 1000 + ", " + (round + 1) * 1000 + ") r(i)");
                maxLog = Math.max(maxLog, sizeOf("test.db.wal"));
            }
            assertThat(maxLog).isLessThan(64_000 + 40_000);
            // a change bigger than the limit is committed by a checkpoint, not copied into the log
            // (hashes: the log would compress a constant string to almost nothing)
            s.execute("INSERT INTO t SELECT i, md5(CAST(i AS VARCHAR)) FROM range(100000, 300000) r(i)");
            assertThat(sizeOf("test.db.wal")).isLessThanOrEqualTo(32);
            s.execute("PRAGMA disable_checkpoint_on_shutdown");
        }
        long size = sizeOf("test.db");
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            assertThat(rows(c, "SELECT count(*), sum(i), count(DISTINCT s) FROM t"))
                    .containsExactly("240000|" + (39_999L * 40_000 / 2 + (100_000L + 299_999) * 200_000 / 2) + "|240000");
            // checkpoints reuse the blocks of the one before: the file does not grow with each
            for (int i = 0; i < 5; i++) s.execute("CHECKPOINT");
            assertThat(sizeOf("test.db")).isLessThanOrEqualTo(size * 2 + 1_000_000);
        }
    }

    private long sizeOf(String name) {
        try {
            return Files.size(dir.resolve(name));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readOnlyOpensSeeCommittedDataAndRefuseChanges() throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t AS SELECT 1 AS x");
            s.execute("PRAGMA disable_checkpoint_on_shutdown");
        }
        try (Connection c = DriverManager.getConnection(url() + "?access_mode=read_only"); Statement s = c.createStatement()) {
            assertThat(rows(c, "SELECT x FROM t")).containsExactly("1");
            assertThatThrownBy(() -> s.execute("CREATE TABLE u(y INTEGER)")).hasMessageContaining("read-only");
            assertThatThrownBy(() -> DriverManager.getConnection(url())).hasMessageContaining("already open in this process");
        }
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:mallard:" + dir.resolve("none.db") + "?access_mode=read_only"))
                .hasMessageContaining("does not exist");
        assertThat(Files.exists(dir.resolve("none.db"))).isFalse();
    }

    @Test
    void filesThatAreNotDatabasesAreRefusedUntouched() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello, not a database");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:mallard:" + text))
                .hasMessageContaining("not a Mallard database file");
        assertThat(Files.readString(text)).isEqualTo("hello, not a database");
        // an empty file (as made by createTempFile) becomes a database
        Path empty = Files.createFile(dir.resolve("empty.db"));
        try (Connection c = DriverManager.getConnection("jdbc:mallard:" + empty)) {
            assertThat(rows(c, "SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void concurrentWritersSurviveACrashInCommitOrder() throws Exception {
        for (boolean checkpointBetween : new boolean[] {false, true}) {
            String url = "jdbc:mallard:" + dir.resolve("writers-" + checkpointBetween + ".db");
            try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url);
                 Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
                sa.execute("CREATE TABLE t(x INTEGER, who VARCHAR)");
                a.setAutoCommit(false);
                b.setAutoCommit(false);
                sa.execute("INSERT INTO t SELECT i, 'a' FROM range(10) r(i)"); // row ids 0..9
                sb.execute("INSERT INTO t SELECT i, 'b' FROM range(10, 20) r(i)"); // row ids 10..19
                sb.execute("INSERT INTO t SELECT i, 'gone' FROM range(20, 25) r(i)");
                b.commit();
                sb.execute("DELETE FROM t WHERE x >= 20");
                b.commit();
                // a checkpoint now writes a's rows as deleted; a's commit later fills them from the log
                if (checkpointBetween) sb.execute("CHECKPOINT");
                b.commit();
                sa.execute("UPDATE t SET who = 'a2' WHERE x < 5");
                a.commit();
                sa.execute("PRAGMA disable_checkpoint_on_shutdown");
            }
            try (Connection c = DriverManager.getConnection(url)) {
                assertThat(rows(c, "SELECT who, count(*), sum(x) FROM t GROUP BY who ORDER BY who"))
                        .as("checkpoint between: " + checkpointBetween).containsExactly("a|5|35", "a2|5|10", "b|10|145");
                assertThat(rows(c, "PRAGMA integrity_check")).containsExactly("ok");
            }
        }
    }

    @Test
    void blocksOfADroppedTableOutliveTheSnapshotsThatStillReadIt() throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE old AS SELECT i, md5(i::VARCHAR) AS h FROM range(400000) r(i)");
        }
        // reopened: the table's segments are read lazily, from blocks the next checkpoints free
        try (Connection a = DriverManager.getConnection(url()); Connection b = DriverManager.getConnection(url());
             Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            b.setAutoCommit(false);
            assertThat(rows(sb, "SELECT count(*) FROM old")).containsExactly("400000");
            sa.execute("DROP TABLE old");
            sa.execute("CHECKPOINT");
            sa.execute("CREATE TABLE filler AS SELECT i, md5((i + 1)::VARCHAR) AS h FROM range(400000) r(i)");
            sa.execute("CHECKPOINT");
            sa.execute("INSERT INTO filler SELECT * FROM filler");
            sa.execute("CHECKPOINT");
            assertThat(rows(sb, "SELECT count(*), sum(i), min(h), max(h), count(DISTINCT h) FROM old"))
                    .isEqualTo(rows(sa, "SELECT count(*), sum(i), min(md5(i::VARCHAR)), max(md5(i::VARCHAR)), count(*) FROM range(400000) r(i)"));
            b.commit();
            assertThatThrownBy(() -> sb.executeQuery("SELECT * FROM old")).hasMessageContaining("does not exist");
            sa.execute("CHECKPOINT");
            assertThat(rows(sa, "PRAGMA integrity_check")).containsExactly("ok");
        }
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            assertThat(rows(s, "SELECT count(*) FROM filler")).containsExactly("800000");
            assertThat(rows(s, "PRAGMA integrity_check")).containsExactly("ok");
        }
    }
}
