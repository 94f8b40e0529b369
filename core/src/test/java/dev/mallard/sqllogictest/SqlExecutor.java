package dev.mallard.sqllogictest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a record's SQL statement by statement through JDBC, cancelling any statement that runs
 * longer than the limit with {@link Statement#cancel()}.
 */
public final class SqlExecutor implements AutoCloseable {

    private final Duration timeout;
    private final ScheduledExecutorService watchdog;

    public SqlExecutor(Duration timeout) {
        this.timeout = timeout;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slt-statement-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs every statement of {@code sql}; stops at the first that does not succeed. */
    public Outcome execute(Connection connection, String sql) {
        List<String> statements = SqlSplitter.split(sql);
        Outcome last = new Outcome.Success(ResultTable.ofUpdateCount(-1));
        for (String statement : statements) {
            last = executeOne(connection, statement);
            if (!(last instanceof Outcome.Success)) {
                return last;
            }
        }
        return last;
    }

    private Outcome executeOne(Connection connection, String sql) {
        Statement statement;
        try {
            // A fresh statement each time: some drivers close a statement after it fails.
            statement = connection.createStatement();
        } catch (SQLException e) {
            return new Outcome.Error(e);
        } catch (RuntimeException | Error e) {
            return new Outcome.Crash(e);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> cancel = watchdog.schedule(() -> {
            timedOut.set(true);
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                // the statement will be reported as timed out either way
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            boolean hasResultSet = statement.execute(sql);
            ResultTable table = hasResultSet
                    ? ResultTable.read(statement.getResultSet())
                    : ResultTable.ofUpdateCount(statement.getUpdateCount());
            return timedOut.get() ? new Outcome.Timeout(timeout) : new Outcome.Success(table);
        } catch (SQLException e) {
            return timedOut.get() ? new Outcome.Timeout(timeout) : new Outcome.Error(e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | AssertionError e) {
            return timedOut.get() ? new Outcome.Timeout(timeout) : new Outcome.Crash(e);
        } finally {
            cancel.cancel(false);
            try {
                statement.close();
            } catch (SQLException | RuntimeException e) {
                // nothing to do
            }
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
