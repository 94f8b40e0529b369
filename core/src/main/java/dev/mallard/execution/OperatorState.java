package dev.mallard.execution;

import dev.mallard.vector.DataChunk;

/**
 * One thread's state of a streaming operator. After each {@code execute} call, {@link #output}
 * holds the chunk produced by that call (possibly the input's vectors under a new selection),
 * valid until the next call; null or an empty chunk means no rows.
 */
public class OperatorState {
    public DataChunk output;
}
