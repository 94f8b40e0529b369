package dev.mallard.engine;

import static dev.mallard.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MVCC: what concurrent transactions see of each other, and which concurrent writes conflict. */
class SnapshotIsolationTest {
    private Connection a, b;
    private Statement sa, sb;

    @BeforeEach
    void open() throws SQLException {
        String url = "jdbc:mallard:memory:si-" + UUID.randomUUID();
        a = DriverManager.getConnection(url);
        b = DriverManager.getConnection(url);
        sa = a.createStatement();
        sb = b.createStatement();
        sa.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v VARCHAR)");
        sa.execute("INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    }

    @AfterEach
    void close() throws SQLException {
        a.close();
        b.close();
    }


    @Test
    void readersSeeNeitherUncommittedNorLaterCommits() throws SQLException {
        a.setAutoCommit(false);
        sa.execute("INSERT INTO t VALUES (4, 'four')");
        sa.execute("UPDATE t SET v = 'ONE' WHERE id = 1");
        sa.execute("DELETE FROM t WHERE id = 2");
        // a sees its own changes, b none of them
        assertThat(rows(sa, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|ONE", "3|three", "4|four");
        assertThat(rows(sb, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|one", "2|two", "3|three");
        b.setAutoCommit(false);
        assertThat(rows(sb, "SELECT count(*) FROM t")).containsExactly("3"); // b's snapshot starts here
        a.commit();
        // repeatable read: b's open transaction still sees the state it started with
        assertThat(rows(sb, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|one", "2|two", "3|three");
        b.commit();
        assertThat(rows(sb, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|ONE", "3|three", "4|four");
    }

    @Test
    void writersOfDifferentRowsBothCommit() throws SQLException {
        a.setAutoCommit(false);
        b.setAutoCommit(false);
        sa.execute("UPDATE t SET v = 'a' WHERE id = 1");
        sb.execute("UPDATE t SET v = 'b' WHERE id = 2");
        sa.execute("INSERT INTO t VALUES (10, 'a')");
        sb.execute("INSERT INTO t VALUES (20, 'b')");
        sb.execute("DELETE FROM t WHERE id = 3");
        a.commit();
        b.commit();
        assertThat(rows(sa, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|a", "2|b", "10|a", "20|b");
    }

    @Test
    void writingTheSameRowTwiceIsASerializationError() throws SQLException {
        a.setAutoCommit(false);
        b.setAutoCommit(false);
        sa.execute("UPDATE t SET v = 'a' WHERE id = 1");
        assertThatThrownBy(() -> sb.execute("UPDATE t SET v = 'b' WHERE id = 1"))
                .hasMessageContaining("concurrent").extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("40001");
        assertThatThrownBy(() -> sb.execute("DELETE FROM t WHERE id = 1")).extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("40001");
        // the same key inserted by two transactions: the second cannot know whether it is taken
        sa.execute("INSERT INTO t VALUES (7, 'a')");
        assertThatThrownBy(() -> sb.execute("INSERT INTO t VALUES (7, 'b')")).extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("40001");
        a.commit();
        b.rollback();
        // a row changed by a commit after the snapshot was taken cannot be changed either
        b.setAutoCommit(false);
        assertThat(rows(sb, "SELECT v FROM t WHERE id = 1")).containsExactly("a");
        sa.execute("UPDATE t SET v = 'a again' WHERE id = 1");
        a.commit();
        assertThatThrownBy(() -> sb.execute("UPDATE t SET v = 'b' WHERE id = 1")).extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("40001");
        b.rollback();
        assertThat(rows(sb, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|a again", "2|two", "3|three", "7|a");
    }

    @Test
    void keysFreedByACommittedDeleteCanBeReused() throws SQLException {
        sa.execute("DELETE FROM t WHERE id = 1");
        sa.execute("INSERT INTO t VALUES (1, 'again')");
        a.setAutoCommit(false);
        sa.execute("UPDATE t SET id = 5 WHERE id = 2");
        sa.execute("INSERT INTO t VALUES (2, 'new two')");
        assertThatThrownBy(() -> sa.execute("INSERT INTO t VALUES (5, 'dup')")).hasMessageContaining("duplicate key");
        a.commit();
        assertThat(rows(sb, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|again", "2|new two", "3|three", "5|two");
        assertThatThrownBy(() -> sb.execute("INSERT INTO t VALUES (3, 'dup')")).hasMessageContaining("duplicate key");
    }

    @Test
    void rolledBackChangesLeaveNoTrace() throws SQLException {
        a.setAutoCommit(false);
        sa.execute("INSERT INTO t SELECT i, 'x' FROM range(100, 5000) r(i)");
        sa.execute("DELETE FROM t WHERE id = 1");
        sa.execute("UPDATE t SET v = 'y' WHERE id = 2");
        a.rollback();
        assertThat(rows(sb, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|one", "2|two", "3|three");
        sb.execute("INSERT INTO t VALUES (100, 'free again')");
        assertThat(rows(sa, "SELECT count(*) FROM t")).containsExactly("4");
    }

    @Test
    void schemaChangesWaitForUncommittedWriters() throws Exception {
        a.setAutoCommit(false);
        sa.execute("INSERT INTO t VALUES (4, 'four')");
        CompletableFuture<Void> ddl = CompletableFuture.runAsync(() -> {
            try {
                sb.execute("ALTER TABLE t ADD COLUMN w INTEGER DEFAULT 0");
            } catch (SQLException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(300);
        assertThat(ddl).isNotDone();
        a.commit();
        ddl.get(10, TimeUnit.SECONDS);
        assertThat(rows(sa, "SELECT id, w FROM t ORDER BY id")).containsExactly("1|0", "2|0", "3|0", "4|0");
    }

    @Test
    void schemaChangesAfterRowChangesInOneTransactionKeepThem() throws SQLException {
        a.setAutoCommit(false);
        sa.execute("UPDATE t SET v = 'x' WHERE id = 1");
        sa.execute("DELETE FROM t WHERE id = 2");
        sa.execute("ALTER TABLE t ADD COLUMN w INTEGER DEFAULT 7");
        sa.execute("INSERT INTO t VALUES (4, 'four', 8)");
        a.commit();
        assertThat(rows(sb, "SELECT id, v, w FROM t ORDER BY id")).containsExactly("1|x|7", "3|three|7", "4|four|8");
        assertThat(rows(sb, "PRAGMA integrity_check")).containsExactly("ok");
        a.setAutoCommit(false);
        sa.execute("UPDATE t SET v = 'y' WHERE id = 1");
        sa.execute("ALTER TABLE t DROP COLUMN w");
        a.rollback();
        assertThat(rows(sb, "SELECT id, v, w FROM t ORDER BY id")).containsExactly("1|x|7", "3|three|7", "4|four|8");
        assertThat(rows(sb, "PRAGMA integrity_check")).containsExactly("ok");
    }

    @Test
    void uncommittedSchemaChangesAreInvisibleToOthers() throws SQLException {
        a.setAutoCommit(false);
        sa.execute("CREATE TABLE n(x INTEGER)");
        sa.execute("INSERT INTO n VALUES (1)");
        sa.execute("ALTER TABLE t ADD COLUMN w INTEGER DEFAULT 5");
        sa.execute("CREATE VIEW vt AS SELECT id FROM t");
        sa.execute("CREATE SCHEMA s2");
        assertThat(rows(sa, "SELECT count(*) FROM n")).containsExactly("1");
        assertThat(rows(sa, "SELECT id, w FROM t WHERE id = 1")).containsExactly("1|5");
        assertThatThrownBy(() -> sb.executeQuery("SELECT * FROM n")).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> sb.executeQuery("SELECT * FROM vt")).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> sb.executeQuery("SELECT w FROM t")).hasMessageContaining("w");
        assertThat(rows(sb, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|one", "2|two", "3|three");
        assertThat(rows(sb, "SHOW TABLES")).containsExactly("t");
        assertThat(b.getMetaData().getSchemas().next()).isTrue();
        assertThat(rows(sb, "SELECT count(*) FROM (SELECT 1) WHERE false")).containsExactly("0");
        a.commit();
        assertThat(rows(sb, "SELECT id, w FROM t ORDER BY id")).containsExactly("1|5", "2|5", "3|5");
        assertThat(rows(sb, "SELECT x FROM n")).containsExactly("1");
        assertThat(rows(sb, "SHOW TABLES")).containsExactly("n", "t", "vt");
    }

    @Test
    void aSnapshotKeepsTheSchemaItStartedWith() throws SQLException {
        b.setAutoCommit(false);
        assertThat(rows(sb, "SELECT count(*) FROM t")).containsExactly("3"); // b's snapshot starts here
        sa.execute("ALTER TABLE t DROP COLUMN v");
        sa.execute("CREATE TABLE n(x INTEGER)");
        sa.execute("INSERT INTO t VALUES (4)");
        // b still reads the old definition and the old rows
        assertThat(rows(sb, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|one", "2|two", "3|three");
        assertThatThrownBy(() -> sb.executeQuery("SELECT * FROM n")).hasMessageContaining("does not exist");
        // writing through the outdated definition would lose the change: a serialization error
        assertThatThrownBy(() -> sb.execute("INSERT INTO t VALUES (9, 'nine')"))
                .isInstanceOf(SQLException.class).satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("40001"));
        b.rollback();
        b.setAutoCommit(false);
        assertThat(rows(sb, "SELECT id FROM t ORDER BY id")).containsExactly("1", "2", "3", "4");
        sa.execute("CREATE TABLE m(x INTEGER)");
        // a schema change decided on an outdated schema must retry too
        assertThatThrownBy(() -> sb.execute("CREATE TABLE m(y INTEGER)"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("40001"));
        b.rollback();
        b.setAutoCommit(true);
        assertThat(rows(sb, "SELECT count(*) FROM m")).containsExactly("0");
    }

    @Test
    void droppedTablesStayReadableToOlderSnapshots() throws SQLException {
        b.setAutoCommit(false);
        assertThat(rows(sb, "SELECT count(*) FROM t")).containsExactly("3");
        sa.execute("DROP TABLE t");
        sa.execute("CREATE TABLE t(z VARCHAR)");
        sa.execute("INSERT INTO t VALUES ('new')");
        assertThat(rows(sb, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|one", "2|two", "3|three");
        b.commit();
        assertThat(rows(sb, "SELECT * FROM t")).containsExactly("new");
    }

    @Test
    void rolledBackSchemaChangesLeaveNoTrace() throws SQLException {
        a.setAutoCommit(false);
        sa.execute("CREATE SCHEMA s2");
        sa.execute("CREATE TABLE s2.n(x INTEGER)");
        sa.execute("ALTER TABLE t RENAME TO t2");
        sa.execute("DROP SCHEMA s2 CASCADE");
        assertThat(rows(sa, "SHOW TABLES")).containsExactly("t2");
        a.rollback();
        a.setAutoCommit(true);
        assertThat(rows(sa, "SHOW TABLES")).containsExactly("t");
        assertThat(rows(sb, "SELECT count(*) FROM t")).containsExactly("3");
        sa.execute("CREATE SCHEMA s2");
        sa.execute("CREATE TABLE s2.n(x INTEGER)");
        assertThat(rows(sb, "SELECT count(*) FROM s2.n")).containsExactly("0");
    }

    @Test
    void readersNeverSeeATableSwapHalfDone() throws Exception {
        sa.execute("CREATE TABLE pairs AS SELECT i AS k, 0 AS gen FROM range(1000) r(i)");
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            int reads = 0;
            try (Statement s = b.createStatement()) {
                while (!done.get()) {
                    // one generation, every row, always: the swap commits as a whole or not at all
                    assertThat(rows(s, "SELECT count(*), count(DISTINCT gen) FROM pairs")).containsExactly("1000|1");
                    reads++;
                    reading.countDown();
                }
            } catch (SQLException e) {
                throw new RuntimeException(e);
            } finally {
                reading.countDown();
            }
            return reads;
        });
        // the swaps take milliseconds: on a busy machine they could all be over before the reader starts
        assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            a.setAutoCommit(false);
            for (int gen = 1; gen <= 30; gen++) {
                sa.execute("ALTER TABLE pairs RENAME TO pairs_old");
                sa.execute("CREATE TABLE pairs AS SELECT k, " + gen + " AS gen FROM pairs_old");
                sa.execute("DROP TABLE pairs_old");
                if (gen % 3 == 0) a.rollback();
                else a.commit();
            }
        } finally {
            done.set(true);
        }
        assertThat(reader.get(30, TimeUnit.SECONDS)).isPositive();
        a.setAutoCommit(true);
        assertThat(rows(sa, "SELECT count(*), min(gen), max(gen) FROM pairs")).containsExactly("1000|29|29");
        assertThat(rows(sa, "SHOW TABLES")).containsExactly("pairs", "t");
    }
}
