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

    private final MallardConnection connection;
    private final TableStore store;
    private final TableOptions options;

    private BulkInsert(MallardConnection connection, TableStore store, TableOptions options) {
        this.connection = connection;
        this.store = store;
        this.options = options;
    }

    /** The bulk writer on {@code c}, or null when it is not a Mallard connection. */
    static BulkInsert on(Connection c, TableStore store, TableOptions options) throws SQLException {
        return c.isWrapperFor(MallardConnection.class) ? new BulkInsert(c.unwrap(MallardConnection.class), store, options) : null;
    }

    /**
     * Writes rows {@code which} of {@code rows} (which fit {@code schema}); returns how many rows were
     * inserted or changed. {@code sql} makes the statements of what is not a plain insert.
     */
    long write(RowBatch rows, int[] which, TableSchema schema, Conflict conflict, RowWriter sql) throws SQLException {
        List<LogicalType> tableTypes = connection.tableTypes(null, schema.name());
        if (tableTypes.size() != schema.columns().size()) {
            throw new MallardException.Internal("table \"" + schema.name() + "\" has " + tableTypes.size() + " columns but its schema lists "
                    + schema.columns().size());
        }
        String key = options.autoKey() ? schema.primaryKey() : null;
        long[] keys = key == null ? null : number(rows, which, schema);
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
        String key = keys == null ? null : schema.primaryKey();
        // The columns written: those the group's rows name, and the key when the API numbers it; the others take their defaults.
        List<Integer> written = new ArrayList<>();
        List<RowBatch.Column> sources = new ArrayList<>();
        int keyAt = -1;
        for (int i = 0; i < tableTypes.size(); i++) {
            TableSchema.Column column = schema.columns().get(i);
            RowBatch.Column source = rows.column(column.name());
            boolean numbered = column.name().equals(key);
            if (!numbered && !givenByAny(source, group)) continue;
            if (numbered) keyAt = written.size();
            written.add(i);
            sources.add(source);
        }
        // Rows of no columns in a table without a numbered key: INSERT ... DEFAULT VALUES, one per row.
        if (written.isEmpty()) return sql.insert(rows.stored(schema, group), conflict);
        int width = written.size();
        List<LogicalType> types = new ArrayList<>(width);
        List<String> names = new ArrayList<>(width);
        ColumnType[] apiTypes = new ColumnType[width];
        Set<String> nulls = new TreeSet<>();
        for (int c = 0; c < width; c++) {
            TableSchema.Column column = schema.columns().get(written.get(c));
            types.add(tableTypes.get(written.get(c)));
            names.add(column.name());
            apiTypes[c] = column.type();
            if (c != keyAt && sources.get(c).given(group[0]) && sources.get(c).value(group[0]) == null) nulls.add(column.name());
        }
        VectorFill fill = new VectorFill(schema.name(), sources.toArray(RowBatch.Column[]::new), names.toArray(String[]::new), apiTypes);
        ChunkCollection chunks = new ChunkCollection(types);
        for (int from = 0; from < group.length; from += Vector.DEFAULT_CAPACITY) {
            int count = Math.min(Vector.DEFAULT_CAPACITY, group.length - from);
            DataChunk chunk = new DataChunk(types);
            Vector[] filled = chunk.columns().clone();
            if (keyAt >= 0) {
                fillKeys(chunk.column(keyAt), keys, group, from, count);
                filled[keyAt] = null;
            }
            fill.fill(filled, group, from, count);
            chunk.setCount(count);
            chunks.adopt(chunk);
        }
        if (conflict instanceof Conflict.Fail) {
            return connection.append(null, schema.name(), written.stream().mapToInt(Integer::intValue).toArray(), chunks);
        }
        return connection.insertRows(sql.insertStatement(names, nulls, conflict), chunks);
    }

    private static boolean givenByAny(RowBatch.Column column, int[] group) {
        if (column == null) return false;
        for (int r : group) if (column.given(r)) return true;
        return false;
    }

    private static void fillKeys(Vector v, long[] keys, int[] group, int from, int count) {
        boolean bigint = v.type().id() == TypeId.BIGINT;
        for (int k = 0; k < count; k++) {
            long key = keys[group[from + k]];
            // a key column made by hand with a narrower integer type: cast with INSERT's range check
            if (bigint) v.longs[k] = key;
            else JavaValueCast.set(v, k, key);
        }
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
