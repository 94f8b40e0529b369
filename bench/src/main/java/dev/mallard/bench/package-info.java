/**
 * The benchmarks: TPC-H on Mallard against DuckDB, H2, HSQLDB and SQLite in memory
 * ({@code ./benchmark}), TPC-H in database files, reopened, on DuckDB and Mallard
 * ({@code ./benchmark-persistence}), and lineitem as CSV and Parquet files, ingested and queried
 * in place by DuckDB and Mallard ({@code ./benchmark-files}), SQL on Java lists of records
 * against Java Streams and DuckDB ({@code ./benchmark-java}), and the lazy table API's bulk writes
 * against DuckDB's appender and SQLite's JDBC batches ({@code ./benchmark-tables}); all five write
 * BENCHMARKS.md. Not tests.
 */
package dev.mallard.bench;
