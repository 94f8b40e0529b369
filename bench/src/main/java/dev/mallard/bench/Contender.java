package dev.mallard.bench;

import java.sql.SQLException;

/**
 * Something a {@link QuerySuite} measures: a database over JDBC ({@link QuerySuite.Target}), or
 * anything else that answers the suite's queries by id — Mallard's Java API on Java lists, plain
 * Java Streams code ({@link JavaDataBenchmark}).
 */
interface Contender {
    /** The name in the progress log. */
    String label();

    /** Whether its answers are the reference the others' are checked against: DuckDB's. */
    boolean reference();

    /** Runs the next queries on {@code threads} threads. */
    void setThreads(int threads) throws SQLException;

    /** Query {@code id} of {@code queries}, run once through {@code runner}: timed, its answer read in full. */
    QueryRunner.Outcome answer(QueryRunner runner, QuerySet queries, int id, int timeoutSeconds);
}
