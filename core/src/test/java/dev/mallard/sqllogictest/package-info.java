/**
 * A sqllogictest runner for Mallard, and the test suites built on it. Everything talks to the
 * database through JDBC only, so the same harness runs against Mallard ({@code jdbc:mallard:})
 * and against DuckDB's driver ({@code jdbc:duckdb:}), which is how the harness itself is checked.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link dev.mallard.sqllogictest.SqlLogicTestParser} reads a script into
 *       {@link dev.mallard.sqllogictest.Record}s (statement, query, loops, conditions, ...).
 *   <li>{@link dev.mallard.sqllogictest.SqlLogicTestRunner} runs a
 *       {@link dev.mallard.sqllogictest.ScriptSource} on a fresh in-memory database and returns a
 *       {@link dev.mallard.sqllogictest.FileResult} (counts plus failures with file, line, SQL,
 *       expected and actual). Configured by {@link dev.mallard.sqllogictest.RunnerConfig}.
 *   <li>{@link dev.mallard.sqllogictest.Dialect}: SQLite's rules (render by the type letter,
 *       compare text exactly) or DuckDB's (render as DuckDB prints values, compare numbers
 *       approximately).
 *   <li>{@link dev.mallard.sqllogictest.ConformanceReport}: a main that runs a whole corpus and
 *       writes a Markdown summary.
 * </ul>
 *
 * <h2>Test classes</h2>
 * <ul>
 *   <li>{@code SqlLogicTestFilesTest}: every {@code core/src/test/resources/sql/**}{@code /*.test},
 *       one dynamic test each; all must pass (skipped while no driver accepts the URL).
 *   <li>{@code SqliteCorpusSampleTest}: a fixed sample of SQLite's corpus
 *       ({@link dev.mallard.sqllogictest.SqliteSample}), ratcheted by
 *       {@code resources/conformance/sqlite-passing.txt}.
 *   <li>{@code DuckDbCorpusTest}: all of {@code shared/sqllogictest/duckdb}, ratcheted by
 *       {@code resources/conformance/duckdb-passing.txt}.
 *   <li>{@code HarnessOnDuckDbTest} and the unit tests: the harness checked against DuckDB.
 * </ul>
 *
 * <h2>Running</h2>
 * <pre>
 * ./test                                              # default run, against jdbc:mallard:
 * ./test -Dtest='SqlLogicTestFilesTest'                # only Mallard's own scripts
 * ./test -Dtest='DuckDbCorpusTest' -Dmallard.test.url=jdbc:duckdb:   # the corpus on DuckDB
 * # a whole corpus with a report (after mvn test-compile):
 * cd core &amp;&amp; java -cp "target/test-classes:target/classes:$(cat cp.txt)" \
 *     dev.mallard.sqllogictest.ConformanceReport --corpus sqlite --url jdbc:mallard: --out target/sqlite.md
 * # where cp.txt comes from: mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 * </pre>
 *
 * System properties: {@code mallard.test.url}, {@code mallard.test.sharedUrl},
 * {@code slt.engines}, {@code slt.statementTimeoutSeconds}, {@code slt.fileTimeoutSeconds},
 * {@code slt.sqlite.init}, {@code slt.booleansAsDigits} (see
 * {@link dev.mallard.sqllogictest.RunnerConfig#fromSystemProperties}), {@code slt.budgetSeconds}
 * (time budget of a ratcheted corpus test), {@code mallard.duckdb.corpus}.
 */
package dev.mallard.sqllogictest;
