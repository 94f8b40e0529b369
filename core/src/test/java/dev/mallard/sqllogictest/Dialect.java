package dev.mallard.sqllogictest;

/**
 * Which runner's rules a script is written for. The file format is the same; what differs is how
 * result values are turned into text and how two texts are judged equal.
 */
public enum Dialect {
    /**
     * SQLite's sqllogictest: every value is rendered by the column's letter in the query's type
     * string ({@code I} as a 64-bit integer, {@code R} as {@code %.3f}, {@code T} as text) and the
     * texts must be identical. Used for SQLite's corpus.
     */
    SQLITE,
    /**
     * DuckDB's unittest runner: every value is rendered as DuckDB casts it to VARCHAR, and texts
     * that differ are compared again as numbers (floating point within 1 %) or booleans. Used for
     * DuckDB's corpus and for Mallard's own {@code .test} files.
     */
    DUCKDB
}
