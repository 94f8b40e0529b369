package dev.mallard.vector;

import dev.mallard.types.LogicalType;
import java.util.List;

/**
 * A batch of rows as one {@link Vector} per column. {@code count} rows are live; when
 * {@code sel} is non-null the live rows are the positions {@code sel[0..count)}, otherwise the
 * positions {@code 0..count)}. A filter narrows a chunk by writing a selection, never by copying.
 */
public final class DataChunk {
    private final Vector[] columns;
    private int count;
    private int[] sel;

    public DataChunk(List<LogicalType> types) {
        this(types, Vector.DEFAULT_CAPACITY);
    }

    public DataChunk(List<LogicalType> types, int capacity) {
        columns = new Vector[types.size()];
        for (int i = 0; i < columns.length; i++) columns[i] = new Vector(types.get(i), capacity);
    }

    public DataChunk(Vector[] columns, int count, int[] sel) {
        this.columns = columns;
        this.count = count;
        this.sel = sel;
    }

    public int columnCount() { return columns.length; }

    public Vector column(int i) { return columns[i]; }

    public Vector[] columns() { return columns; }

    /** Number of live rows. */
    public int count() { return count; }

    /** Selection of live positions, or null for the dense range 0..count. */
    public int[] sel() { return sel; }

    /** Physical position of the k-th live row. */
    public int position(int k) { return sel == null ? k : sel[k]; }

    public void setCount(int count) {
        this.count = count;
        this.sel = null;
    }

    public void setSelection(int[] sel, int count) {
        this.sel = sel;
        this.count = count;
    }

    /** Empties the chunk for reuse: zero rows, no selection, all positions valid. */
    public void reset() {
        count = 0;
        sel = null;
        for (Vector v : columns) v.reset();
    }

    /** Reads the k-th live row's column {@code c} as a physical-form Java object. */
    public Object getObject(int c, int k) {
        return columns[c].getObject(position(k));
    }
}
