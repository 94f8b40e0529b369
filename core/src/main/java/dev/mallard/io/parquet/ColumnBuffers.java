package dev.mallard.io.parquet;

/**
 * The working arrays of one projected column, kept by a row reader from one row group to the
 * next and returned to {@link ReadBuffers} when it closes: the compressed chunk, the page it
 * decompresses into, decoded dictionary indexes and levels. A column reader asks for them at the
 * length a page needs; an outgrown array goes back to the pool for a larger one.
 */
final class ColumnBuffers {
    byte[] chunk;
    byte[] page;
    int[] indexes;
    int[] defs;
    int[] reps;

    byte[] page(int length) {
        return page = ReadBuffers.atLeast(page, length);
    }

    int[] indexes(int length) {
        return indexes = ReadBuffers.atLeast(indexes, length);
    }

    int[] defs(int length) {
        return defs = ReadBuffers.atLeast(defs, length);
    }

    int[] reps(int length) {
        return reps = ReadBuffers.atLeast(reps, length);
    }

    /** Gives every array back to the pool; the holder is empty afterwards and may be used again. */
    void release() {
        ReadBuffers.give(chunk);
        ReadBuffers.give(page);
        ReadBuffers.give(indexes);
        ReadBuffers.give(defs);
        ReadBuffers.give(reps);
        chunk = page = null;
        indexes = defs = reps = null;
    }
}
