package dev.mallard.engine;

import dev.mallard.function.table.BoundTableFunction;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.util.List;

/**
 * Rows already in memory, served as a table function so a plan can read them (ON CONFLICT DO
 * UPDATE, a query result registered as a table with {@code db.register(name, result)}).
 */
public final class ChunkScan implements BoundTableFunction {
    private final String name;
    private final List<String> names;
    private final ChunkCollection rows;

    ChunkScan(List<String> names, ChunkCollection rows) {
        this("chunk_scan", names, rows);
    }

    public ChunkScan(String name, List<String> names, ChunkCollection rows) {
        this.name = name;
        this.names = names;
        this.rows = rows;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> columnNames() {
        return names;
    }

    @Override
    public List<LogicalType> columnTypes() {
        return rows.types();
    }

    @Override
    public long estimatedRows() {
        return rows.rowCount();
    }

    @Override
    public Reader open() {
        return new Reader() {
            private int next;

            @Override
            public boolean next(DataChunk out) {
                if (next >= rows.chunks().size()) return false;
                DataChunk src = rows.chunks().get(next++);
                for (int c = 0; c < src.columnCount(); c++) {
                    for (int k = 0; k < src.count(); k++) out.column(c).copyFrom(src.column(c), src.position(k), k);
                }
                out.setCount(src.count());
                return true;
            }
        };
    }
}
