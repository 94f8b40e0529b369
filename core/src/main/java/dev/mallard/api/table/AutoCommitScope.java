package dev.mallard.api.table;

import java.sql.Connection;
import java.sql.SQLException;

/** Each call in a transaction of its own, committed when the call succeeds and rolled back when it fails. */
final class AutoCommitScope implements Scope {
    private final TableStore store;

    AutoCommitScope(TableStore store) {
        this.store = store;
    }

    @Override
    public TableStore store() {
        return store;
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        store.lock();
        Connection c = null;
        try {
            c = store.pool.take();
            c.setAutoCommit(false);
            T result = work.run(c);
            c.commit();
            c.setAutoCommit(true);
            store.pool.give(c);
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            if (c != null) {
                Connection failed = c;
                TableStore.quietly(failed, x -> {
                    x.rollback();
                    return null;
                });
                // a failure may have left the connection in any state: the next call gets a fresh one
                store.pool.discard(failed);
            }
            if (e instanceof Error err) throw err;
            throw Errors.of(e);
        } finally {
            store.unlock();
        }
    }

    @Override
    public Lease lease() {
        try {
            Connection c = store.pool.take();
            return new Lease() {
                @Override
                public Connection connection() {
                    return c;
                }

                @Override
                public void close() {
                    store.pool.give(c);
                }
            };
        } catch (SQLException e) {
            throw Errors.of(e);
        }
    }
}
