package dev.mallard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.MallardException;
import dev.mallard.storage.file.FaultyFiles;
import dev.mallard.storage.file.FaultyFiles.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk full and fsync errors at every point of every kind of write a file database makes: log
 * appends of autocommit changes, COMMIT and DDL, automatic, explicit and closing checkpoints, the
 * checkpoint that commits a bulk change, and the checkpoint after recovery at open. For each
 * failure point the operation either completes or fails with SQLSTATE 58030 naming the file and
 * the operating-system error, leaving the database as it was; after the fault is healed the
 * same connection keeps working, and a reopened database holds exactly the committed changes
 * (also when every other trial closes without a checkpoint, so that the log is what counts).
 *
 * <p>The committed changes are known from a shadow in-memory database that receives every change
 * that committed, and only those. Faults are placed before (and in the middle of) each write
 * call, before each sync, and after a growing number of bytes, until the operation gets through.
 */
class FaultInjectionTest {
    @TempDir
    Path dir;

    private final FaultyFiles files = new FaultyFiles();
    private Path path;
    /** The committed state: receives exactly the changes the file database committed. */
    private ClientContext shadow;
    /** Numbers each attempt, so that no two statements insert the same rows. */
    private int attempt;
    private int trials, failures;
    /** Commits that stood although the fault struck in the checkpoint after their log append. */
    private int committedDespiteFault;
    /** Failed commits found on disk after closing while the disk still failed (their sync had failed). */
    private int survivedUnknown;

    /** How an operation ends, and so where its writes happen. */
    private enum Ending {
        /** The statements run one by one, each committing on its own. */
        AUTOCOMMIT,
        /** The statements run in a transaction; the fault is armed for its COMMIT. */
        COMMIT,
        /** A CHECKPOINT statement. */
        CHECKPOINT,
        /** The last connection closes: the closing checkpoint. */
        CLOSE,
        /** As AUTOCOMMIT, but after a failure the connection closes before the disk is healed. */
        CLOSE_WHILE_FAILING,
        /** The database is closed without checkpointing and opened again: replay and the checkpoint after it. */
        REOPEN
    }

    /**
     * An operation to fail: {@code settings} and {@code setup} run before the fault is armed
     * (setup changes are committed), {@code statements} (numbered by attempt) with it.
     */
    private record Operation(String name, String settings, IntFunction<List<String>> setup, IntFunction<List<String>> statements,
                             Ending ending) {}

    @BeforeEach
    void createDatabase() {
        path = dir.resolve("test.db");
        shadow = DatabaseInstance.inMemory().connect();
        try (ClientContext c = open()) {
            both(c, List.of(
                    "CREATE TABLE items(id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, amount DECIMAL(10,2), d DATE, note VARCHAR)",
                    "INSERT INTO items SELECT i, 'item ' || i, i * 1.25, DATE '2024-01-01' + CAST(i AS INTEGER),"
                            + " CASE WHEN i % 3 = 0 THEN NULL ELSE 'n' || i END FROM range(200) r(i)",
                    "CREATE TABLE meta(k VARCHAR, n BIGINT)",
                    "INSERT INTO meta VALUES ('healed', 0), ('other', NULL)",
                    "CREATE TABLE bulk(i BIGINT, s VARCHAR)"));
        }
    }

    @Test
    void logAppendsOfAutocommitChanges() {
        run(new Operation("autocommit INSERT", null, none(), n -> List.of("INSERT INTO items VALUES (" + (10_000 + 2 * n)
                + ", 'new " + n + "', " + n + ".5, DATE '2000-01-01' + " + n + ", NULL), (" + (10_001 + 2 * n) + ", 'new', NULL, NULL, 'x')"),
                Ending.AUTOCOMMIT));
        run(new Operation("autocommit UPDATE", null, none(), n -> List.of(
                "UPDATE items SET amount = amount + 1, note = 'u" + n + "' WHERE id % 17 = " + n % 17), Ending.AUTOCOMMIT));
        run(new Operation("autocommit DELETE", null, none(), n -> List.of("DELETE FROM items WHERE id = (SELECT min(id) FROM items)"),
                Ending.AUTOCOMMIT));
        run(new Operation("INSERT, then closing on the failing disk", null, none(), n -> List.of(
                "INSERT INTO items VALUES (" + (50_000 + n) + ", 'closing', 1.5, NULL, NULL)"), Ending.CLOSE_WHILE_FAILING));
        report("autocommit changes");
    }

    @Test
    void commitsOfTransactionsAndDdl() {
        run(new Operation("COMMIT", null, none(), n -> List.of(
                "INSERT INTO items SELECT i, 'tx', i, NULL, 'tx' || i FROM range(" + (20_000 + 3 * n) + ", " + (20_003 + 3 * n) + ") r(i)",
                "UPDATE meta SET n = " + n + " WHERE k = 'other'",
                "DELETE FROM items WHERE id = (SELECT max(id) FROM items WHERE id < 200)"), Ending.COMMIT));
        run(new Operation("DDL", null, none(), n -> List.of(nextDdl()), Ending.AUTOCOMMIT));
        run(new Operation("DDL in a transaction", null, none(), n -> List.of(
                "CREATE TABLE t" + n + "(a INTEGER, b VARCHAR)", "INSERT INTO t" + n + " VALUES (" + n + ", 'b')",
                "ALTER TABLE t" + n + " ADD COLUMN c DATE", "DROP TABLE t" + n, "ALTER TABLE meta RENAME COLUMN n TO n" + n,
                "ALTER TABLE meta RENAME COLUMN n" + n + " TO n"), Ending.COMMIT));
        report("commits and DDL");
    }

    @Test
    void checkpoints() {
        // The log passes wal_autocheckpoint at the armed commit: its append, then the checkpoint.
        run(new Operation("automatic checkpoint", "SET wal_autocheckpoint = '4KB'", n -> List.of(bulkRows(n, 0)),
                n -> List.of(bulkRows(n, 1)), Ending.AUTOCOMMIT));
        assertThat(committedDespiteFault).as("commits whose checkpoint failed").isPositive();
        run(new Operation("CHECKPOINT", null, n -> List.of(bulkRows(n, 0)), n -> List.of(), Ending.CHECKPOINT));
        run(new Operation("checkpoint at close", null, n -> List.of(bulkRows(n, 0)), n -> List.of(), Ending.CLOSE));
        // A change bigger than wal_autocheckpoint commits by a checkpoint instead of the log.
        run(new Operation("bulk change", "SET wal_autocheckpoint = '4KB'", n -> List.of("DROP TABLE bulk", "CREATE TABLE bulk(i BIGINT, s VARCHAR)"),
                n -> List.of(bulkInsert(n)), Ending.AUTOCOMMIT));
        run(new Operation("bulk change, then closing on the failing disk", "SET wal_autocheckpoint = '4KB'",
                n -> List.of("DROP TABLE bulk", "CREATE TABLE bulk(i BIGINT, s VARCHAR)"), n -> List.of(bulkInsert(n)), Ending.CLOSE_WHILE_FAILING));
        run(new Operation("recovery at open", null, n -> List.of(bulkRows(n, 0), "UPDATE items SET note = 'r' WHERE id = " + n % 200),
                n -> List.of(), Ending.REOPEN));
        report("checkpoints");
    }

    private static IntFunction<List<String>> none() {
        return n -> List.of();
    }

    /** About 60 KB of log: more than a 4 KB wal_autocheckpoint, so committed by a checkpoint. */
    private static String bulkInsert(int n) {
        return "INSERT INTO bulk SELECT i, 'bulk ' || i FROM range(" + n + ", " + (n + 3000) + ") r(i)";
    }

    /** About 3 KB of log (hashes: the log compresses numbered strings to almost nothing). */
    private static String bulkRows(int n, int part) {
        long from = (2L * n + part) * 100;
        return "INSERT INTO bulk SELECT i, md5(CAST(i AS VARCHAR)) FROM range(" + from + ", " + (from + 100) + ") r(i)";
    }

    /** Creates, alters and drops a table in turn, as the committed state calls for. */
    private String nextDdl() {
        if (!column(shadow, "SHOW TABLES").contains("extra")) return "CREATE TABLE extra AS SELECT id, name, amount FROM items WHERE id < 20";
        if (!result(shadow, "SELECT * FROM extra LIMIT 0").columnNames().contains("flag")) {
            return "ALTER TABLE extra ADD COLUMN flag BOOLEAN DEFAULT true";
        }
        return "DROP TABLE extra";
    }

    /** Fails the operation at every write call (cleanly and torn), every sync and after a growing number of bytes. */
    private void run(Operation op) {
        for (boolean torn : new boolean[] {false, true}) untilItGetsThrough(op, n -> files.failAfterWrites(Target.ANY, n, torn));
        untilItGetsThrough(op, n -> files.failAfterWrites(Target.LOG, n, false));
        untilItGetsThrough(op, n -> files.failAfterWrites(Target.DATABASE, n, true));
        untilItGetsThrough(op, n -> files.failAfterSyncs(Target.ANY, n));
        untilItGetsThrough(op, n -> files.failAfterSyncs(Target.DATABASE, n));
        untilItGetsThrough(op, n -> files.failAfterBytes(Target.ANY, bytes(n)));
    }

    /** Failure points for byte counts: dense at first, then growing by a quarter. */
    private static long bytes(int n) {
        long k = 0;
        for (int i = 0; i < n; i++) k = k * 5 / 4 + 7;
        return k;
    }

    private interface Fault {
        void arm(int n);
    }

    /** Arms the fault after 0, 1, 2, ... operations until the operation completes without meeting it. */
    private void untilItGetsThrough(Operation op, Fault fault) {
        for (int n = 0; ; n++) {
            assertThat(n).as("%s never gets through", op.name()).isLessThan(200);
            int point = n;
            if (!trial(op, () -> fault.arm(point))) return;
        }
    }

    /** Runs the operation once with the fault; returns whether the fault struck. */
    private boolean trial(Operation op, Runnable arm) {
        trials++;
        String what = op.name() + " (trial " + trials + ")";
        int n = ++attempt;
        ClientContext c = open();
        if (op.settings() != null) c.execute(op.settings());
        both(c, op.setup().apply(n));
        List<String> statements = op.statements().apply(n);
        boolean struck;
        switch (op.ending()) {
            case AUTOCOMMIT, COMMIT -> {
                if (op.ending() == Ending.COMMIT) {
                    c.execute("BEGIN TRANSACTION");
                    statements.forEach(c::execute);
                }
                arm.run();
                boolean committed = attempt(what, () -> {
                    if (op.ending() == Ending.COMMIT) c.execute("COMMIT");
                    else statements.forEach(c::execute);
                });
                struck = heal();
                if (committed && struck) committedDespiteFault++;
                if (committed) statements.forEach(shadow::execute);
                assertThat(dump(c)).as(what + ": the database after " + (committed ? "the commit" : "the failure")).isEqualTo(dump(shadow));
                keepWorking(c, what, n);
            }
            case CHECKPOINT -> {
                arm.run();
                attempt(what, () -> c.execute("CHECKPOINT"));
                struck = heal();
                assertThat(dump(c)).as(what).isEqualTo(dump(shadow));
                keepWorking(c, what, n);
            }
            case CLOSE -> {
                arm.run();
                attempt(what, c::close);
                struck = heal();
            }
            case CLOSE_WHILE_FAILING -> {
                arm.run();
                boolean committed = attempt(what, () -> statements.forEach(c::execute));
                if (!committed) attempt(what, c::close);
                struck = heal();
                if (committed) {
                    statements.forEach(shadow::execute);
                    c.close();
                } else {
                    unknownOutcome(what, statements);
                }
            }
            case REOPEN -> {
                c.execute("PRAGMA disable_checkpoint_on_shutdown");
                c.close();
                arm.run();
                ClientContext[] opened = new ClientContext[1];
                attempt(what, () -> opened[0] = open());
                struck = heal();
                if (opened[0] != null) {
                    assertThat(dump(opened[0])).as(what).isEqualTo(dump(shadow));
                    opened[0].close();
                }
            }
            default -> throw new AssertionError(op.ending());
        }
        // Reopened with a healthy disk: exactly what committed.
        try (ClientContext r = open()) {
            assertThat(column(r, "PRAGMA integrity_check")).as(what).containsExactly("ok");
            assertThat(dump(r)).as(what + " after reopening").isEqualTo(dump(shadow));
        }
        return struck;
    }

    /**
     * After a commit failed and the database was closed before the disk recovered, the change may
     * be on disk whole, only its sync (and the cleanup after it) having failed: like any commit
     * that failed on a sync, it may survive or not. Either way nothing else changes. The shadow
     * then follows what the file holds.
     */
    private void unknownOutcome(String what, List<String> statements) {
        List<String> before = dump(shadow);
        shadow.execute("BEGIN TRANSACTION");
        statements.forEach(shadow::execute);
        List<String> after = dump(shadow);
        List<String> found;
        try (ClientContext r = open()) {
            found = dump(r);
        }
        assertThat(found).as(what + ": the state before or after the failed change").isIn(before, after);
        if (found.equals(after)) {
            shadow.execute("COMMIT");
            survivedUnknown++;
        } else {
            shadow.execute("ROLLBACK");
        }
    }

    /** After a failure and healing, the same connection goes on committing; then it closes, every other time as a crash would. */
    private void keepWorking(ClientContext c, String what, int n) {
        both(c, List.of("UPDATE meta SET n = n + 1 WHERE k = 'healed'"));
        assertThat(dump(c)).as(what).isEqualTo(dump(shadow));
        if (n % 2 == 1) c.execute("PRAGMA disable_checkpoint_on_shutdown"); // the next open replays the log
        c.close();
    }

    /** Runs {@code work}; a failure must be the armed fault, reported as an I/O error naming the file. */
    private boolean attempt(String what, Runnable work) {
        try {
            work.run();
            return true;
        } catch (MallardException e) {
            assertThat(files.tripped()).as(what + ": failed without a fault: " + e).isTrue();
            assertThat(e.sqlState()).as(what + ": " + e.getMessage()).isEqualTo("58030");
            assertThat(e.getMessage()).as(what).contains(path.toString()).contains(files.error());
            failures++;
            return false;
        }
    }

    private boolean heal() {
        boolean struck = files.tripped();
        files.heal();
        return struck;
    }

    private void report(String what) {
        System.out.println("fault injection, " + what + ": " + trials + " scenarios, " + failures + " failures reported cleanly, "
                + committedDespiteFault + " commits kept despite a failed checkpoint after them, " + survivedUnknown
                + " failed commits found on disk after closing on a failing disk; all recovered to the committed state");
    }

    private ClientContext open() {
        return DatabaseInstance.connect(path, false, files);
    }

    /** Runs the statements, committed one by one, on the file database and on the shadow. */
    private void both(ClientContext c, List<String> statements) {
        for (String s : statements) {
            c.execute(s);
            shadow.execute(s);
        }
    }

    /** Every table's columns and rows, sorted: equal dumps mean equal databases. */
    static List<String> dump(ClientContext c) {
        List<String> out = new ArrayList<>();
        for (String table : column(c, "SHOW TABLES")) {
            try (QueryResult r = result(c, "SELECT * FROM \"" + table + "\"")) {
                out.add(table + " " + r.columnNames());
                List<String> rows = rows(r);
                Collections.sort(rows);
                out.addAll(rows);
            }
        }
        return out;
    }

    static QueryResult result(ClientContext c, String sql) {
        return (QueryResult) c.execute(sql);
    }

    static List<String> column(ClientContext c, String sql) {
        try (QueryResult r = result(c, sql)) {
            return rows(r);
        }
    }

    static List<String> rows(QueryResult r) {
        List<String> out = new ArrayList<>();
        for (var chunk = r.next(); chunk != null; chunk = r.next()) {
            for (int k = 0; k < chunk.count(); k++) {
                StringBuilder b = new StringBuilder();
                for (int col = 0; col < chunk.columnCount(); col++) {
                    b.append(col > 0 ? "|" : "").append(dev.mallard.types.Values.toText(r.columnTypes().get(col), chunk.getObject(col, k)));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
