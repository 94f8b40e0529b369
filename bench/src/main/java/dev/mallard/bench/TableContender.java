package dev.mallard.bench;

import java.util.List;
import java.util.Map;

/**
 * One engine's way of doing the table benchmark's two bulk writes, each run on a fresh in-memory
 * database: {@link #open} and {@link #close} bracket a run and are not timed, nor is
 * {@link #prepareUpsert}; {@link #insert} and {@link #upsert} are the timed parts.
 */
interface TableContender {

    static TableContender of(Engine engine) {
        return switch (engine) {
            case MALLARD -> new MallardContender();
            case DUCKDB -> new DuckDbContender();
            case SQLITE -> new SqliteContender();
            default -> throw new IllegalArgumentException(engine.label + " is not in the table benchmark");
        };
    }

    /** How the insert is done, for the report. */
    String insertPath();

    /** How the upsert is done, for the report. */
    String upsertPath();

    /** A new, empty in-memory database. */
    void open() throws Exception;

    /** Creates table {@code t} and writes {@code rows} into it, as fast as the engine's users can. */
    void insert(List<Map<String, Object>> rows) throws Exception;

    /** Table {@code t} holding {@code rows}, unique by {@code key} (indexed) before the upsert is timed. */
    void prepareUpsert(List<Map<String, Object>> rows) throws Exception;

    /** Inserts the changes with new keys and updates the stored rows with the others' values. */
    void upsert(List<Map<String, Object>> changes) throws Exception;

    /** {@link RowChecksum#SQL} on table {@code t}. */
    RowChecksum checksum() throws Exception;

    /** Drops the database, so that the next run starts from nothing. */
    void close();
}
