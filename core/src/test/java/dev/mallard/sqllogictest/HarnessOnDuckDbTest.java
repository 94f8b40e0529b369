package dev.mallard.sqllogictest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the harness itself, whatever state the engine is in, by running it against DuckDB's
 * JDBC driver (on the test classpath): scripts that must pass do, and broken scripts fail at the
 * right line with a useful message.
 */
class HarnessOnDuckDbTest {

    private static final RunnerConfig DUCKDB = new RunnerConfig("jdbc:duckdb:", null, Dialect.DUCKDB,
            Set.of("mallard"), Duration.ofSeconds(10), Duration.ofSeconds(120), List.of(), false);

    private static FileResult run(String text) {
        return run(text, Dialect.DUCKDB);
    }

    private static FileResult run(String text, Dialect dialect) {
        ScriptSource source = new ScriptSource("inline.test", dialect, null, URI.create("inline:test"), () -> text);
        RunnerConfig config = dialect == Dialect.SQLITE
                ? new RunnerConfig("jdbc:duckdb:", null, dialect, Set.of("mallard"), Duration.ofSeconds(10),
                        Duration.ofSeconds(120), List.of("SET integer_division=true"), false)
                : DUCKDB;
        return new SqlLogicTestRunner(config).runWithTimeout(source);
    }

    /**
     * Mallard's own scripts run on DuckDB, as engine {@code duckdb}, for information only: a script
     * that DuckDB fails is reported as skipped with the first difference (Mallard may differ on
     * purpose, for example in its error messages; mark such records {@code onlyif mallard}).
     */
    @TestFactory
    Stream<DynamicTest> ownScriptsOnDuckDb() {
        RunnerConfig asDuckDb = new RunnerConfig("jdbc:duckdb:", null, Dialect.DUCKDB, Set.of("duckdb"),
                Duration.ofSeconds(10), Duration.ofSeconds(120), List.of(), false);
        SqlLogicTestRunner runner = new SqlLogicTestRunner(asDuckDb);
        return Corpora.classpathDirectory("sql").stream().map(s -> DynamicTest.dynamicTest(s.name(), s.location(),
                () -> {
                    FileResult r = runner.runWithTimeout(s);
                    if (r.status() == FileResult.Status.FAILED) {
                        Assumptions.abort("differs from DuckDB (informational): " + r.describe(1));
                    }
                }));
    }

    @Test
    void duckDbPassesAFewOfItsOwnScripts() {
        Optional<Path> root = Corpora.duckDbCorpusRoot();
        Assumptions.assumeTrue(root.isPresent(), "DuckDB corpus not found");
        SqlLogicTestRunner runner = new SqlLogicTestRunner(DUCKDB);
        // regex error messages, {DATA_DIR} and CSV files, correlated subqueries, window frames
        List<String> names = List.of("types/decimal/decimal_try_cast.test", "copy/csv/test_auto_date.test",
                "subquery/any_all/test_correlated_any_all.test", "window/test_window_rows.test");
        List<ScriptSource> chosen = Corpora.directory(root.get()).stream().filter(s -> names.contains(s.name()))
                .toList();
        assertThat(chosen).hasSize(names.size());
        for (ScriptSource s : chosen) {
            FileResult r = runner.runWithTimeout(s);
            assertThat(r.passed()).as(r.describe(5)).isTrue();
            assertThat(r.queriesRun() + r.statementsRun()).isPositive();
        }
    }

    @Test
    void duckDbPassesSqliteSelect1() {
        ScriptSource select1 = Corpora.sqlite().stream().filter(s -> s.name().equals("select1.test")).findFirst()
                .orElseThrow();
        FileResult r = new SqlLogicTestRunner(DUCKDB.withDialect(Dialect.SQLITE).withUrl("jdbc:duckdb:"))
                .runWithTimeout(select1);
        assertThat(r.passed()).as(r.describe(5)).isTrue();
        assertThat(r.queriesPassed()).isEqualTo(1000);
    }

    @Test
    void wrongResultFailsAtItsLineWithBothSides() {
        FileResult r = run("""
                statement ok
                CREATE TABLE t AS SELECT 1 AS a UNION ALL SELECT 2

                query I rowsort
                SELECT a FROM t
                ----
                1
                3
                """);
        assertThat(r.status()).isEqualTo(FileResult.Status.FAILED);
        Failure f = r.failures().get(0);
        assertThat(f.line()).isEqualTo(4);
        assertThat(f.sql()).isEqualTo("SELECT a FROM t");
        assertThat(f.problem()).contains("row 2").contains("expected '3', got '2'");
        assertThat(f.describe()).contains("inline.test:4").contains("expected:").contains("actual:");
    }

    @Test
    void errorsAreMatchedBySubstringOrRegex() {
        FileResult ok = run("""
                statement error
                SELECT * FROM nope
                ----
                Table with name nope does not exist

                statement error
                SELECT 1/'x'
                ----
                <REGEX>:.*Conversion Error.*

                statement maybe
                SELECT 1
                ----
                anything
                """);
        assertThat(ok.passed()).as(ok.describe(5)).isTrue();
        FileResult bad = run("""
                statement error
                SELECT * FROM nope
                ----
                some other message

                statement error
                SELECT 1
                """);
        assertThat(bad.failureCount()).isEqualTo(2);
        assertThat(bad.failures().get(0).problem()).startsWith("wrong error message");
        assertThat(bad.failures().get(1).problem()).startsWith("statement succeeded, but an error was expected");
    }

    @Test
    void hashesLabelsThresholdsAndLayouts() {
        FileResult r = run("""
                hash-threshold 2

                query II nosort
                SELECT 1, 2
                ----
                1
                2

                query II
                SELECT * FROM (VALUES (1, 'a'), (2, 'b')) t(x, y) ORDER BY x
                ----
                4 values hashing to %s

                query I nosort same
                SELECT 42

                query I nosort same
                SELECT 40 + 2
                ----
                42
                """.formatted(ResultHash.of(List.of("1", "a", "2", "b")).replaceFirst("^4 values hashing to ", "")));
        assertThat(r.passed()).as(r.describe(5)).isTrue();
        FileResult differs = run("""
                query I nosort same
                SELECT 42

                query I nosort same
                SELECT 43
                """);
        assertThat(differs.failures().get(0).problem()).contains("labelled 'same'");
    }

    @Test
    void loopsConditionsModesAndRequire() {
        FileResult r = run("""
                statement ok
                CREATE TABLE t(i INTEGER)

                loop i 0 3

                statement ok
                INSERT INTO t VALUES (${i})

                endloop

                foreach v 10 20

                statement ok
                INSERT INTO t VALUES ({v})

                endloop

                onlyif sqlite
                statement ok
                THIS IS NOT SQL

                skipif mallard
                statement ok
                THIS IS NOT SQL EITHER

                mode skip

                statement ok
                NOR THIS

                mode unskip

                query I
                SELECT sum(i) FROM t
                ----
                33

                require parquet

                statement ok
                NEVER REACHED
                """);
        assertThat(r.status()).as(r.describe(5)).isEqualTo(FileResult.Status.SKIPPED);
        assertThat(r.skipReason()).isEqualTo("require parquet");
        assertThat(r.statementsPassed()).isEqualTo(6);
        assertThat(r.queriesPassed()).isEqualTo(1);
        assertThat(r.recordsSkipped()).isEqualTo(3);
    }

    @Test
    void namedConnectionsShareTheDatabase() {
        FileResult r = run("""
                statement ok con1
                CREATE TABLE t AS SELECT 7 AS x

                query I con2
                SELECT x FROM t
                ----
                7
                """);
        assertThat(r.passed()).as(r.describe(5)).isTrue();
    }

    @Test
    void sqliteDialectRendersByTypeLetterAndHalts() {
        FileResult r = run("""
                statement ok
                CREATE TABLE t1(a INTEGER, b INTEGER)

                statement ok
                INSERT INTO t1 VALUES(1, 2), (3, 4)

                query IR rowsort
                SELECT a, b / 3.0 FROM t1
                ----
                1
                0.667
                3
                1.333

                query I nosort
                SELECT 7 / 2
                ----
                3

                onlyif mysql
                halt

                skipif mysql
                halt

                query I
                SELECT 'not reached'
                ----
                """, Dialect.SQLITE);
        assertThat(r.passed()).as(r.describe(5)).isTrue();
        assertThat(r.queriesRun()).isEqualTo(2);
    }

    @Test
    void slowStatementsAreCancelledAndTheScriptGoesOn() {
        RunnerConfig quick = new RunnerConfig("jdbc:duckdb:", null, Dialect.DUCKDB, Set.of("mallard"),
                Duration.ofSeconds(1), Duration.ofSeconds(60), List.of(), false);
        ScriptSource slow = new ScriptSource("slow.test", Dialect.DUCKDB, null, URI.create("inline:slow"), () -> """
                query I
                SELECT count(*) FROM range(1000000000000) a
                ----
                0

                query I
                SELECT 1
                ----
                1
                """);
        FileResult r = new SqlLogicTestRunner(quick).runWithTimeout(slow);
        assertThat(r.failureCount()).as(r.describe(3)).isEqualTo(1);
        assertThat(r.failures().get(0).problem()).contains("timed out after 1 s");
        assertThat(r.queriesPassed()).isEqualTo(1);
    }
}
