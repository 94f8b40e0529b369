package dev.mallard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.engine.ClientContext;
import dev.mallard.engine.DatabaseInstance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shell driven in-process: arguments, a script on stdin, captured output and exit code. */
class ShellTest {
    record Run(int code, String out, String err) {}

    private static Run shell(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Shell.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void commandOptionPrintsABox() {
        Run r = shell("", "-c", "SELECT 42 AS answer, 'duck' AS bird");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                ┌─────────┬─────────┐
                │ answer  │  bird   │
                │ integer │ varchar │
                ├─────────┼─────────┤
                │      42 │ duck    │
                └─────────┴─────────┘
                """);
    }

    @Test
    void scriptOnStdinWithModes() {
        Run r = shell("""
                CREATE TABLE t (i INTEGER, s VARCHAR);
                INSERT INTO t VALUES (1, 'a,b'), (2, NULL);
                .mode csv
                SELECT * FROM t ORDER BY i;
                .headers off
                .nullvalue -
                SELECT * FROM t
                  ORDER BY i DESC;
                .mode json
                SELECT i FROM t WHERE i = 1;
                .mode line
                SELECT i, s FROM t WHERE i = 1;
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("""
                i,s
                1,"a,b"
                2,
                2,-
                1,"a,b"
                [{"i":1}]
                i = 1
                s = a,b
                """);
    }

    @Test
    void failedStatementsSetTheExitCodeButTheScriptGoesOn() {
        Run r = shell("SELECT * FROM no_such_table;\n.mode csv\nSELECT 1 AS ok;\n");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("Error: ").contains("no_such_table");
        assertThat(r.out()).isEqualTo("ok\n1\n");

        Run bail = shell("SELECT * FROM no_such_table;\nSELECT 1 AS ok;\n", "-bail", "-csv");
        assertThat(bail.code()).isEqualTo(1);
        assertThat(bail.out()).isEmpty();

        assertThat(shell("", "-c", "SELEC 1").code()).isEqualTo(1);
        assertThat(shell("", "-c", ".nonsense").err()).contains("unknown command");
        assertThat(shell("", "-c", ".exit 3").code()).isEqualTo(3);
        assertThat(shell(".quit\nSELECT * FROM no_such_table;\n").code()).isZero();
    }

    @Test
    void argumentErrorsAndFileDatabases(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String db = dir.resolve("data.db").toString();
        assertThat(shell("CREATE TABLE t AS SELECT 42 AS x;\n", db).code()).isZero();
        assertThat(shell("", "-csv", "-readonly", db, "SELECT x FROM t").out()).isEqualTo("x\n42\n");
        Run missing = shell("", "-readonly", dir.resolve("missing.db").toString(), "SELECT 1");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("does not exist");
        assertThat(shell("", "-nope").code()).isEqualTo(1);
        assertThat(shell("", "-version").out()).startsWith("Mallard ");
        assertThat(shell("", ":memory:", "SELECT 1 AS x").out()).contains("│       1 │");
        assertThat(shell("", "-json", "-c", "SELECT 1 AS x").out()).isEqualTo("[{\"x\":1}]\n");
    }

    @Test
    void catalogCommands() {
        Run r = shell("""
                CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL);
                CREATE TABLE "odd name" (x DOUBLE);
                CREATE VIEW adults AS SELECT "name" FROM people;
                .tables
                .schema people
                .schema
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                adults    odd name  people
                CREATE TABLE people(id INTEGER, name VARCHAR NOT NULL, PRIMARY KEY(id));
                CREATE TABLE people(id INTEGER, name VARCHAR NOT NULL, PRIMARY KEY(id));
                CREATE TABLE "odd name"(x DOUBLE);
                CREATE VIEW adults AS SELECT "name" FROM people;
                """);
    }

    @Test
    void timerMaxRowsAndHelp() {
        Run r = shell(".timer on\n.maxrows 4\nSELECT * FROM range(100);\n.help\n");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("100 rows (4 shown)").containsPattern("Run Time: real \\d+\\.\\d{3} s").contains(".mode ?MODE?");
        assertThat(shell(".maxrows x\n").code()).isEqualTo(1);
        assertThat(shell(".mode nope\n").err()).contains("usage");
    }

    @Test
    void readAndOutputFiles(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("script.sql");
        Files.writeString(script, "CREATE TABLE t AS SELECT 7 AS seven;\n.mode csv\n");
        Path output = dir.resolve("out.csv");
        Run r = shell(".read " + script + "\n.output " + output + "\nSELECT * FROM t;\n.output\nSELECT 8 AS eight;\n");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("eight\n8\n");
        assertThat(Files.readString(output)).isEqualTo("seven\n7\n");
        assertThat(shell(".read " + dir.resolve("missing.sql") + "\n").code()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void cancelStopsTheRunningStatementOnly() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ClientContext context = DatabaseInstance.inMemory().connect()) {
            ShellSession session = new ShellSession(context, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            CompletableFuture<Boolean> run = CompletableFuture.supplyAsync(() -> session.runSql("SELECT count(*) FROM range(10000000000)"));
            while (!run.isDone()) {
                session.cancelRunning();
                Thread.sleep(50);
            }
            assertThat(run.get(30, TimeUnit.SECONDS)).isFalse();
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Error: ");
            assertThat(session.runSql("SELECT 1")).as("the session keeps working").isTrue();
        }
    }
}
