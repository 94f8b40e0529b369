package dev.mallard.engine;

import java.util.List;

/**
 * One connection's session: its settings, its transaction and the statement running on it.
 * Safe to call from several threads: statements on one connection run one at a time.
 */
public final class ClientContext implements AutoCloseable {
    private final DatabaseInstance database;
    private volatile boolean closed;

    ClientContext(DatabaseInstance database) {
        this.database = database;
    }

    public DatabaseInstance database() {
        return database;
    }

    /** Runs every statement of {@code sql} in order; returns the last one's result. */
    public StatementResult execute(String sql) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Parses one statement with parameters for repeated execution. */
    public PreparedQuery prepare(String sql) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Cancels the statement running on this connection, if any; it fails with SQLSTATE 57014. */
    public void cancel() {
        throw new UnsupportedOperationException("TODO");
    }

    public boolean autoCommit() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Turning autocommit off starts a transaction; turning it on commits the open one. */
    public void setAutoCommit(boolean autoCommit) {
        throw new UnsupportedOperationException("TODO");
    }

    public void commit() {
        throw new UnsupportedOperationException("TODO");
    }

    public void rollback() {
        throw new UnsupportedOperationException("TODO");
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        database.connectionClosed();
    }
}
