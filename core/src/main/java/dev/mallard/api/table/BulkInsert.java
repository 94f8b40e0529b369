package dev.mallard.api.table;

import dev.mallard.MallardException;
import dev.mallard.engine.ChunkCollection;
import dev.mallard.jdbc.MallardConnection;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain inserts on Mallard: a batch's columns go straight into vectors of the table's column
 * types, and the vectors are appended as one statement of the call's transaction (the engine's
 * bulk insert, as under {@link dev.mallard.jdbc.MallardAppender}), with INSERT's defaults for the
 * columns no row names and its constraint checks. No SQL text, no parameter binding, no statement
 * per row: a million maps cost what reading them costs.
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

    /** The bulk insert on {@code c}, or null when it is not a Mallard connection. */
    static BulkInsert on(Connection c, TableStore store, TableOptions options) throws SQLException {
        return c.isWrapperFor(MallardConnection.class) ? new BulkInsert(c.unwrap(MallardConnection.class), store, options) : null;
    }

    /** Inserts the rows of {@code rows} (it fits {@code schema}); returns how many. */
    long insert(RowBatch rows, TableSchema schema) throws SQLException {
        List<LogicalType> tableTypes = connection.tableTypes(null, schema.name());
        if (tableTypes.size() != schema.columns().size()) {
            throw new MallardException.Internal("table \"" + schema.name() + "\" has " + tableTypes.size() + " columns but its schema lists "
                    + schema.columns().size());
        }
        String key = options.autoKey() ? schema.primaryKey() : null;
        // The columns written: those the rows name, and the key when the API numbers it; the others take their defaults.
        List<Integer> written = new ArrayList<>();
        List<RowBatch.Column> sources = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        int keyAt = -1;
        for (int i = 0; i < tableTypes.size(); i++) {
            TableSchema.Column column = schema.columns().get(i);
            RowBatch.Column source = rows.column(column.name());
            boolean numbered = column.name().equals(key);
            if (source == null && !numbered) continue;
            if (numbered) keyAt = written.size();
            written.add(i);
            sources.add(source);
            types.add(tableTypes.get(i));
        }
        long[] keys = keyAt < 0 ? null : number(rows, sources.get(keyAt), schema);
        int width = written.size();
        String[] names = new String[width];
        ColumnType[] apiTypes = new ColumnType[width];
        for (int c = 0; c < width; c++) {
            names[c] = schema.columns().get(written.get(c)).name();
            apiTypes[c] = schema.columns().get(written.get(c)).type();
        }
        VectorFill fill = new VectorFill(schema.name(), sources.toArray(RowBatch.Column[]::new), names, apiTypes);
        ChunkCollection chunks = new ChunkCollection(types);
        for (int from = 0; from < rows.size(); from += Vector.DEFAULT_CAPACITY) {
            int count = Math.min(Vector.DEFAULT_CAPACITY, rows.size() - from);
            DataChunk chunk = new DataChunk(types);
            Vector[] filled = chunk.columns().clone();
            if (keyAt >= 0) {
                fillKeys(chunk.column(keyAt), keys, from, count);
                filled[keyAt] = null;
            }
            fill.fill(filled, from, count);
            chunk.setCount(count);
            chunks.adopt(chunk);
        }
        int[] columns = written.stream().mapToInt(Integer::intValue).toArray();
        return connection.append(null, schema.name(), columns, chunks);
    }

    private static void fillKeys(Vector v, long[] keys, int from, int count) {
        if (v.type().id() == dev.mallard.types.TypeId.BIGINT) {
            System.arraycopy(keys, from, v.longs, 0, count);
        } else {
            // a key column made by hand with a narrower integer type: cast with INSERT's range check
            for (int k = 0; k < count; k++) dev.mallard.jdbc.JavaValueCast.set(v, k, keys[from + k]);
        }
    }

    /**
     * The key of every row: its own, or the next number when it gives none or NULL (Mallard has no
     * sequences: the API numbers rows under its write lock, see {@link KeyCounters}).
     */
    private long[] number(RowBatch rows, RowBatch.Column given, TableSchema schema) throws SQLException {
        KeyCounters.Counter counter = store.keys.counter(connection, store.dialect, schema.name(), schema.primaryKey());
        long[] keys = new long[rows.size()];
        for (int r = 0; r < keys.length; r++) {
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
