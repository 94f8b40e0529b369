package dev.mallard.tpch;

import static org.junit.jupiter.api.Assertions.fail;

import dev.mallard.sqllogictest.Outcome;
import dev.mallard.sqllogictest.ResultTable;
import dev.mallard.sqllogictest.SqlExecutor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * TPC-H answers of the target database compared with DuckDB's on the same generated data.
 *
 * <p>Data comes from {@code io.trino.tpch} in-process at scale factor {@code -Dtpch.sf} (default
 * 0.01, about 87,000 rows); DuckDB (the oracle, {@code jdbc:duckdb:}) loads it with its appender,
 * the target ({@code -Dmallard.test.url}, default {@code jdbc:mallard:}) through batched
 * {@code PreparedStatement} inserts of {@code -Dtpch.batch} rows (default 1000). Then each of the
 * 22 queries ({@code resources/tpch/qNN.sql}) is one dynamic test comparing every row in order:
 * same row count, exact numbers equal, floating point within 1e-9 relative, text and dates equal.
 * A target query is cancelled after {@code -Dtpch.timeoutSeconds} (default 600).
 * At scale factor 0.01 the oracle is itself checked against the answers the tpch jar ships.
 *
 * <p>Skipped while no JDBC driver accepts the target URL. SF 1:
 * {@code ./test -Dtest=TpchOracleTest -Dtpch.sf=1} (with {@code -Dsurefire.failIfNoSpecifiedTests=false}
 * if other modules are built too).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TpchOracleTest {

    private static final String ORACLE_URL = "jdbc:duckdb:";

    private Connection oracle;
    private Connection target;

    @TestFactory
    Stream<DynamicTest> tpchQueries() throws SQLException {
        String url = System.getProperty("mallard.test.url", "jdbc:mallard:");
        double sf = Double.parseDouble(System.getProperty("tpch.sf", "0.01"));
        int batch = Integer.getInteger("tpch.batch", 1000);
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            Assumptions.abort("no JDBC driver for " + url + " yet (" + e.getMessage() + ")");
        }
        long t0 = System.nanoTime();
        oracle = DriverManager.getConnection(ORACLE_URL);
        long oracleRows = TpchLoader.loadWithDuckDbAppender(oracle, sf);
        long t1 = System.nanoTime();
        target = DriverManager.getConnection(url);
        long targetRows = TpchLoader.loadWithBatches(target, sf, batch);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "TPC-H SF %s: %d rows; oracle (DuckDB appender) %.1f s, target %s (JDBC batches of %d) %.1f s%n",
                sf, oracleRows, (t1 - t0) / 1e9, url, batch, (t2 - t1) / 1e9);
        if (targetRows != oracleRows) {
            fail("loaded " + targetRows + " rows into the target but " + oracleRows + " into the oracle");
        }
        boolean checkShipped = sf == 0.01;
        return IntStream.rangeClosed(1, TpchQueries.COUNT)
                .mapToObj(q -> DynamicTest.dynamicTest(TpchQueries.name(q), () -> compareQuery(q, checkShipped)));
    }

    private void compareQuery(int query, boolean checkShipped) throws SQLException {
        String sql = TpchQueries.sql(query);
        ResultTable expected = run(oracle, sql);
        if (checkShipped) {
            String oracleProblem = ShippedAnswers.compare(query, expected);
            if (oracleProblem != null) {
                fail("the oracle disagrees with the tpch jar's answer for " + TpchQueries.name(query) + ": "
                        + oracleProblem);
            }
        }
        long start = System.nanoTime();
        Duration limit = Duration.ofSeconds(Long.getLong("tpch.timeoutSeconds", 600));
        // The statement is cancelled at the limit; should the engine ignore that, JUnit gives up
        // on the test a little later.
        Outcome outcome = Assertions.assertTimeoutPreemptively(limit.plusSeconds(30), () -> {
            try (SqlExecutor executor = new SqlExecutor(limit)) {
                return executor.execute(target, sql);
            }
        }, () -> TpchQueries.name(query) + " did not return within " + limit.toSeconds() + " s despite cancel()");
        ResultTable actual = switch (outcome) {
            case Outcome.Success success -> success.table();
            case Outcome.Error error -> fail(TpchQueries.name(query) + " failed on the target: " + error.message());
            case Outcome.Crash crash -> fail(TpchQueries.name(query) + " crashed the driver", crash.throwable());
            case Outcome.Timeout timeout -> fail(TpchQueries.name(query) + " timed out after "
                    + timeout.limit().toSeconds() + " s (-Dtpch.timeoutSeconds)");
        };
        long millis = (System.nanoTime() - start) / 1_000_000;
        String difference = ResultDiff.compare(expected, actual);
        if (difference != null) {
            fail(TpchQueries.name(query) + " differs from DuckDB: " + difference);
        }
        System.out.printf(Locale.ROOT, "%s: %d rows agree (target %d ms)%n", TpchQueries.name(query),
                actual.rowCount(), millis);
    }

    private static ResultTable run(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return ResultTable.read(rs);
        }
    }

    @AfterAll
    void close() throws SQLException {
        if (target != null) {
            target.close();
        }
        if (oracle != null) {
            oracle.close();
        }
    }
}
