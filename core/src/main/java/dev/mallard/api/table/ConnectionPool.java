package dev.mallard.api.table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Idle JDBC connections of one database, so that a call does not pay for a new connection (a
 * PostgreSQL login takes milliseconds). Each call takes one, uses it alone, and gives it back; a
 * connection that failed in a way that may have broken it is closed instead.
 */
final class ConnectionPool implements AutoCloseable {
    private static final int MAX_IDLE = 8;
    private final java.util.concurrent.Callable<Connection> opener;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    ConnectionPool(java.util.concurrent.Callable<Connection> opener) {
        this.opener = opener;
    }

    Connection take() throws SQLException {
        if (closed) throw new SQLException("the database is closed", "08003");
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            if (!c.isClosed()) return c;
        }
        try {
            return opener.call();
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("could not connect: " + e, "08001", e);
        }
    }

    /** Takes back a connection in autocommit mode with nothing open on it. */
    void give(Connection c) {
        try {
            if (closed || c.isClosed() || !c.getAutoCommit() || idle.size() >= MAX_IDLE) {
                c.close();
                return;
            }
        } catch (SQLException e) {
            discard(c);
            return;
        }
        idle.offerFirst(c);
        if (closed) close(); // closed while giving back: do not leave it open
    }

    void discard(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // it is being thrown away because it failed already
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) discard(c);
    }
}
