package dev.mallard.execution;

/** One thread's reading position in a source (e.g. its current morsel). */
public class LocalSourceState {
    /**
     * Index of the morsel the last chunk came from. Indexes grow with the source's natural order,
     * so sinks that must keep input order (results, sorts) can restore it after a parallel run.
     */
    public long batchIndex;
}
