package dev.mallard.storage.compress;

/**
 * Reads back the values of one {@link IntegerEncoding}, in order, a chunk at a time: callers
 * narrow each chunk into the array their segment keeps (see {@link IntegerArrays}), so a whole
 * segment never needs a {@code long[]} of its own.
 */
@FunctionalInterface
public interface IntegerDecoder {
    /** Writes the next {@code count} values to {@code out[pos..pos+count)}. */
    void next(long[] out, int pos, int count);
}
