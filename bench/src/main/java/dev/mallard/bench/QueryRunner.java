package dev.mallard.bench;

import dev.mallard.sqllogictest.ResultTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one query with a time limit. The query runs on a worker thread; past the limit the
 * statement is cancelled, and if it still does not stop within a grace period the run is
 * abandoned and the engine marked stuck, so no later measurement shares the CPU with it.
 */
final class QueryRunner implements AutoCloseable {
    private static final long GRACE_SECONDS = 10;

    /** One execution: its wall time and answer, or why there is none. */
    record Outcome(double millis, ResultTable answer, String failure, boolean timedOut) {}

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bench-query");
        t.setDaemon(true);
        return t;
    });
    private boolean stuck;

    boolean stuck() {
        return stuck;
    }

    /** What runs on the worker: one statement, timed from its start to its answer read in full. */
    private interface Work {
        ResultTable apply(Statement st) throws SQLException;
    }

    /** A query: its result set, read in full. */
    Outcome run(Connection c, String sql, int timeoutSeconds) {
        return timed(c, timeoutSeconds, st -> {
            try (ResultSet rs = st.executeQuery(sql)) {
                return ResultTable.read(rs);
            }
        });
    }

    /**
     * Any statement (a {@code CREATE TABLE ... AS}, say): its result set if it returns one, else its
     * update count, since the drivers disagree on which one such statements return.
     */
    Outcome execute(Connection c, String sql, int timeoutSeconds) {
        return timed(c, timeoutSeconds, st -> {
            if (!st.execute(sql)) return ResultTable.ofUpdateCount(st.getUpdateCount());
            try (ResultSet rs = st.getResultSet()) {
                return ResultTable.read(rs);
            }
        });
    }

    /**
     * Java code that answers a query ({@link Contender}s that are not JDBC databases), timed like a
     * statement. It has no statement to cancel (a stream ignores interrupts): past the limit it gets
     * the grace period to finish, and is then abandoned with the runner marked stuck.
     */
    Outcome call(Callable<ResultTable> work, int timeoutSeconds) {
        Future<Outcome> f = worker.submit(() -> {
            long start = System.nanoTime();
            ResultTable answer = work.call();
            return new Outcome((System.nanoTime() - start) / 1e6, answer, null, false);
        });
        return await(f, () -> { }, timeoutSeconds);
    }

    private Outcome timed(Connection c, int timeoutSeconds, Work work) {
        Statement[] holder = new Statement[1];
        Future<Outcome> f = worker.submit(() -> {
            try (Statement st = c.createStatement()) {
                holder[0] = st;
                long start = System.nanoTime();
                ResultTable answer = work.apply(st);
                return new Outcome((System.nanoTime() - start) / 1e6, answer, null, false);
            } catch (SQLException e) {
                return new Outcome(0, null, e.getMessage(), false);
            }
        });
        return await(f, () -> cancel(holder[0]), timeoutSeconds);
    }

    /** The outcome of {@code f}; past the limit, {@code cancel} and a grace period, then the runner is stuck. */
    private Outcome await(Future<Outcome> f, Runnable cancel, int timeoutSeconds) {
        try {
            return f.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            cancel.run();
            try {
                f.get(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                stuck = true;
            } catch (InterruptedException | ExecutionException ignored) {
                // cancelled: that is the point
            }
            return new Outcome(0, null, "over " + timeoutSeconds + " s", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, null, "interrupted", false);
        } catch (ExecutionException e) {
            return new Outcome(0, null, String.valueOf(e.getCause()), false);
        }
    }

    private static void cancel(Statement st) {
        if (st == null) return;
        try {
            st.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // the grace period decides
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
