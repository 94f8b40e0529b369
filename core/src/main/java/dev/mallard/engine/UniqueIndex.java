package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.catalog.TableEntry;
import dev.mallard.catalog.UniqueConstraint;
import dev.mallard.storage.DataTable;
import dev.mallard.types.Values;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The keys of one PRIMARY KEY or UNIQUE constraint, mapped to the row holding each. Keys with a
 * NULL part are not indexed: NULLs never collide (SQL's rule for UNIQUE).
 */
final class UniqueIndex {
    private final TableEntry table;
    private final UniqueConstraint constraint;
    private final KeyRows rows;
    /** Rows with a complete (NULL-free) key seen while building; more than {@link #size()} means duplicates. */
    private long nonNullRows;

    UniqueIndex(TableEntry table, UniqueConstraint constraint) {
        this.table = table;
        this.constraint = constraint;
        this.rows = emptyKeys();
        build();
    }

    private UniqueIndex(TableEntry table, UniqueIndex from) {
        this.table = table;
        this.constraint = from.constraint;
        this.rows = from.rows;
        this.nonNullRows = from.nonNullRows;
    }

    /**
     * This index on {@code table}, a new version of its table with the same rows under the same row
     * ids and the key columns at the same places (a column added at the end): the keys are taken
     * over, not read again.
     */
    UniqueIndex on(TableEntry table) {
        return new UniqueIndex(table, this);
    }

    /** An empty map of this index's kind of keys. */
    KeyRows emptyKeys() {
        List<dev.mallard.types.LogicalType> keyTypes = new ArrayList<>();
        for (int c : constraint.columns()) keyTypes.add(table.columns().get(c).type());
        return KeyRows.of(keyTypes);
    }

    UniqueConstraint constraint() {
        return constraint;
    }

    private void build() {
        DataTable storage = table.storage();
        int[] cols = new int[constraint.columns().size() + 1];
        List<dev.mallard.types.LogicalType> types = new ArrayList<>();
        for (int i = 0; i < constraint.columns().size(); i++) {
            cols[i] = constraint.columns().get(i);
            types.add(table.columns().get(cols[i]).type());
        }
        cols[cols.length - 1] = DataTable.ROW_ID;
        types.add(dev.mallard.types.LogicalType.BIGINT);
        DataChunk chunk = new DataChunk(types);
        int[] map = new int[table.columns().size()];
        for (int i = 0; i < constraint.columns().size(); i++) map[cols[i]] = i;
        long limit = storage.rowIdLimit();
        for (long from = 0; from < limit; from += Vector.DEFAULT_CAPACITY) {
            chunk.reset();
            storage.scan(from, Vector.DEFAULT_CAPACITY, cols, chunk);
            for (int k = 0; k < chunk.count(); k++) {
                Object key = keyOf(chunk, k, map);
                if (key != null) {
                    rows.put(key, chunk.column(cols.length - 1).longs[chunk.position(k)]);
                    nonNullRows++;
                }
            }
        }
    }

    /**
     * The key of the k-th live row of a chunk; {@code columnMap[tableColumn]} is the chunk column
     * holding that table column. Null if any part is NULL.
     */
    Object keyOf(DataChunk chunk, int k, int[] columnMap) {
        List<Integer> cols = constraint.columns();
        if (cols.size() == 1) return chunk.getObject(columnMap[cols.get(0)], k);
        List<Object> key = new ArrayList<>(cols.size());
        for (int i = 0; i < cols.size(); i++) {
            Object v = chunk.getObject(columnMap[cols.get(i)], k);
            if (v == null) return null;
            key.add(v);
        }
        return key;
    }

    /**
     * The key column when the key is one integer column, whose keys {@link ProposedKeys} and
     * {@link #putAll} read and look up as longs, not boxed; -1 otherwise.
     */
    int integerColumn() {
        return rows instanceof LongKeyRows ? constraint.columns().get(0) : -1;
    }

    /** {@link #holder(Object, long)} of an {@link #integerColumn} key: the row, or {@link KeyRows#NONE} when the key is free. */
    long holder(long key, long transaction) {
        long row = ((LongKeyRows) rows).get(key);
        if (row == KeyRows.NONE) return KeyRows.NONE;
        return switch (table.storage().holder(row, transaction)) {
            case LIVE -> row;
            case GONE -> KeyRows.NONE;
            case CONCURRENT -> throw concurrentWrite(boxed(key));
        };
    }

    /** An {@link #integerColumn} key as {@link #keyOf} gives it: an Integer for a 32-bit column, else a Long. */
    Object boxed(long key) {
        return table.columns().get(integerColumn()).type().physicalType() == dev.mallard.types.PhysicalType.INT32 ? (Object) (int) key
                : (Object) key;
    }

    /** Indexes the live rows of {@code chunk}, the k-th held by row id {@code firstRow + k}. */
    void putAll(DataChunk chunk, int[] columnMap, long firstRow) {
        int integer = integerColumn();
        if (integer < 0) {
            for (int k = 0; k < chunk.count(); k++) {
                Object key = keyOf(chunk, k, columnMap);
                if (key != null) rows.put(key, firstRow + k);
            }
            return;
        }
        LongKeyRows longs = (LongKeyRows) rows;
        Vector v = chunk.column(columnMap[integer]);
        long lo = consecutiveFrom(chunk, v);
        if (lo != NOT_A_RUN) {
            longs.putRange(lo, chunk.count(), firstRow, false);
            return;
        }
        for (int k = 0; k < chunk.count(); k++) {
            int p = chunk.position(k);
            if (!v.isNull(p)) longs.put(integerAt(v, p), firstRow + k);
        }
    }

    /** What {@link #consecutiveFrom} answers for keys that are not a run. */
    static final long NOT_A_RUN = Long.MIN_VALUE;

    /**
     * The first key when the rows of {@code chunk} hold the integers {@code first, first + 1, ...} in
     * {@code v} (an integer key column), with no NULL, no selection and no wrap past the largest
     * long; else {@link #NOT_A_RUN}.
     */
    static long consecutiveFrom(DataChunk chunk, Vector v) {
        int n = chunk.count();
        if (n == 0 || chunk.sel() != null || v.mayHaveNulls()) return NOT_A_RUN;
        long lo;
        if (v.physicalType() == dev.mallard.types.PhysicalType.INT32) {
            int[] keys = v.ints;
            lo = keys[0];
            for (int k = 1; k < n; k++) if (keys[k] != lo + k) return NOT_A_RUN;
        } else {
            long[] keys = v.longs;
            lo = keys[0];
            if (lo == NOT_A_RUN || lo > Long.MAX_VALUE - n) return NOT_A_RUN;
            for (int k = 1; k < n; k++) if (keys[k] != lo + k) return NOT_A_RUN;
        }
        return lo;
    }

    /** Whether no key of the run {@code lo .. lo + count - 1} of an {@link #integerColumn} is indexed; false also when it cannot tell at once. */
    boolean holdsNoneOf(long lo, int count) {
        return ((LongKeyRows) rows).holdsNoneOf(lo, count);
    }

    /** The value at {@code p} of an integer key column's vector. */
    static long integerAt(Vector v, int p) {
        return v.physicalType() == dev.mallard.types.PhysicalType.INT32 ? v.ints[p] : v.longs[p];
    }

    int size() {
        return rows.size();
    }

    long nonNullRows() {
        return nonNullRows;
    }

    /**
     * The row holding {@code key} for writer {@code transaction}, or null when the key is free. A
     * key another running transaction is inserting or deleting is a write conflict (SQLSTATE 40001):
     * whether it ends up taken depends on how that transaction ends.
     */
    Long holder(Object key, long transaction) {
        long row = rows.get(key);
        if (row == KeyRows.NONE) return null;
        return switch (table.storage().holder(row, transaction)) {
            case LIVE -> row;
            case GONE -> null;
            case CONCURRENT -> throw concurrentWrite(key);
        };
    }

    private MallardException concurrentWrite(Object key) {
        return new MallardException("40001", "could not serialize access: a concurrent transaction is writing the key " + describe(key)
                + " of " + table.name() + "; retry the transaction");
    }

    void put(Object key, long rowId) {
        rows.put(key, rowId);
    }

    void remove(Object key) {
        rows.remove(key);
    }

    MallardException violation(Object key) {
        String kind = constraint.primaryKey() ? "primary key" : "unique";
        return MallardException.Constraint.unique("duplicate key value violates " + kind + " constraint on " + table.name()
                + ": key " + describe(key) + " already exists");
    }

    /** {@code (column, ...)=(value, ...)} */
    private String describe(Object key) {
        StringJoiner names = new StringJoiner(", ");
        for (int c : constraint.columns()) names.add(table.columns().get(c).name());
        StringJoiner values = new StringJoiner(", ");
        List<?> parts = key instanceof List<?> l ? l : List.of(key);
        for (int i = 0; i < parts.size(); i++) {
            values.add(Values.toText(table.columns().get(constraint.columns().get(i)).type(), parts.get(i)));
        }
        return "(" + names + ")=(" + values + ")";
    }
}
