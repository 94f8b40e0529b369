package dev.mallard.execution;

import dev.mallard.MallardException;
import dev.mallard.execution.join.JoinFilter;
import dev.mallard.execution.join.JoinFilterSlot;
import dev.mallard.storage.Snapshot;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * What one query execution may use: how many threads, and how to tell that it should stop.
 * Operators call {@link #checkInterrupted()} once per chunk. The context is shared by all the
 * query's worker threads, so everything here is thread-safe.
 */
public final class ExecutionContext {
    private final int threads;
    private final BooleanSupplier cancelled;
    /** Which row versions table scans read. */
    private final Snapshot snapshot;
    /** Set when a worker failed: the others stop at their next check. */
    private volatile boolean aborted;
    /** Filters published by finished join builds for the scans on their probe sides. */
    private final Map<JoinFilterSlot, JoinFilter> joinFilters =
            new ConcurrentHashMap<>();
    /** Rows of base tables that scans skipped unread because zone maps ruled out their row groups. */
    private final LongAdder rowsSkipped = new LongAdder();

    public ExecutionContext(int threads, BooleanSupplier cancelled, Snapshot snapshot) {
        this.threads = Math.max(1, threads);
        this.cancelled = cancelled == null ? () -> false : cancelled;
        this.snapshot = snapshot;
    }

    public ExecutionContext(int threads, BooleanSupplier cancelled) {
        this(threads, cancelled, Snapshot.LATEST);
    }

    /** A single-threaded context that is never cancelled (tests, constant folding). */
    public static ExecutionContext singleThreaded() {
        return new ExecutionContext(1, () -> false);
    }

    /** The row versions this execution reads: its transaction's snapshot. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Upper bound on worker threads for one pipeline. */
    public int threads() {
        return threads;
    }

    /** Throws {@link MallardException.Interrupted} when the query was cancelled or another worker failed. */
    public void checkInterrupted() {
        if (aborted || cancelled.getAsBoolean()) throw new MallardException.Interrupted("Query was cancelled");
    }

    /** Publishes a join's filter for the scans that read it (see {@link JoinFilterSlot}). */
    public void publishJoinFilter(JoinFilterSlot slot, JoinFilter filter) {
        joinFilters.put(slot, filter);
    }

    /** The filter published under {@code slot}, or null when there is none (yet): then nothing is filtered. */
    public JoinFilter joinFilter(JoinFilterSlot slot) {
        return joinFilters.get(slot);
    }

    /** Counts rows a scan skipped on zone maps (EXPLAIN ANALYZE reports the total). */
    public void addRowsSkipped(long rows) {
        rowsSkipped.add(rows);
    }

    /** Rows the query's scans skipped on zone maps so far. */
    public long rowsSkipped() {
        return rowsSkipped.sum();
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
