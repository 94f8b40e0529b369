/**
 * The benchmarks: TPC-H on Mallard against DuckDB, H2, HSQLDB and SQLite in memory
 * ({@code ./benchmark}), and TPC-H in database files, reopened, on DuckDB and Mallard
 * ({@code ./benchmark-persistence}); both write BENCHMARKS.md. Not tests.
 */
package dev.mallard.bench;
