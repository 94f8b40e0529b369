package dev.mallard.io;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.util.List;

/** Writes rows to one file in one format (COPY ... TO). Single-threaded; {@link #close()} completes the file. */
public interface FormatWriter extends AutoCloseable {
    void write(DataChunk chunk);

    @Override
    void close();

    /** Creates writers of one format. */
    @FunctionalInterface
    interface Factory {
        /** A writer of rows with these columns to {@code file}; {@code options} as given to COPY (the format rejects unknown ones). */
        FormatWriter create(OutputFile file, List<String> names, List<LogicalType> types, ReadOptions options);
    }
}
