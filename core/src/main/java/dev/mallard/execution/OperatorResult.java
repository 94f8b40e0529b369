package dev.mallard.execution;

/** What a streaming operator wants after one {@code execute} call. */
public enum OperatorResult {
    /** Done with this input chunk; send the next. */
    NEED_MORE_INPUT,
    /** More output for the same input chunk: call again with it. */
    HAVE_MORE_OUTPUT,
    /** No more output will ever come (LIMIT reached): stop the pipeline. */
    FINISHED
}
