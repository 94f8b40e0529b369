package dev.mallard.api;

import dev.mallard.api.table.Tables;
import dev.mallard.api.table.Transaction;
import java.util.Map;

/**
 * A database opened by {@link dev.mallard.Mallard#open}: SQL in, Java data in and out. Safe to use
 * from many threads at once: each call runs as its own statement on its own session and commits
 * on its own (a script passed to one call may hold {@code BEGIN ... COMMIT}). Settings are the
 * database's: {@code db.sql("SET threads = 2")} applies to every later call. Close it to release
 * the database (a file is checkpointed when its last user closes it).
 *
 * <h2>Java data as tables</h2>
 * {@link #register} makes a collection queryable by name from every query of this database,
 * without copying it: each query reads it as it is then. Accepted: a {@code List} (or array,
 * {@code Iterable}) of records, POJOs or {@code Map<String, ?>} rows; a {@code Stream} of rows
 * (read by one query only); a {@code Map<String, array>} of columns; the {@link Result} of another
 * query (its rows are read at once and kept). See
 * {@link dev.mallard.api.scan.JavaTables} for the rules, and the README's "Java data" section for
 * the type mapping. A table or view of the same name wins over a registration, as with DuckDB's
 * replacement scans; registering the name of an existing table or view is an error.
 *
 * <h2>Tables without a schema</h2>
 * {@link #table} is the lazy table API ({@link dev.mallard.api.table.Table}): insert maps, records or
 * objects and the table and its columns appear; upsert by a key; find with simple filters.
 * {@link #begin} groups such calls into one transaction.
 */
public interface Database extends AutoCloseable, Tables {
    /**
     * Runs {@code sql} (one statement, or several separated by {@code ;}: the last one's rows are
     * returned) with {@code ?} parameters bound to {@code parameters} in order (Java values as
     * JDBC's {@code setObject} takes them: numbers, strings, {@code java.time} values, BigDecimal ...).
     */
    Result sql(String sql, Object... parameters);

    /**
     * Runs {@code sql} over Java data given for this statement only ({@code Map.of("trips", trips)}),
     * as {@link #register} would make it visible; these names come before registered ones.
     */
    Result sql(String sql, Map<String, ?> tables, Object... parameters);

    /** Makes {@code data} queryable as table {@code name} (replacing an earlier registration of it). */
    void register(String name, Object data);

    /**
     * As {@link #register(String, Object)}, with the rows' class: needed when the collection may be
     * empty (a list's element type is erased, so an empty list has no columns otherwise).
     */
    void register(String name, Object data, Class<?> rowClass);

    /** Forgets a registration; returns whether {@code name} was registered. */
    boolean unregister(String name);

    /**
     * A {@link Relation} over a table, view or registered name ({@code "trips"}, {@code "main.trips"})
     * or a file ({@code "data/trips.parquet"}: a path separator or a known extension makes it one,
     * read as {@code FROM 'file'} reads it), to build a query on step by step.
     */
    default Relation from(String tableOrFile) {
        return Relation.source(this, tableOrFile);
    }

    /**
     * A {@link Relation} over Java data (anything {@link #register} takes), bound for each query
     * built on it as {@link #sql(String, Map, Object...)} binds it; nothing is registered.
     */
    default Relation from(Object data) {
        return Relation.source(this, data);
    }

    /** The same as {@link #sql(String, Object...)}: the name the table API's users reach for. */
    @Override
    default Result query(String sql, Object... parameters) {
        return sql(sql, parameters);
    }

    /**
     * Starts a transaction for table calls ({@code tx.table("t").insert(...)}); closing it without
     * {@link Transaction#commit()} rolls it back. Outside one, each table call commits on its own.
     */
    Transaction begin();

    @Override
    void close();
}
