package dev.mallard.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The engines measured, each in memory, loaded through its fastest path: DuckDB and Mallard
 * through their appenders, the row stores through batched inserts in one transaction per table.
 * DuckDB and Mallard also open database files, for the persistence benchmark.
 */
enum Engine {
    DUCKDB("DuckDB", true, "jdbc:duckdb:", ".duckdb"),
    MALLARD("Mallard", true, "jdbc:mallard:", ".db"),
    // H2 would otherwise answer a repeated query from its result cache.
    H2("H2", false, "jdbc:h2:mem:;OPTIMIZE_REUSE_RESULTS=FALSE;QUERY_CACHE_SIZE=0", null),
    HSQLDB("HSQLDB", false, "jdbc:hsqldb:mem:tpch", null),
    SQLITE("SQLite", false, "jdbc:sqlite::memory:", null);

    final String label;
    /** Whether the engine runs one query on several threads (then it is measured at each count). */
    final boolean threaded;
    private final String url;
    /** The file name extension of a database file; null for the engines measured only in memory. */
    final String fileExtension;

    Engine(String label, boolean threaded, String url, String fileExtension) {
        this.label = label;
        this.threaded = threaded;
        this.url = url;
        this.fileExtension = fileExtension;
    }

    Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        if (this == SQLITE) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = OFF");
                st.execute("PRAGMA synchronous = OFF");
            }
        }
        return c;
    }

    /** Opens the database file at {@code file}, creating it if missing (DuckDB and Mallard only). */
    Connection openFile(Path file) throws SQLException {
        if (fileExtension == null) throw new UnsupportedOperationException(label + " is measured in memory only");
        // Both URLs take the path right after the prefix (the in-memory URL is the prefix alone).
        return DriverManager.getConnection(url + file.toAbsolutePath());
    }

    void setThreads(Connection c, int threads) throws SQLException {
        if (!threaded) return;
        try (Statement st = c.createStatement()) {
            st.execute("SET threads = " + threads);
        }
    }

    /** Loads TPC-H at {@code scaleFactor}; returns the rows loaded. */
    long load(Connection c, double scaleFactor) throws SQLException {
        return switch (this) {
            case DUCKDB -> dev.mallard.tpch.TpchLoader.loadWithDuckDbAppender(c, scaleFactor);
            case MALLARD -> TableLoader.loadWithMallardAppender(c, scaleFactor);
            case H2, HSQLDB, SQLITE -> TableLoader.loadWithBatches(c, scaleFactor, this == SQLITE);
        };
    }

    /** Frees the engine's memory before the next one is measured. */
    void close(Connection c) {
        try {
            if (this == HSQLDB) {
                try (Statement st = c.createStatement()) {
                    st.execute("SHUTDOWN");
                }
            }
            c.close();
        } catch (SQLException e) {
            // already gone
        }
    }
}
