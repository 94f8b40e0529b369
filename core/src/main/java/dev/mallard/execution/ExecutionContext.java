package dev.mallard.execution;

import dev.mallard.MallardException;
import java.util.function.BooleanSupplier;

/**
 * What one query execution may use: how many threads, and how to tell that it should stop.
 * Operators call {@link #checkInterrupted()} once per chunk. The context is shared by all the
 * query's worker threads, so everything here is thread-safe.
 */
public final class ExecutionContext {
    private final int threads;
    private final BooleanSupplier cancelled;
    /** Set when a worker failed: the others stop at their next check. */
    private volatile boolean aborted;

    public ExecutionContext(int threads, BooleanSupplier cancelled) {
        this.threads = Math.max(1, threads);
        this.cancelled = cancelled == null ? () -> false : cancelled;
    }

    /** A single-threaded context that is never cancelled (tests, constant folding). */
    public static ExecutionContext singleThreaded() {
        return new ExecutionContext(1, () -> false);
    }

    /** Upper bound on worker threads for one pipeline. */
    public int threads() {
        return threads;
    }

    /** Throws {@link MallardException.Interrupted} when the query was cancelled or another worker failed. */
    public void checkInterrupted() {
        if (aborted || cancelled.getAsBoolean()) throw new MallardException.Interrupted("Query was cancelled");
    }

    /** True once {@link #abort()} was called. */
    public boolean isAborted() {
        return aborted;
    }

    /** Makes every worker stop at its next {@link #checkInterrupted()} (used when one worker fails). */
    void abort() {
        aborted = true;
    }
}
