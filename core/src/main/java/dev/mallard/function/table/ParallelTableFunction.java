package dev.mallard.function.table;

import dev.mallard.storage.TableFilter;
import java.util.List;

/**
 * A table function whose rows come in independent pieces (files, their row groups, byte ranges
 * of a CSV file) that the threads of a scan read at once. It can read only some of its columns
 * ({@link #project}) and leave out pieces that pushed-down filters rule out.
 */
public interface ParallelTableFunction extends BoundTableFunction {
    /**
     * Starts one scan. {@code filters} refer to this function's columns (indexes into
     * {@link #columnNames()}); rows they rule out may still come (the scan filters again).
     */
    Source start(int threads, List<TableFilter> filters);

    /** The same function reading only {@code columns} (indexes into {@link #columnNames()}), in that order. */
    ParallelTableFunction project(int[] columns);

    /**
     * Whether its readers are {@link KeyFirstReader}s: then a row a join filter drops saves reading
     * its other columns too, and a filter is worth applying even when it keeps most rows.
     */
    default boolean readsKeysFirst() {
        return false;
    }

    /** Reads every piece in order on the calling thread. */
    @Override
    default Reader open() {
        Source source = start(1, List.of());
        return new Reader() {
            private Piece piece;

            @Override
            public boolean next(dev.mallard.vector.DataChunk out) {
                while (true) {
                    if (piece == null) {
                        piece = source.next();
                        if (piece == null) {
                            source.close();
                            return false;
                        }
                    }
                    if (piece.reader().next(out)) return true;
                    piece.reader().close();
                    piece = null;
                }
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    /** Hands out the pieces of one scan to its threads. Thread-safe. */
    interface Source extends AutoCloseable {
        /** The next piece, or null when none is left. Pieces come numbered in the function's row order. */
        Piece next();

        /** Pieces skipped by filters, for EXPLAIN ANALYZE ("3 of 12 files read"). */
        default String summary() {
            return "";
        }

        /** Closes the readers still open (a LIMIT or an error ended the scan early). */
        @Override
        void close();
    }

    /** A piece and its reader; {@code ordinal} orders pieces (and so rows) as the function lists them. */
    record Piece(long ordinal, Reader reader) {}
}
