package dev.mallard.function.table;

import dev.mallard.vector.DataChunk;
import java.util.function.Consumer;

/**
 * A reader that can read the columns a filter tests before the others, and the others only for
 * the rows the filter keeps. Java objects in a list are such a source: a row's fields are loads
 * from an object in memory, so a row a join filter drops early costs one field instead of all.
 * (A file's column chunks are decoded whole, so a file reader gains nothing from this.)
 */
public interface KeyFirstReader extends BoundTableFunction.Reader {
    /**
     * Reads the next rows as {@link #next(DataChunk)} does, but first only the columns
     * {@code keys} into {@code out} (dense, with its count set), then calls {@code filter}, which
     * may narrow {@code out} by a selection; the other columns are read for the rows it keeps.
     * {@code out} ends holding those rows, dense or through a selection. False when done.
     */
    boolean next(DataChunk out, int[] keys, Consumer<DataChunk> filter);
}
