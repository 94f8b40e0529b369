package dev.mallard.execution;

/** One thread's partial sink result, combined into the global state when the thread is done. */
public class LocalSinkState {
    /**
     * Batch index of the chunk being sunk: the source's morsel index, offset by the pipeline's
     * position, so order-preserving sinks can put chunks of parallel threads back in order.
     */
    public long batchIndex;
}
