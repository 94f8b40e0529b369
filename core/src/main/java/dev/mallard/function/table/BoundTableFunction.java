package dev.mallard.function.table;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.util.List;

/**
 * A table function (range, generate_series, later read_csv ...) with its arguments already
 * evaluated. It describes its columns at bind time and produces chunks at run time.
 */
public interface BoundTableFunction {
    String name();

    List<String> columnNames();

    List<LogicalType> columnTypes();

    /** Estimated row count for the optimizer, or -1 if unknown. */
    long estimatedRows();

    /** Opens a fresh, single-threaded reader over all rows. */
    Reader open();

    interface Reader {
        /** Fills {@code out} (reset by the caller) with up to its capacity rows; false when done and out is empty. */
        boolean next(DataChunk out);

        /** Releases files and buffers; called when the reader is done or abandoned. */
        default void close() {}
    }
}
