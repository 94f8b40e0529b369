package dev.mallard.api.table;

import dev.mallard.MallardException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the table API keeps per open database: its connections, its dialect, and the write lock.
 *
 * <p>Writes through the API run one at a time per database. A write may change the schema (a new
 * table, a new column, a wider type) before it writes rows; two threads doing that at once would
 * both try to add the same column, and snapshot isolation turns such races into errors. Holding
 * the lock for the length of one call makes five threads inserting into a new table simply work,
 * and costs little: a call is one or a few statements.
 */
public final class TableStore implements AutoCloseable {
    /** How long a write waits for another thread's write before giving up with an error. */
    private static final long LOCK_WAIT_SECONDS = 60;

    /**
     * The write lock and key counters of one database, shared by every Database object open on it
     * in this JVM (two {@code Mallard.open("x.db")} share the engine's database, so they must share
     * who writes and which keys are taken). Weak: they go when the database does.
     */
    private record Shared(ReentrantLock writeLock, KeyCounters keys) {}

    private static final Map<Object, Shared> SHARED = Collections.synchronizedMap(new WeakHashMap<>());

    final Dialect dialect;
    final ConnectionPool pool;
    final KeyCounters keys;
    private final ReentrantLock writeLock;
    final AutoCommitScope autoCommit;

    private TableStore(Dialect dialect, Callable<Connection> opener, Object database) {
        this.dialect = dialect;
        this.pool = new ConnectionPool(opener);
        Shared shared = SHARED.computeIfAbsent(database, d -> new Shared(new ReentrantLock(), new KeyCounters()));
        this.writeLock = shared.writeLock();
        this.keys = shared.keys();
        this.autoCommit = new AutoCommitScope(this);
    }

    /**
     * The store of an embedded Mallard database ({@code database}: the engine's database object,
     * shared by all its openers), reached through connections that {@code opener} makes.
     */
    public static TableStore mallard(Callable<Connection> opener, Object database) {
        return new TableStore(new MallardDialect(), opener, database);
    }

    /**
     * The server numbers rows itself, and other processes reach it too, so a lock of this JVM could
     * not cover them all: each Database object keeps its own, and PostgreSQL's locks order the rest
     * (two processes creating one table at once: one gets an error and may retry).
     */
    static TableStore postgres(Callable<Connection> opener) {
        return new TableStore(new PostgresDialect(), opener, new Object());
    }

    /** A table of this database, each call committing on its own. */
    public Table table(String name, TableOptions options) {
        return new Table(autoCommit, name, options);
    }

    public java.util.List<String> tables() {
        return autoCommit.read(dialect::tables);
    }

    public Transaction begin() {
        try {
            return new Transaction(new TransactionScope(this));
        } catch (SQLException e) {
            throw Errors.of(e);
        }
    }

    void lock() {
        try {
            if (!writeLock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new MallardException("55P03", "waited " + LOCK_WAIT_SECONDS + " s for another write of this database to end;"
                        + " a transaction left open (db.begin() without commit or close) holds writers up");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MallardException.Interrupted("interrupted while waiting for another write to end");
        }
    }

    void unlock() {
        writeLock.unlock();
    }

    static void quietly(Connection c, SqlWork<Void> action) {
        try {
            action.run(c);
        } catch (SQLException | RuntimeException e) {
            // cleaning up after an error that is being reported already
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
