package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.catalog.Catalog;
import dev.mallard.storage.RowVersions;
import dev.mallard.storage.Snapshot;
import dev.mallard.storage.file.FileLayer;
import dev.mallard.storage.file.WriteAheadLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One database: its catalog and storage, shared by all connections to it. In-memory databases are
 * private unless opened by name ({@code jdbc:mallard:memory:name}), in which case every opener in
 * the JVM gets the same instance while any connection to it is open. A database file is opened
 * once per JVM in the same way: connections share the instance, and the last one to close
 * checkpoints it and releases the file.
 */
public final class DatabaseInstance {
    private static final ConcurrentHashMap<String, DatabaseInstance> SHARED = new ConcurrentHashMap<>();
    private static final Map<Path, DatabaseInstance> FILES = new ConcurrentHashMap<>();
    /** How long a transaction waits for another to finish writing before it gives up. */
    private static final long WRITER_WAIT_MILLIS = 5_000;
    /** Log size past which a commit checkpoints (DuckDB's wal_autocheckpoint). */
    static final long DEFAULT_WAL_LIMIT = 16L << 20;

    private final Catalog catalog = new Catalog();
    private final TableIndexes indexes = new TableIndexes();
    /** CREATE INDEX names (lower case) → table name; only UNIQUE indexes change behaviour. */
    private final Map<String, String> indexNames = new ConcurrentHashMap<>();
    private final String sharedName;
    /** The database file, or null for an in-memory database. */
    private final DatabaseFile file;
    private int openConnections;
    private boolean closed;
    /** While the file's log is replayed at open: changes are not logged again. */
    private boolean recovering;
    private volatile long walLimit = DEFAULT_WAL_LIMIT;
    private volatile boolean checkpointOnClose = true;
    /** PRAGMA synchronous: whether COMMIT waits for the log to reach the disk (fsync). */
    private volatile boolean syncCommits = true;
    /** Statements hold it shared; DDL holds it exclusively, so no statement sees a catalog change half made. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /**
     * Writer permits: a transaction that changes rows holds one from its first change to its end;
     * one that changes the schema holds all of them: schema changes run alone, so the catalog has at
     * most one transaction's pending versions and rows are never written through two definitions.
     */
    private final Semaphore writers = new Semaphore(WRITER_PERMITS, true);
    private static final int WRITER_PERMITS = 1 << 20;
    /** One statement changes rows at a time, and commits stamp their versions one at a time. */
    private final java.util.concurrent.locks.ReentrantLock rowWriter = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.atomic.AtomicLong nextTransaction = new java.util.concurrent.atomic.AtomicLong(RowVersions.TRANSACTION_BASE);
    /** The last commit id handed out; snapshots see commits up to theirs. Guarded by {@link #running}. */
    private volatile long lastCommit;
    /** Transactions that have taken a snapshot and not ended, oldest first. */
    private final java.util.Set<Transaction> running = new java.util.LinkedHashSet<>();

    private DatabaseInstance(String sharedName, DatabaseFile file) {
        this.sharedName = sharedName;
        this.file = file;
    }

    /** A new private in-memory database. */
    public static DatabaseInstance inMemory() {
        return new DatabaseInstance(null, null);
    }

    /** The in-memory database of this name, created on first use. */
    public static DatabaseInstance shared(String name) {
        return SHARED.computeIfAbsent(name, n -> new DatabaseInstance(n, null));
    }

    /** Connects to the database file at {@code path}, opening (or creating) it unless this JVM has it open. */
    public static ClientContext connect(Path path, boolean readOnly) {
        return connect(path, readOnly, FileLayer.LOCAL);
    }

    /** As {@link #connect(Path, boolean)}, with the file layer tests use to inject failures. */
    public static ClientContext connect(Path path, boolean readOnly, FileLayer layer) {
        Path key = path.toAbsolutePath().normalize();
        synchronized (FILES) {
            DatabaseInstance db = FILES.get(key);
            if (db != null && db.file.readOnly() != readOnly) {
                throw new MallardException("55P03", "database file " + key + " is already open in this process "
                        + (readOnly ? "for writing" : "read-only") + "; open it the same way, or close the other connections first");
            }
            if (db == null) {
                // A read-only open reads while another process may write: a checkpoint there can
                // reuse or cut off blocks under the reader. Such a failure goes away on a second read.
                for (int attempt = 1; ; attempt++) {
                    db = new DatabaseInstance(null, DatabaseFile.open(key, readOnly, layer));
                    try {
                        db.recover();
                        break;
                    } catch (RuntimeException e) {
                        db.file.close();
                        if (!readOnly || attempt == 3 || !(e instanceof MallardException.Storage)) throw e;
                    }
                }
                FILES.put(key, db);
            }
            return db.connect();
        }
    }

    /** Loads the last checkpoint, replays the log after it, and (when writable) checkpoints the result. */
    private void recover() {
        recovering = true;
        // Not counted as a connection, and never closed: closing it must not close the database.
        ClientContext loader = new ClientContext(this);
        try {
            List<List<WriteAheadLog.Entry>> log = file.load(loader::execute, catalog, indexNames);
            RedoReplay replay = new RedoReplay(catalog, loader::execute, file.path() + ".wal");
            for (List<WriteAheadLog.Entry> transaction : log) replay.apply(transaction);
            indexes.invalidateAll();
            if (!log.isEmpty() && !file.readOnly()) file.checkpoint(catalog, indexNames, Snapshot.committed(lastCommit), horizon());
        } finally {
            recovering = false;
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    Map<String, String> indexNames() {
        return indexNames;
    }

    TableIndexes indexes() {
        return indexes;
    }

    public ReentrantReadWriteLock lock() {
        return lock;
    }

    /** The database file, or null in memory. */
    public Path path() {
        return file == null ? null : file.path();
    }

    /** A transaction that logs its changes when the database has a file to make them durable in. */
    Transaction newTransaction() {
        return new Transaction(nextTransaction.incrementAndGet(),
                file == null || file.readOnly() || recovering ? null : new RedoLog(walLimit));
    }

    /**
     * The transaction's snapshot, taken at its first statement (as PostgreSQL's REPEATABLE READ
     * does): every commit before it, none after, and the transaction's own changes.
     */
    Snapshot snapshot(Transaction tx) {
        if (tx.start < 0) {
            synchronized (running) {
                tx.start = lastCommit;
                running.add(tx);
            }
        }
        return Snapshot.of(tx.start, tx.id());
    }

    /** The catalog as {@code tx} sees it, or as committed when there is no transaction. */
    dev.mallard.catalog.CatalogReader catalogFor(Transaction tx) {
        return catalog.at(tx == null ? Snapshot.committed(lastCommit) : snapshot(tx));
    }

    /**
     * DDL changes the newest catalog: a transaction whose snapshot predates a committed schema
     * change would decide on definitions it cannot see, so it must retry (serialization error).
     */
    void requireCurrentSchema(Transaction tx) {
        snapshot(tx);
        if (catalog.lastChange() > tx.start) {
            throw new MallardException("40001", "the schema was changed by a transaction that committed after this one started;"
                    + " roll back and retry the schema change");
        }
    }

    /** Commit id up to which every running transaction sees all changes. */
    private long horizon() {
        synchronized (running) {
            long h = lastCommit;
            for (Transaction t : running) h = Math.min(h, t.start);
            return h;
        }
    }

    /** The lock a statement holds while it runs: shared, or exclusive for DDL. */
    java.util.concurrent.locks.Lock statementLock(boolean ddl) {
        return ddl ? lock.writeLock() : lock.readLock();
    }

    /** Held while a statement changes rows (see {@link #rowWriter}). */
    java.util.concurrent.locks.ReentrantLock rowWriter() {
        return rowWriter;
    }

    /**
     * Called before a transaction's first change: takes a writer permit, or all of them for DDL
     * (waiting for transactions with uncommitted changes to end). Writers to different rows run
     * side by side; the same row written twice is a serialization error ({@link RowVersions}).
     */
    void beginWrite(Transaction tx, boolean ddl) {
        if (file != null && file.readOnly() && !recovering) {
            throw new MallardException("25006", "cannot change database " + file.path() + ": it is open read-only");
        }
        int need = ddl ? WRITER_PERMITS - tx.permits : tx.permits > 0 ? 0 : 1;
        if (need == 0) return;
        try {
            if (!writers.tryAcquire(need, WRITER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new MallardException("40001", ddl
                        ? "could not change the schema: other transactions have had uncommitted changes for " + WRITER_WAIT_MILLIS / 1000
                                + " s; schema changes wait for them to commit or roll back, so end them and retry"
                        : "could not write: a transaction changing the schema has been running for " + WRITER_WAIT_MILLIS / 1000
                                + " s; commit or roll it back, then retry");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MallardException.Interrupted("interrupted while waiting to write");
        }
        tx.permits += need;
    }

    private void end(Transaction tx) {
        synchronized (running) {
            running.remove(tx);
        }
        if (tx.permits > 0) {
            writers.release(tx.permits);
            tx.permits = 0;
        }
    }

    /**
     * Makes a transaction's changes permanent: for a database file they are appended to the log
     * and synced before this returns. If that fails, the transaction is rolled back and the error
     * thrown: nothing is half-committed.
     */
    void commit(Transaction tx) {
        if (tx.permits == 0) { // read only: nothing to log or stamp
            end(tx);
            return;
        }
        rowWriter.lock();
        try {
            RedoLog redo = tx.redo();
            boolean checkpointDue = false;
            if (file != null && redo != null) {
                if (redo.overflowed()) {
                    // a bulk change: the checkpoint holds it, once (its own rows included, not yet stamped)
                    file.checkpoint(catalog, indexNames, Snapshot.of(lastCommit, tx.id()), horizon());
                } else if (!redo.isEmpty()) {
                    file.log(redo.entries(), syncCommits);
                    checkpointDue = file.logSize() > walLimit;
                }
            }
            long horizon;
            synchronized (running) {
                long commit = lastCommit + 1;
                tx.commit(commit);
                lastCommit = commit; // after the stamps: a snapshot that includes this commit sees them
                running.remove(tx);
            }
            horizon = horizon();
            // Settle the tables in the catalog, not the ones the changes were made to: an ALTER
            // TABLE later in the transaction replaced those with copies that share their versions.
            for (var e : catalog.entries()) if (e instanceof dev.mallard.catalog.TableEntry t) t.storage().settle(horizon);
            catalog.prune(horizon);
            if (checkpointDue) {
                try {
                    file.checkpoint(catalog, indexNames, Snapshot.committed(lastCommit), horizon());
                } catch (MallardException e) {
                    // The commit is durable in the log; the next checkpoint retries.
                }
            }
        } catch (RuntimeException e) {
            tx.rollbackTo(Transaction.START, this);
            throw e;
        } finally {
            rowWriter.unlock();
            end(tx);
        }
    }

    /** Undoes all of a transaction's changes. */
    void rollback(Transaction tx) {
        rowWriter.lock();
        try {
            tx.rollbackTo(Transaction.START, this);
        } finally {
            rowWriter.unlock();
            end(tx);
        }
    }

    /** Undoes what a failed statement changed, keeping the transaction's earlier work. */
    void rollbackStatement(Transaction tx, Transaction.Mark mark) {
        rowWriter.lock();
        try {
            tx.rollbackTo(mark, this);
        } finally {
            rowWriter.unlock();
        }
    }

    /** CHECKPOINT: writes the database file and empties its log (nothing to do in memory). */
    void checkpoint(Transaction tx) {
        if (file == null || file.readOnly()) return;
        if (tx.changedRows() || tx.redo() != null && !tx.redo().isEmpty()) {
            throw new MallardException.Transaction("cannot CHECKPOINT in a transaction that has changed the database; commit first");
        }
        beginWrite(tx, false); // no schema change is under way while we hold a permit
        rowWriter.lock();
        try {
            file.checkpoint(catalog, indexNames, Snapshot.committed(lastCommit), horizon());
        } finally {
            rowWriter.unlock();
        }
    }

    /** The blocks the file's checkpoint in force occupies (tests aim damage at them). */
    java.util.Set<Long> usedBlocks() {
        return file == null ? java.util.Set.of() : file.usedBlocks();
    }

    /** PRAGMA integrity_check: "ok", or one line per problem. */
    List<String> integrityCheck() {
        return IntegrityCheck.run(this, file);
    }

    /** SET wal_autocheckpoint: the log size past which a commit checkpoints. */
    void setWalLimit(long bytes) {
        walLimit = bytes;
    }

    /**
     * PRAGMA synchronous = off | normal | full. Off: COMMIT returns once the log is written to the
     * operating system, without waiting for the disk: a crash of the process loses nothing, a
     * crash of the machine may lose the last commits (never consistency).
     */
    void setSyncCommits(boolean sync) {
        syncCommits = sync;
    }

    boolean syncCommits() {
        return syncCommits;
    }

    /** PRAGMA disable_checkpoint_on_shutdown: closing leaves the log to be replayed at the next open. */
    void setCheckpointOnClose(boolean checkpoint) {
        checkpointOnClose = checkpoint;
    }

    /** Bytes of the database file and its log, of file segments in memory, and the memory limit (0 in memory). */
    long[] fileSizes() {
        if (file == null) return new long[] {0, 0, 0, 0};
        return new long[] {file.size(), file.logSize(), file.buffers().used(), file.buffers().limit()};
    }

    /** SET memory_limit: segments read from the database file beyond it are dropped, least used first. */
    void setMemoryLimit(long bytes) {
        if (file != null) file.buffers().setLimit(bytes);
    }

    /** Opens a new connection (session). */
    public ClientContext connect() {
        return connect(new Settings());
    }

    /** Opens a new connection with these settings (shared with another session: {@link ClientContext#newSession()}). */
    ClientContext connect(Settings settings) {
        synchronized (FILES) {
            if (closed) throw new MallardException("08003", "the database is closed");
            openConnections++;
            return new ClientContext(this, settings);
        }
    }

    void connectionClosed() {
        synchronized (FILES) {
            openConnections--;
            if (openConnections > 0) return;
            if (sharedName != null) SHARED.remove(sharedName, this);
            if (file != null) {
                closed = true;
                FILES.remove(file.path(), this);
                try {
                    if (checkpointOnClose && !file.readOnly() && !file.logEmpty()) {
                        file.checkpoint(catalog, indexNames, Snapshot.committed(lastCommit), horizon());
                    }
                } finally {
                    file.close();
                }
            }
        }
    }
}
