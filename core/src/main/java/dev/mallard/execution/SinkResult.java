package dev.mallard.execution;

/** What a sink wants after consuming a chunk. */
public enum SinkResult {
    NEED_MORE_INPUT,
    /** The sink needs no more input: stop the pipeline early. */
    FINISHED
}
