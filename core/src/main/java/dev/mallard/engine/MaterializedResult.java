package dev.mallard.engine;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.List;

/** A small result built in memory from rows of physical-form values (DESCRIBE, SHOW, EXPLAIN ...). */
public final class MaterializedResult implements QueryResult {
    private final List<String> names;
    private final List<LogicalType> types;
    private final List<Object[]> rows;
    private int next;
    private DataChunk chunk;

    public MaterializedResult(List<String> names, List<LogicalType> types, List<Object[]> rows) {
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.rows = rows;
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    @Override
    public List<LogicalType> columnTypes() {
        return types;
    }

    @Override
    public DataChunk next() {
        if (next >= rows.size()) return null;
        if (chunk == null) chunk = new DataChunk(types);
        chunk.reset();
        int n = Math.min(Vector.DEFAULT_CAPACITY, rows.size() - next);
        for (int r = 0; r < n; r++) {
            Object[] row = rows.get(next + r);
            for (int c = 0; c < types.size(); c++) chunk.column(c).setObject(r, row[c]);
        }
        chunk.setCount(n);
        next += n;
        return chunk;
    }

    @Override
    public void close() {
        next = rows.size();
    }
}
