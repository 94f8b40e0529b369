package dev.mallard.io;

import dev.mallard.storage.TableFilter;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.util.List;

/**
 * One bound file: its columns, and readers over pieces of it. Plan-time objects are immutable
 * and shared by the threads of a scan; each thread reads its pieces through its own
 * {@link RowReader}.
 */
public interface FormatScan {
    FileInput file();

    List<String> names();

    List<LogicalType> types();

    /** Rows expected, for the optimizer; -1 when unknown. */
    long estimatedRows();

    /**
     * The file cut into pieces that threads may read at once (byte ranges of a plain CSV file,
     * row groups of a Parquet file). One piece when the file cannot be cut (compressed input).
     * {@code filters} (on {@link #names()} indexes) let a format leave out pieces that cannot
     * match, by their statistics.
     */
    List<Split> splits(int threads, List<TableFilter> filters);

    /**
     * Reads one piece: the values of {@code columns} (indexes into {@link #names()}) fill the
     * output chunk's columns in that order. Rows failing {@code filters} may be left out, but need
     * not be: the scan filters again. Bad rows go to {@code rejects} when it accepts them, or fail
     * the read with an error naming the file, line and column.
     */
    RowReader open(Split split, int[] columns, List<TableFilter> filters, Rejects rejects);

    /** A piece of a file; what {@code start} and {@code end} count (bytes, row groups) is the format's. */
    record Split(int index, long start, long end) {}

    /**
     * Reads rows into chunks; single-threaded. It takes the chunk's vectors afresh on each call:
     * the scan may swap a vector out of the chunk instead of copying its values.
     */
    interface RowReader extends AutoCloseable {
        /** Fills {@code out} (reset by the caller) with up to its capacity rows; false when done and nothing was added. */
        boolean next(DataChunk out);

        @Override
        void close();
    }
}
