/**
 * TPC-H as an oracle test: the same data, generated in-process by {@code io.trino.tpch}, loaded
 * into DuckDB and into the target database, and the 22 queries' answers compared row by row.
 * See {@code TpchOracleTest} for the properties ({@code tpch.sf}, {@code tpch.batch},
 * {@code tpch.timeoutSeconds}, {@code mallard.test.url}).
 *
 * <pre>
 * ./test -Dtest=TpchOracleTest                       # SF 0.01 against jdbc:mallard:
 * ./test -Dtest=TpchOracleTest -Dtpch.sf=1           # SF 1 (about 8.7 million rows)
 * ./test -Dtest=TpchOracleTest -Dmallard.test.url=jdbc:duckdb:   # DuckDB against itself
 * </pre>
 */
package dev.mallard.tpch;
