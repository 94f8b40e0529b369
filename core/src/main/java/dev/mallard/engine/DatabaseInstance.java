package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.catalog.Catalog;
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
    /** Serializes statements that change the database; readers run concurrently. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Held by the one transaction that is writing, from its first change to its end. */
    private final Semaphore writer = new Semaphore(1, true);

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
                db = new DatabaseInstance(null, DatabaseFile.open(key, readOnly, layer));
                try {
                    db.recover();
                } catch (RuntimeException e) {
                    db.file.close();
                    throw e;
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
            if (!log.isEmpty() && !file.readOnly()) file.checkpoint(catalog, indexNames);
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
        return new Transaction(file == null || file.readOnly() || recovering ? null : new RedoLog(walLimit));
    }

    /**
     * Called before a transaction's first change: waits until no other transaction is writing. One
     * transaction writes at a time, so changes reach the log in the order they were made.
     */
    void beginWrite(Transaction tx) {
        if (file != null && file.readOnly() && !recovering) {
            throw new MallardException("25006", "cannot change database " + file.path() + ": it is open read-only");
        }
        if (tx.holdsWriter()) return;
        try {
            if (!writer.tryAcquire(WRITER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new MallardException("40001", "could not write: another transaction has been changing the database for "
                        + WRITER_WAIT_MILLIS / 1000 + " s; one transaction writes at a time, so commit or roll back the other one, then retry");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MallardException.Interrupted("interrupted while waiting to write");
        }
        tx.setWriter(true);
    }

    private void endWrite(Transaction tx) {
        if (tx.holdsWriter()) {
            tx.setWriter(false);
            writer.release();
        }
    }

    /**
     * Makes a transaction's changes permanent: for a database file they are appended to the log
     * and synced before this returns. If that fails, the transaction is rolled back and the error
     * thrown: nothing is half-committed.
     */
    void commit(Transaction tx) {
        try {
            RedoLog redo = tx.redo();
            boolean checkpointDue = false;
            if (file != null && redo != null && tx.holdsWriter()) {
                if (redo.overflowed()) {
                    file.checkpoint(catalog, indexNames); // a bulk change: the checkpoint holds it, once
                } else if (!redo.isEmpty()) {
                    file.log(redo.entries(), true);
                    checkpointDue = file.logSize() > walLimit;
                }
            }
            tx.commit();
            if (checkpointDue) {
                try {
                    file.checkpoint(catalog, indexNames);
                } catch (MallardException e) {
                    // The commit is durable in the log; the next checkpoint retries.
                }
            }
        } catch (RuntimeException e) {
            tx.rollbackTo(Transaction.START, this);
            throw e;
        } finally {
            endWrite(tx);
        }
    }

    /** Undoes all of a transaction's changes. */
    void rollback(Transaction tx) {
        try {
            tx.rollbackTo(Transaction.START, this);
        } finally {
            endWrite(tx);
        }
    }

    /** CHECKPOINT: writes the database file and empties its log (nothing to do in memory). */
    void checkpoint(Transaction tx) {
        if (file == null || file.readOnly()) return;
        if (tx.holdsWriter() && tx.redo() != null && !tx.redo().isEmpty()) {
            throw new MallardException.Transaction("cannot CHECKPOINT in a transaction that has changed the database; commit first");
        }
        beginWrite(tx);
        file.checkpoint(catalog, indexNames);
    }

    /** PRAGMA integrity_check: "ok", or one line per problem. */
    List<String> integrityCheck() {
        return IntegrityCheck.run(this, file);
    }

    /** SET wal_autocheckpoint: the log size past which a commit checkpoints. */
    void setWalLimit(long bytes) {
        walLimit = bytes;
    }

    /** PRAGMA disable_checkpoint_on_shutdown: closing leaves the log to be replayed at the next open. */
    void setCheckpointOnClose(boolean checkpoint) {
        checkpointOnClose = checkpoint;
    }

    /** Bytes of the database file and its log, or 0 in memory. */
    long[] fileSizes() {
        return file == null ? new long[] {0, 0} : new long[] {file.size(), file.logSize()};
    }

    /** Opens a new connection (session). */
    public ClientContext connect() {
        synchronized (FILES) {
            if (closed) throw new MallardException("08003", "the database is closed");
            openConnections++;
            return new ClientContext(this);
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
                    if (checkpointOnClose && !file.readOnly() && !file.logEmpty()) file.checkpoint(catalog, indexNames);
                } finally {
                    file.close();
                }
            }
        }
    }
}
