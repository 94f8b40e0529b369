package dev.mallard.api.table;

import dev.mallard.MallardException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The calls of one {@link Transaction}, all on one connection in one database transaction. A call
 * that fails leaves the transaction able only to roll back (PostgreSQL aborts it anyway, and a
 * caller who goes on after an error would commit half of what they meant).
 */
final class TransactionScope implements Scope {
    private enum State { OPEN, FAILED, ENDED }

    private final TableStore store;
    private final Connection connection;
    private State state = State.OPEN;

    TransactionScope(TableStore store) throws SQLException {
        this.store = store;
        this.connection = store.pool.take();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            store.pool.discard(connection);
            throw e;
        }
    }

    @Override
    public TableStore store() {
        return store;
    }

    @Override
    public synchronized <T> T write(SqlWork<T> work) {
        requireOpen();
        store.lock();
        try {
            return work.run(connection);
        } catch (SQLException | RuntimeException e) {
            state = State.FAILED;
            throw Errors.of(e);
        } finally {
            store.unlock();
        }
    }

    @Override
    public synchronized Lease lease() {
        requireOpen();
        return new Lease() {
            @Override
            public Connection connection() {
                return connection;
            }

            @Override
            public void close() {
                // the transaction keeps its connection until it ends
            }
        };
    }

    private void requireOpen() {
        switch (state) {
            case OPEN -> { }
            case FAILED -> throw new MallardException.Transaction("an earlier call of this transaction failed, so it can only be"
                    + " rolled back: close it (or call rollback()) and start again");
            case ENDED -> throw new MallardException.Transaction("this transaction has ended (committed or rolled back); start a new one with db.begin()");
        }
    }

    synchronized void commit() {
        requireOpen();
        try {
            connection.commit();
            state = State.ENDED;
            connection.setAutoCommit(true);
            store.pool.give(connection);
        } catch (SQLException e) {
            state = State.ENDED;
            TableStore.quietly(connection, c -> {
                c.rollback();
                return null;
            });
            store.pool.discard(connection);
            throw Errors.of(e);
        }
    }

    synchronized void rollback() {
        if (state == State.ENDED) return;
        state = State.ENDED;
        try {
            connection.rollback();
            connection.setAutoCommit(true);
            store.pool.give(connection);
        } catch (SQLException e) {
            store.pool.discard(connection);
            throw Errors.of(e);
        }
    }

    synchronized boolean ended() {
        return state == State.ENDED;
    }
}
