package dev.mallard.sqllogictest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Mallard's own SQL tests: every {@code .test} script under {@code core/src/test/resources/sql},
 * one dynamic test each, in DuckDB's dialect, against {@code -Dmallard.test.url} (default
 * {@code jdbc:mallard:}) on a fresh in-memory database. Every script must pass.
 *
 * <p>Until a JDBC driver for the URL is on the classpath, the tests are skipped, not failed: the
 * scripts describe the engine being built.
 */
class SqlLogicTestFilesTest {

    @TestFactory
    Stream<DynamicTest> sqlScripts() {
        RunnerConfig config = RunnerConfig.fromSystemProperties(Dialect.DUCKDB);
        assumeDriverFor(config.url());
        List<ScriptSource> scripts = Corpora.classpathDirectory("sql");
        assertFalse(scripts.isEmpty(), "no .test scripts under the classpath directory sql/");
        SqlLogicTestRunner runner = new SqlLogicTestRunner(config);
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.name(), script.location(), () -> {
            FileResult result = runner.runWithTimeout(script);
            switch (result.status()) {
                case PASSED -> { }
                case SKIPPED -> Assumptions.abort(script.name() + " skipped: " + result.skipReason());
                case FAILED -> fail(result.describe(10));
            }
        }));
    }

    /** Skips the calling test when no registered JDBC driver accepts {@code url}. */
    static void assumeDriverFor(String url) {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            Assumptions.abort("no JDBC driver for " + url + " yet (" + e.getMessage() + ")");
        }
    }
}
