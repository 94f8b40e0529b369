package dev.mallard.execution;

import dev.mallard.engine.QueryResult;
import dev.mallard.execution.data.ColumnCollection;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.List;

/** A query result materialized by the result collector, handed out in dense chunks of 2048 rows. */
final class CollectedResult implements QueryResult {
    private final List<String> names;
    private final List<LogicalType> types;
    private ColumnCollection rows;
    private DataChunk chunk;
    private int next;

    CollectedResult(List<String> names, List<LogicalType> types, ColumnCollection rows) {
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
        if (rows == null || next >= rows.size()) return null;
        if (chunk == null) chunk = new DataChunk(rows.types());
        int n = Math.min(Vector.DEFAULT_CAPACITY, rows.size() - next);
        rows.scan(next, n, chunk);
        next += n;
        return chunk;
    }

    @Override
    public void close() {
        rows = null; // let the rows be collected
    }
}
