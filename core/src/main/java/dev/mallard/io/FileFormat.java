package dev.mallard.io;

/**
 * A file format a scan can read (CSV, JSON, Parquet). Binding reads what the schema needs (a
 * sample, a header, a footer); the returned {@link FormatScan} then reads the rows.
 */
public interface FileFormat {
    /** The name used in errors and EXPLAIN: "csv", "json", "parquet". */
    String name();

    /**
     * Binds one file. {@code like} is the scan of the first file when this is a later file of the
     * same scan (globs, lists): it reads with the dialect and types found there, or fails clearly
     * when the file does not fit; null for the first file.
     */
    FormatScan bind(FileInput file, ReadOptions options, FormatScan like);
}
