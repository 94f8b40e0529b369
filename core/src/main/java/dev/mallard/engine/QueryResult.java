package dev.mallard.engine;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.util.List;

/**
 * Rows of a query, handed out chunk by chunk. Chunks returned by {@link #next()} are valid until
 * the next call. Read values with {@link DataChunk#getObject(int, int)} (physical form) and convert
 * with {@link dev.mallard.types.Values}.
 */
public non-sealed interface QueryResult extends StatementResult, AutoCloseable {
    List<String> columnNames();

    List<LogicalType> columnTypes();

    /** The next non-empty chunk, or null when all rows have been returned. */
    DataChunk next();

    @Override
    void close();
}
