package dev.mallard.engine;

import dev.mallard.catalog.TableEntry;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * The proposed rows of an {@code INSERT ... ON CONFLICT DO UPDATE} that hit a stored row, each
 * beside that row's current values and its row id: the input of the DO UPDATE. Layout per row:
 * the stored columns, the proposed columns (table order both), the stored row's id.
 *
 * <p>Rows are gathered into full-size chunks: an upsert of many rows that mostly exist would
 * otherwise build a chunk of {@code 2 * width + 1} vectors per row.
 */
final class ConflictRows {
    private final TableEntry table;
    private final ChunkCollection rows;
    private DataChunk chunk;
    private int count;

    ConflictRows(TableEntry table) {
        this.table = table;
        List<LogicalType> types = new ArrayList<>(table.types());
        types.addAll(table.types());
        types.add(LogicalType.BIGINT);
        this.rows = new ChunkCollection(types);
    }

    /** Row {@code k} of {@code proposed} (full table rows) collides with stored row {@code existing}. */
    void add(long existing, DataChunk proposed, int k) {
        if (chunk == null) {
            chunk = new DataChunk(rows.types());
            count = 0;
        }
        int width = table.columns().size();
        for (int c = 0; c < width; c++) {
            chunk.column(c).setObject(count, table.storage().get(existing, c));
            chunk.column(width + c).copyFrom(proposed.column(c), proposed.position(k), count);
        }
        chunk.column(2 * width).setObject(count, existing);
        if (++count == Vector.DEFAULT_CAPACITY) finishChunk();
    }

    /** The rows gathered. */
    ChunkCollection rows() {
        finishChunk();
        return rows;
    }

    private void finishChunk() {
        if (chunk == null) return;
        chunk.setCount(count);
        rows.adopt(chunk);
        chunk = null;
    }
}
