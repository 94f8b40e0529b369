package dev.mallard.execution;

/** Whether a source may produce more chunks for this thread. */
public enum SourceResult {
    HAVE_MORE_OUTPUT,
    FINISHED
}
