package dev.mallard.jdbc;

import dev.mallard.MallardException;
import dev.mallard.engine.QueryResult;
import dev.mallard.engine.StatementResult;
import dev.mallard.engine.UpdateResult;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * A JDBC statement. Each execution runs under the connection's lock; {@link #cancel()} and the
 * query timeout only raise the engine's cancel flag (without the lock), and only while this
 * statement is the one executing, so a late timer never cancels another statement.
 */
class MallardStatement implements Statement {
    /** One engine call: executing SQL text or a prepared statement with its parameters. */
    @FunctionalInterface
    interface EngineCall {
        StatementResult run();
    }

    final MallardConnection connection;
    private MallardResultSet result;
    private long updateCount = -1;
    private boolean closed;
    private boolean closeOnCompletion;
    private boolean poolable;
    private long maxRows;
    private int maxFieldSize;
    private int fetchSize;
    private int queryTimeout;
    private final List<String> batch = new ArrayList<>();
    private volatile boolean executing;
    private volatile boolean timedOut;
    private SQLWarning warnings;

    MallardStatement(MallardConnection connection) {
        this.connection = connection;
    }

    // ---- execution core -----------------------------------------------------------------------

    /** Runs one engine call; returns true when it produced rows (then {@link #getResultSet()} has them). */
    final boolean run(EngineCall call) throws SQLException {
        checkOpen();
        synchronized (connection.lock()) {
            connection.checkOpen();
            discardResult();
            connection.beforeStatement();
            timedOut = false;
            int timeout = queryTimeout;
            ScheduledFuture<?> timer = timeout > 0 ? QueryTimeouts.schedule(this::timeOut, timeout * 1000L) : null;
            executing = true;
            try {
                StatementResult r = call.run();
                return switch (r) {
                    case QueryResult q -> {
                        result = new MallardResultSet(this, connection.lock(), q, maxRows, maxFieldSize);
                        yield true;
                    }
                    case UpdateResult u -> {
                        updateCount = u.count();
                        yield false;
                    }
                };
            } catch (RuntimeException e) {
                throw translate(e);
            } finally {
                executing = false;
                if (timer != null) timer.cancel(false);
            }
        }
    }

    /** Engine errors of this statement; a cancel caused by the query timeout becomes SQLTimeoutException. */
    SQLException translate(RuntimeException e) {
        if (timedOut && e instanceof MallardException m && SqlExceptions.QUERY_CANCELED.equals(m.sqlState())) {
            return SqlExceptions.timeout(queryTimeout, e);
        }
        return SqlExceptions.of(e);
    }

    /**
     * Marks engine work of this statement in progress (execution, or fetching a later chunk of
     * its result) so {@link #cancel()} reaches it.
     */
    void setExecuting(boolean executing) {
        this.executing = executing;
    }

    private void timeOut() {
        if (executing) {
            timedOut = true;
            connection.context().cancel();
        }
    }

    private void discardResult() {
        if (result != null) {
            result.closeQuietly();
            result = null;
        }
        updateCount = -1;
    }

    /** A result set of this statement was closed by the user. */
    void resultClosed(MallardResultSet rs) throws SQLException {
        if (rs == result) result = null;
        if (closeOnCompletion && result == null) close();
    }

    boolean connectionClosed() {
        return connection.isClosed();
    }

    void checkOpen() throws SQLException {
        if (closed) throw SqlExceptions.statementClosed();
        connection.checkOpen();
    }

    private static SQLException noRows() {
        return new SQLException("the statement did not return rows; use executeUpdate() or execute()", "02000");
    }

    private static SQLException rowsReturned() {
        return new SQLException("the statement returned rows; use executeQuery() or execute()", "0100E");
    }

    final ResultSet queryResult(boolean hasRows) throws SQLException {
        if (!hasRows) throw noRows();
        return result;
    }

    final long updateResult(boolean hasRows) throws SQLException {
        if (hasRows) {
            discardResult();
            throw rowsReturned();
        }
        return updateCount;
    }

    static int toIntCount(long count) {
        return count > Integer.MAX_VALUE ? SUCCESS_NO_INFO : (int) count;
    }

    // ---- SQL text execution -------------------------------------------------------------------

    @Override
    public boolean execute(String sql) throws SQLException {
        if (sql == null) throw new SQLException("SQL must not be null", "HY009");
        return run(() -> connection.context().execute(sql));
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        return queryResult(execute(sql));
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return toIntCount(executeLargeUpdate(sql));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return updateResult(execute(sql));
    }

    // Generated keys are not reported yet: these run the statement and getGeneratedKeys() is empty.
    @Override public boolean execute(String sql, int autoGeneratedKeys) throws SQLException { return execute(sql); }
    @Override public boolean execute(String sql, int[] columnIndexes) throws SQLException { return execute(sql); }
    @Override public boolean execute(String sql, String[] columnNames) throws SQLException { return execute(sql); }
    @Override public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException { return executeUpdate(sql); }
    @Override public int executeUpdate(String sql, int[] columnIndexes) throws SQLException { return executeUpdate(sql); }
    @Override public int executeUpdate(String sql, String[] columnNames) throws SQLException { return executeUpdate(sql); }
    @Override public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException { return executeLargeUpdate(sql); }
    @Override public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException { return executeLargeUpdate(sql); }
    @Override public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException { return executeLargeUpdate(sql); }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        return MetadataTable.of("GENERATED_KEY:BIGINT").toResultSet();
    }

    // ---- batches ------------------------------------------------------------------------------

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        if (sql == null) throw new SQLException("SQL must not be null", "HY009");
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long[] counts = executeLargeBatch();
        int[] out = new int[counts.length];
        for (int i = 0; i < counts.length; i++) out[i] = toIntCount(counts[i]);
        return out;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<String> sqls = List.copyOf(batch);
        batch.clear();
        long[] counts = new long[sqls.size()];
        for (int i = 0; i < sqls.size(); i++) {
            String sql = sqls.get(i);
            counts[i] = batchItem(i, counts, () -> run(() -> connection.context().execute(sql)));
        }
        return counts;
    }

    /** A batch step returning whether it produced rows. */
    @FunctionalInterface
    interface BatchStep {
        boolean run() throws SQLException;
    }

    /** Runs one batch entry; a failure or a result with rows ends the batch with BatchUpdateException. */
    final long batchItem(int index, long[] counts, BatchStep step) throws BatchUpdateException {
        try {
            if (step.run()) {
                discardResult();
                throw new BatchUpdateException("batch entry " + (index + 1) + " returned rows; batches may only change data",
                        "0100E", 0, Arrays.copyOf(counts, index), (Throwable) null);
            }
            return updateCount;
        } catch (BatchUpdateException e) {
            throw e;
        } catch (SQLException e) {
            BatchUpdateException b = new BatchUpdateException("batch entry " + (index + 1) + " failed: " + e.getMessage(),
                    e.getSQLState(), e.getErrorCode(), Arrays.copyOf(counts, index), e);
            throw b;
        }
    }

    // ---- results ----------------------------------------------------------------------------------

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return result;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        return result != null ? -1 : updateCount < 0 ? -1 : toIntCount(updateCount);
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return result != null ? -1 : updateCount;
    }

    /** Each execution yields one result (the last statement's), so there is never a next one. */
    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        checkOpen();
        if (current != CLOSE_CURRENT_RESULT && current != KEEP_CURRENT_RESULT && current != CLOSE_ALL_RESULTS) {
            throw new SQLException("invalid getMoreResults argument " + current, "HY024");
        }
        if (current == KEEP_CURRENT_RESULT) result = null;
        else discardResult();
        updateCount = -1;
        return false;
    }

    // ---- options ----------------------------------------------------------------------------------

    @Override
    public void setMaxRows(int max) throws SQLException {
        setLargeMaxRows(max);
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        checkOpen();
        if (max < 0) throw new SQLException("max rows must be >= 0, got " + max, "HY024");
        maxRows = max;
    }

    @Override
    public int getMaxRows() throws SQLException {
        checkOpen();
        return (int) Math.min(maxRows, Integer.MAX_VALUE);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        if (max < 0) throw new SQLException("max field size must be >= 0, got " + max, "HY024");
        maxFieldSize = max;
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return maxFieldSize;
    }

    /** A hint only: results arrive in engine chunks whatever the fetch size. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) throw new SQLException("fetch size must be >= 0, got " + rows, "HY024");
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) throw SqlExceptions.unsupported("fetch directions other than FETCH_FORWARD");
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) throw new SQLException("query timeout must be >= 0, got " + seconds, "HY024");
        queryTimeout = seconds;
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    /**
     * Mallard does not rewrite JDBC escapes ({@code {fn ...}}, {@code {d '...'}}); SQL always runs
     * as written. Tools turn processing on by habit, so that is accepted with a warning, not refused.
     */
    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
        if (enable) addWarning(new SQLWarning("JDBC escape syntax is not processed; SQL runs as written", "01000"));
    }

    private void addWarning(SQLWarning w) {
        if (warnings == null) warnings = w;
        else warnings.setNextWarning(w);
    }

    @Override
    public void cancel() throws SQLException {
        checkOpen();
        if (executing) connection.context().cancel();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        warnings = null;
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        throw SqlExceptions.unsupported("named cursors");
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    /** Cancels this statement if another thread is running it, then releases its result. */
    @Override
    public void close() throws SQLException {
        if (closed) return;
        if (executing) connection.context().cancel();
        synchronized (connection.lock()) {
            closeQuietly();
        }
        connection.statementClosed(this);
    }

    /** Releases the statement's result; the caller holds the connection lock. */
    void closeQuietly() {
        closed = true;
        discardResult();
        batch.clear();
    }

    @Override
    public boolean isClosed() {
        return closed || connection.isClosed();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    /** A hint for statement pools; Mallard keeps no pool of its own. */
    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
        this.poolable = poolable;
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return poolable;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
