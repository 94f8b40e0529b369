package dev.mallard.api.table;

import dev.mallard.MallardException;
import dev.mallard.engine.ChunkCollection;
import dev.mallard.jdbc.JavaValueCast;
import dev.mallard.jdbc.MallardConnection;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes on Mallard: a batch's columns go straight into vectors of the table's column types. A
 * plain insert appends the vectors as one statement of the call's transaction (the engine's bulk
 * insert, as under {@link dev.mallard.jdbc.MallardAppender}), with INSERT's defaults for the
 * columns no row names and its constraint checks; insertIgnore and upsert run their one-row
 * {@code INSERT ... ON CONFLICT} once over all the vectors. No SQL text per row, no parameter
 * binding, no statement per row: a million maps cost about what reading them costs.
 */
final class BulkInsert {
    /**
     * Rows per round: two of the engine's row groups, which it builds in parallel when a statement
     * brings whole ones, and few statements per call; its vectors and references to the caller's
     * values are all a round holds.
     */
    static final int ROUND = 2 * dev.mallard.storage.DataTable.ROW_GROUP_SIZE;

    /**
     * Rows read per batch by a plain insert ({@link #add}): one chunk, so that filling the vectors
     * finds the rows' values still in the cache where a round's worth would have left it long ago.
     */
    static final int BATCH = Vector.DEFAULT_CAPACITY;

    private final MallardConnection connection;
    private final TableStore store;
    private final TableOptions options;
    /** Plain-insert rows filled but not yet appended ({@link #add}). */
    private Pending pending;
    /**
     * The append of the previous round of plain inserts, running on a thread of its own while the
     * caller reads and fills the next round: reading maps is one thread's work and appending
     * keeps the engine's threads busy, so in turn they left a core idle most of the time. At most
     * one round is in flight, so rounds reach the table in order. Null when none is.
     */
    private java.util.concurrent.FutureTask<Long> inFlight;
    /** Rows the plain inserts of this call appended so far ({@link #finish}). */
    private long appended;
    /** The layout of the last batch {@link #add} took, for {@link #addDirect} while the schema is {@link #directSchema}. */
    private Layout directLayout;
    private TableSchema directSchema;
    private ParallelFill direct;
    /** The threads a statement of the connection may use, which filling vectors keeps to as well. */
    private final int threads;
    /** The table types of {@link #typesOf}, asked of the connection once per schema (the connection is busy while a round appends). */
    private TableSchema typesOf;
    private List<LogicalType> types;

    private BulkInsert(MallardConnection connection, TableStore store, TableOptions options) {
        this.connection = connection;
        this.store = store;
        this.options = options;
        this.threads = connection.threads();
    }

    /** The bulk writer on {@code c}, or null when it is not a Mallard connection. */
    static BulkInsert on(Connection c, TableStore store, TableOptions options) throws SQLException {
        return c.isWrapperFor(MallardConnection.class) ? new BulkInsert(c.unwrap(MallardConnection.class), store, options) : null;
    }

    /**
     * Writes rows {@code which} of {@code rows} (which fit {@code schema}) as {@code INSERT ... ON
     * CONFLICT} over vectors (plain inserts go through {@link #add}); returns how many rows were
     * inserted or changed. {@code sql} makes the statements' text.
     */
    long write(RowBatch rows, int[] which, TableSchema schema, Conflict conflict, RowWriter sql) throws SQLException {
        List<LogicalType> tableTypes = tableTypes(schema);
        long[] keys = options.autoKey() && schema.primaryKey() != null ? number(rows, which, schema) : null;
        long written = 0;
        for (int[] group : groups(rows, which, conflict)) written += writeGroup(rows, group, keys, schema, tableTypes, conflict, sql);
        return written;
    }

    /**
     * Rows that share one statement. An upsert must not clear the columns a row leaves out, so it
     * updates each column as {@code coalesce(new, old)}, except the columns the row sets to NULL on
     * purpose: rows group by those (almost always none, so a batch stays one statement).
     */
    private static List<int[]> groups(RowBatch rows, int[] which, Conflict conflict) {
        if (!(conflict instanceof Conflict.Update)) return List.of(which);
        Map<BitSet, List<Integer>> groups = new LinkedHashMap<>();
        List<RowBatch.Column> columns = rows.columns();
        for (int r : which) {
            BitSet nulls = new BitSet();
            for (int c = 0; c < columns.size(); c++) if (columns.get(c).given(r) && columns.get(c).value(r) == null) nulls.set(c);
            groups.computeIfAbsent(nulls, k -> new ArrayList<>()).add(r);
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> g : groups.values()) out.add(g.stream().mapToInt(Integer::intValue).toArray());
        return out;
    }

    private long writeGroup(RowBatch rows, int[] group, long[] keys, TableSchema schema, List<LogicalType> tableTypes, Conflict conflict,
                            RowWriter sql) throws SQLException {
        Layout layout = layout(rows, group, keys != null, schema, tableTypes);
        // Rows of no columns in a table without a numbered key: INSERT ... DEFAULT VALUES, one per row.
        if (layout == null) return sql.insert(rows.stored(schema, group), conflict);
        ChunkCollection chunks = new ChunkCollection(layout.types());
        fill(chunks, layout, rows, group, keys, schema.name());
        Set<String> nulls = new TreeSet<>();
        for (int c = 0; c < layout.names().length; c++) {
            RowBatch.Column source = layout.sources()[c];
            if (c != layout.keyAt() && source.given(group[0]) && source.value(group[0]) == null) nulls.add(layout.names()[c]);
        }
        return connection.insertRows(sql.insertStatement(List.of(layout.names()), nulls, conflict), chunks);
    }

    /**
     * Plain inserts of a batch that {@link #addDirect} did not take (a chunk of rows at most): it is
     * filled into vectors now and appended with the rows before it, as one statement per
     * {@link #ROUND} rows. {@link #flush} appends what waits, and must run before the schema changes;
     * {@link #finish} ends the call.
     */
    void add(RowBatch rows, TableSchema schema, RowWriter sql) throws SQLException {
        List<LogicalType> tableTypes = tableTypes(schema);
        int[] all = rows.all();
        long[] keys = options.autoKey() && schema.primaryKey() != null ? number(rows, all, schema) : null;
        Layout layout = layout(rows, all, keys != null, schema, tableTypes);
        if (layout == null) {
            flush();
            appended += sql.insert(rows.stored(schema, all), new Conflict.Fail());
            return;
        }
        if (directLayout == null || schema != directSchema || !java.util.Arrays.equals(directLayout.columns(), layout.columns())) {
            directLayout = layout;
            directSchema = schema;
            direct = null;
        }
        pendingFor(schema, layout);
        fill(pending.chunks(), layout, rows, all, keys, schema.name());
        appendIfFull();
    }

    /** How many rows the round being gathered still takes: a caller that reads no more at a time keeps rounds to whole row groups. */
    int room() {
        return ROUND - (pending == null ? 0 : (int) pending.chunks().rowCount());
    }

    /**
     * {@link #add} for rows not gathered into a batch: rows {@code rows[from .. from + count)} (at
     * most {@link #room}, unless they are the call's last) go straight into vectors ({@link DirectFill}, on several threads) when they
     * fit the columns of the last batch {@link #add} took and the schema is the same. Returns how
     * many of them, from the first, were taken: the others begin with a chunk that must go through
     * {@link #add}, and nothing was taken from them.
     */
    int addDirect(Object[] rows, int from, int count, KeyNames names, TableSchema schema) throws SQLException {
        Layout layout = directLayout;
        if (layout == null || schema != directSchema) return 0;
        if (direct == null) {
            // Each thread's fill has its own key names: they are a cache, and not shared.
            direct = new ParallelFill(threads, t -> new DirectFill(t == 0 ? names : new KeyNames(), layout.types(), layout.names(),
                    layout.apiTypes(), layout.keyAt()));
        }
        DataChunk[] chunks = direct.fill(rows, from, count);
        if (chunks.length == 0) return 0;
        KeyCounters.Counter counter = layout.keyAt() < 0 ? null
                : store.keys.counter(connection, store.dialect, schema.name(), schema.primaryKey());
        pendingFor(schema, layout);
        int taken = 0;
        for (DataChunk chunk : chunks) {
            // numbered here, in the rows' order, whichever thread filled the chunk
            if (counter != null) numberKeys(chunk.column(layout.keyAt()), chunk.count(), counter);
            pending.chunks().adopt(chunk);
            taken += chunk.count();
        }
        appendIfFull();
        return taken;
    }

    /** Makes {@link #pending} hold {@code layout}'s columns, appending what waits for other columns first. */
    private void pendingFor(TableSchema schema, Layout layout) throws SQLException {
        // One statement appends one set of columns: a batch naming others goes after what waits.
        if (pending != null && !java.util.Arrays.equals(pending.columns(), layout.columns())) flush();
        if (pending == null) pending = new Pending(schema.name(), layout.columns(), new ChunkCollection(layout.types()));
    }

    /** Once a round is waiting, starts appending it (after the one in flight). */
    private void appendIfFull() throws SQLException {
        if (pending.chunks().rowCount() < ROUND) return;
        settle();
        Pending p = pending;
        pending = null;
        inFlight = new java.util.concurrent.FutureTask<>(() -> connection.append(null, p.table(), p.columns(), p.chunks()));
        Thread.ofPlatform().name("mallard-insert").daemon().start(inFlight);
    }

    /** Appends the rows {@link #add} and {@link #addDirect} left waiting, after the round in flight. */
    void flush() throws SQLException {
        settle();
        if (pending == null) return;
        Pending p = pending;
        pending = null;
        appended += connection.append(null, p.table(), p.columns(), p.chunks());
    }

    /** Appends what waits and returns the rows the plain inserts of this call appended. */
    long finish() throws SQLException {
        flush();
        return appended;
    }

    /** Waits for the round in flight, if any, counting its rows; its failure is this call's. */
    private void settle() throws SQLException {
        java.util.concurrent.FutureTask<Long> f = inFlight;
        if (f == null) return;
        inFlight = null;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    appended += f.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the append holds the connection: it must end before anything else runs on it
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException x) throw x;
            if (cause instanceof RuntimeException x) throw x;
            if (cause instanceof Error x) throw x;
            throw new MallardException.Internal("appending rows failed: " + cause, cause);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** After a failure elsewhere: waits for the round in flight, whose own failure no longer matters, so the call can roll back. */
    void abandon() {
        try {
            settle();
        } catch (SQLException | RuntimeException e) {
            // the caller's failure is the one reported; this round rolls back with the rest
        }
    }

    /** Vectors filled for table {@code table}'s {@code columns}, not yet appended. */
    private record Pending(String table, int[] columns, ChunkCollection chunks) {}

    /**
     * The columns a statement writes (indexes in table order): those the rows name, and the key when
     * the API numbers it; the others take their defaults. {@code keyAt}: the numbered key's place, or -1.
     */
    private record Layout(int[] columns, List<LogicalType> types, RowBatch.Column[] sources, String[] names, ColumnType[] apiTypes,
                          int keyAt) {}

    /** The layout for rows {@code group}; null when they name no column and no key is numbered. */
    private static Layout layout(RowBatch rows, int[] group, boolean numbered, TableSchema schema, List<LogicalType> tableTypes) {
        String key = numbered ? schema.primaryKey() : null;
        List<Integer> written = new ArrayList<>();
        List<RowBatch.Column> sources = new ArrayList<>();
        int keyAt = -1;
        for (int i = 0; i < tableTypes.size(); i++) {
            TableSchema.Column column = schema.columns().get(i);
            RowBatch.Column source = rows.column(column.name());
            boolean isKey = column.name().equals(key);
            if (!isKey && !givenByAny(source, group)) continue;
            if (isKey) keyAt = written.size();
            written.add(i);
            sources.add(source);
        }
        if (written.isEmpty()) return null;
        int width = written.size();
        List<LogicalType> types = new ArrayList<>(width);
        String[] names = new String[width];
        ColumnType[] apiTypes = new ColumnType[width];
        for (int c = 0; c < width; c++) {
            TableSchema.Column column = schema.columns().get(written.get(c));
            types.add(tableTypes.get(written.get(c)));
            names[c] = column.name();
            apiTypes[c] = column.type();
        }
        return new Layout(written.stream().mapToInt(Integer::intValue).toArray(), types, sources.toArray(RowBatch.Column[]::new), names,
                apiTypes, keyAt);
    }

    /** Rows {@code group} of {@code rows} into chunks of {@code layout} added to {@code chunks}. */
    private static void fill(ChunkCollection chunks, Layout layout, RowBatch rows, int[] group, long[] keys, String table) {
        VectorFill fill = new VectorFill(table, layout.sources(), layout.names(), layout.apiTypes());
        for (int from = 0; from < group.length; from += Vector.DEFAULT_CAPACITY) {
            int count = Math.min(Vector.DEFAULT_CAPACITY, group.length - from);
            DataChunk chunk = new DataChunk(layout.types());
            Vector[] filled = chunk.columns().clone();
            if (layout.keyAt() >= 0) {
                fillKeys(chunk.column(layout.keyAt()), keys, group, from, count);
                filled[layout.keyAt()] = null;
            }
            fill.fill(filled, group, from, count);
            chunk.setCount(count);
            chunks.adopt(chunk);
        }
    }

    private List<LogicalType> tableTypes(TableSchema schema) throws SQLException {
        if (schema == typesOf) return types;
        List<LogicalType> tableTypes = connection.tableTypes(null, schema.name());
        if (tableTypes.size() != schema.columns().size()) {
            throw new MallardException.Internal("table \"" + schema.name() + "\" has " + tableTypes.size() + " columns but its schema lists "
                    + schema.columns().size());
        }
        typesOf = schema;
        types = tableTypes;
        return tableTypes;
    }

    private static boolean givenByAny(RowBatch.Column column, int[] group) {
        if (column == null) return false;
        for (int r : group) if (column.given(r)) return true;
        return false;
    }

    private static void fillKeys(Vector v, long[] keys, int[] group, int from, int count) {
        for (int k = 0; k < count; k++) setKey(v, k, keys[group[from + k]]);
    }

    /**
     * Gives rows {@code 0 .. count} of key vector {@code v} the counter's next numbers. A method of
     * its own, called once a chunk, so that the JIT compiles this loop soon and alone rather than
     * {@link #addDirect} with everything it inlines, again and again, for a loop of a few turns.
     */
    private static void numberKeys(Vector v, int count, KeyCounters.Counter counter) {
        for (int k = 0; k < count; k++) setKey(v, k, counter.take());
    }

    private static void setKey(Vector v, int k, long key) {
        // a key column made by hand with a narrower integer type: cast with INSERT's range check
        if (v.type().id() == TypeId.BIGINT) v.longs[k] = key;
        else JavaValueCast.set(v, k, key);
    }

    /**
     * The key of rows {@code which}, by row: its own, or the next number when it gives none or NULL
     * (Mallard has no sequences: the API numbers rows under its write lock, see {@link KeyCounters}).
     */
    private long[] number(RowBatch rows, int[] which, TableSchema schema) throws SQLException {
        KeyCounters.Counter counter = store.keys.counter(connection, store.dialect, schema.name(), schema.primaryKey());
        RowBatch.Column given = rows.column(schema.primaryKey());
        long[] keys = new long[rows.size()];
        for (int r : which) {
            Object value = given == null ? null : given.value(r);
            if (value == null) {
                keys[r] = counter.take();
            } else {
                keys[r] = (Long) ColumnType.BIGINT.convert(value);
                counter.passed(keys[r]);
            }
        }
        return keys;
    }
}
