package dev.mallard.storage;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.List;

/**
 * In-memory columnar storage of one table. Rows have stable row ids (their append order);
 * deleted rows are tombstoned. (Implementation to be provided by the execution/storage owner.)
 */
public final class DataTable {
    /** Column index that yields row ids (BIGINT) in scans. */
    public static final int ROW_ID = -1;

    private final List<LogicalType> types;

    public DataTable(List<LogicalType> types) {
        this.types = List.copyOf(types);
    }

    public List<LogicalType> types() {
        return types;
    }

    /** Number of live rows. */
    public long rowCount() {
        throw new UnsupportedOperationException("TODO");
    }

    /** One past the largest row id ever handed out; scans iterate row ids below this. */
    public long rowIdLimit() {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Scans live rows with row ids in [from, min(from + maxRows, rowIdLimit)) into {@code out}
     * (whose columns have the types of {@code columns}; ROW_ID gives BIGINT row ids), dense, no
     * selection. {@code maxRows} is at most out's capacity.
     */
    public void scan(long from, int maxRows, int[] columns, DataChunk out) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Appends the live rows of {@code chunk} (columns in table order). */
    public void append(DataChunk chunk) {
        throw new UnsupportedOperationException("TODO");
    }

    public void delete(long[] rowIds, int count) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Revives deleted rows (transaction rollback of a DELETE). */
    public void undelete(long[] rowIds, int count) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Sets column {@code column} of each row {@code rowIds[k]} to {@code values} position k. */
    public void update(long[] rowIds, int count, int column, Vector values) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Reads one value in physical form (see {@link Vector#getObject}). */
    public Object get(long rowId, int column) {
        throw new UnsupportedOperationException("TODO");
    }

    public boolean isDeleted(long rowId) {
        throw new UnsupportedOperationException("TODO");
    }

    /** A new table sharing nothing mutable with this one, with a column added (filled with {@code value}). */
    public DataTable withColumnAdded(LogicalType type, Object value) {
        throw new UnsupportedOperationException("TODO");
    }

    public DataTable withColumnDropped(int column) {
        throw new UnsupportedOperationException("TODO");
    }
}
