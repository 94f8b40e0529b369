package dev.mallard.execution;

/**
 * State a source shares between all threads of one pipeline run (e.g. the next morsel to hand
 * out). Implementations must be thread-safe.
 */
public class GlobalSourceState {
    /** How many threads can usefully read this source at once. */
    public int maxThreads() {
        return 1;
    }

    /** Called once the pipeline has run, also after an error or an early end (LIMIT): releases files. */
    public void close() {}
}
