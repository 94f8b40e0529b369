package dev.mallard.bench;

/**
 * The files the file benchmark queries in place: the CSV text, and the Parquet files DuckDB wrote
 * from it with snappy (the common default) and with zstd (smaller, dearer to decode). Each knows
 * its file name and the table function that reads it.
 */
enum FileSource {
    PARQUET("Parquet (snappy)", ".parquet", "read_parquet", "snappy"),
    PARQUET_ZSTD("Parquet (zstd)", "-zstd.parquet", "read_parquet", "zstd"),
    CSV("CSV", ".csv", "read_csv", null);

    final String label;
    /** What follows the table name in the file name. */
    final String suffix;
    final String reader;
    /** The Parquet compression codec; null for CSV. */
    final String codec;

    FileSource(String label, String suffix, String reader, String codec) {
        this.label = label;
        this.suffix = suffix;
        this.reader = reader;
        this.codec = codec;
    }
}
