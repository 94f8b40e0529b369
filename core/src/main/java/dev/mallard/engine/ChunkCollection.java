package dev.mallard.engine;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows copied out of a query result into dense chunks of their own, so they outlive the
 * executor's reused vectors (DML collects the rows it will write before touching storage).
 */
public final class ChunkCollection {
    private final List<LogicalType> types;
    private final List<DataChunk> chunks = new ArrayList<>();
    private long rowCount;

    public ChunkCollection(List<LogicalType> types) {
        this.types = types;
    }

    public static ChunkCollection drain(QueryResult result) {
        ChunkCollection c = new ChunkCollection(result.columnTypes());
        try (result) {
            for (DataChunk chunk = result.next(); chunk != null; chunk = result.next()) c.append(chunk);
        }
        return c;
    }

    public void append(DataChunk chunk) {
        int n = chunk.count();
        if (n == 0) return;
        DataChunk copy = new DataChunk(types, Math.max(n, 1));
        for (int c = 0; c < types.size(); c++) {
            Vector src = chunk.column(c);
            Vector dst = copy.column(c);
            dev.mallard.execution.data.VectorOps.gather(src, chunk.sel(), n, dst, 0);
        }
        copy.setCount(n);
        chunks.add(copy);
        rowCount += n;
    }

    /** Takes a dense chunk (no selection) of this collection's types as it is, without copying. */
    public void adopt(DataChunk chunk) {
        if (chunk.sel() != null) throw new IllegalArgumentException("adopt takes dense chunks only");
        if (chunk.count() == 0) return;
        chunks.add(chunk);
        rowCount += chunk.count();
    }

    public List<DataChunk> chunks() {
        return chunks;
    }

    public long rowCount() {
        return rowCount;
    }

    public List<LogicalType> types() {
        return types;
    }
}
