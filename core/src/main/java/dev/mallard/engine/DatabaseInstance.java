package dev.mallard.engine;

import dev.mallard.catalog.Catalog;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One database: its catalog and storage, shared by all connections to it. In-memory databases are
 * private unless opened by name ({@code jdbc:mallard:memory:name}), in which case every opener in
 * the JVM gets the same instance while any connection to it is open.
 */
public final class DatabaseInstance {
    private static final ConcurrentHashMap<String, DatabaseInstance> SHARED = new ConcurrentHashMap<>();

    private final Catalog catalog = new Catalog();
    private final TableIndexes indexes = new TableIndexes();
    /** CREATE INDEX names (lower case) → table name; only UNIQUE indexes change behaviour. */
    private final java.util.Map<String, String> indexNames = new java.util.concurrent.ConcurrentHashMap<>();
    private final String sharedName;
    private int openConnections;
    /** Serializes statements that change the database; readers run concurrently. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();

    private DatabaseInstance(String sharedName) {
        this.sharedName = sharedName;
    }

    /** A new private in-memory database. */
    public static DatabaseInstance inMemory() {
        return new DatabaseInstance(null);
    }

    /** The in-memory database of this name, created on first use. */
    public static DatabaseInstance shared(String name) {
        return SHARED.computeIfAbsent(name, DatabaseInstance::new);
    }

    public Catalog catalog() {
        return catalog;
    }

    java.util.Map<String, String> indexNames() {
        return indexNames;
    }

    TableIndexes indexes() {
        return indexes;
    }

    public java.util.concurrent.locks.ReentrantReadWriteLock lock() {
        return lock;
    }

    /** Opens a new connection (session). */
    public synchronized ClientContext connect() {
        openConnections++;
        return new ClientContext(this);
    }

    synchronized void connectionClosed() {
        openConnections--;
        if (openConnections == 0 && sharedName != null) SHARED.remove(sharedName, this);
    }
}
