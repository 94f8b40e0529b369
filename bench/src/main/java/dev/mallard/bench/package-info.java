/**
 * The TPC-H benchmark: Mallard against DuckDB, H2, HSQLDB and SQLite in one run, written to
 * BENCHMARKS.md. Not a test: run it with {@code ./benchmark}.
 */
package dev.mallard.bench;
