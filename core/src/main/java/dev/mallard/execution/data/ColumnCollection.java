package dev.mallard.execution.data;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.List;

/**
 * Rows materialized column by column into full-length vectors that grow by doubling: what a
 * pipeline breaker keeps (join build side, sort input, results). Row {@code i} of the collection is
 * position {@code i} of every column, so hash tables and sorts address rows by int.
 */
public final class ColumnCollection {
    private final List<LogicalType> types;
    private final Vector[] columns;
    private int size;

    public ColumnCollection(List<LogicalType> types) {
        this(types, 16);
    }

    public ColumnCollection(List<LogicalType> types, int initialCapacity) {
        this.types = List.copyOf(types);
        this.columns = new Vector[types.size()];
        for (int c = 0; c < columns.length; c++) columns[c] = new Vector(types.get(c), Math.max(1, initialCapacity));
    }

    public List<LogicalType> types() {
        return types;
    }

    public int size() {
        return size;
    }

    public int columnCount() {
        return columns.length;
    }

    /** Column {@code c} as a full-length vector: positions {@code 0..size()}. */
    public Vector column(int c) {
        return columns[c];
    }

    public Vector[] columns() {
        return columns;
    }

    /** Makes room for {@code n} rows in total. */
    public void ensureCapacity(int n) {
        if (columns.length == 0 || n <= columns[0].capacity()) return;
        long target = Math.max((long) n, 2L * columns[0].capacity());
        int cap = (int) Math.min(target, Integer.MAX_VALUE - 16);
        for (Vector v : columns) v.ensureCapacity(cap);
    }

    /**
     * Declares rows {@code 0..size} filled, for owners that write the column vectors directly
     * (after {@link #ensureCapacity}).
     */
    public void setSize(int size) {
        this.size = size;
    }

    /** Appends the live rows of a chunk (its first {@link #columnCount()} columns). */
    public void append(DataChunk chunk) {
        append(chunk.columns(), 0, chunk.sel(), chunk.count());
    }

    /** Appends rows {@code sel[k]} (or {@code k}) of {@code cols[first..first + columnCount())}. */
    public void append(Vector[] cols, int first, int[] sel, int count) {
        if (count == 0) return;
        if ((long) size + count > Integer.MAX_VALUE - 16) {
            throw new dev.mallard.MallardException("53200", "too many rows to materialize in memory (more than 2^31)");
        }
        ensureCapacity(size + count);
        for (int c = 0; c < columns.length; c++) VectorOps.gather(cols[first + c], sel, count, columns[c], size);
        size += count;
    }

    /** Appends rows {@code [from, from + count)} of another collection with the same types. */
    public void append(ColumnCollection other, int from, int count) {
        if (count == 0) return;
        ensureCapacity(size + count);
        for (int c = 0; c < columns.length; c++) VectorOps.copyRange(other.columns[c], from, count, columns[c], size);
        size += count;
    }

    /** Copies rows {@code [from, from + count)} into positions {@code 0..count} of {@code out} and sets its count. */
    public void scan(int from, int count, DataChunk out) {
        for (int c = 0; c < columns.length; c++) VectorOps.copyRange(columns[c], from, count, out.column(c), 0);
        out.setCount(count);
    }

    /** Copies rows {@code rows[0..count)} into positions {@code 0..count} of {@code out}'s columns {@code first..}. */
    public void gather(int[] rows, int count, DataChunk out, int first) {
        for (int c = 0; c < columns.length; c++) VectorOps.gather(columns[c], rows, count, out.column(first + c), 0);
    }
}
