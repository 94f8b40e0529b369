package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.catalog.Catalog;
import dev.mallard.storage.file.BlockFile;
import dev.mallard.storage.file.FileLayer;
import dev.mallard.storage.file.WriteAheadLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The files behind a database: the block file holding the last checkpoint and, beside it
 * ({@code NAME.wal}), the write-ahead log of transactions committed since. A writer holds a lock
 * on the block file, so a second process gets a clear error instead of a second writer; read-only
 * opens take no lock and never write.
 *
 * <p>Checkpoints never overwrite the blocks of the checkpoint in force: they write into blocks the
 * current one does not use (those of the checkpoint before, or new ones at the end), then switch
 * the header. A crash at any moment leaves the old checkpoint and its log, or the new one.
 */
final class DatabaseFile implements AutoCloseable {
    private final Path path;
    private final Path walPath;
    private final FileLayer layer;
    private final BlockFile blocks;
    /** The log being appended to; null when read-only. */
    private final WriteAheadLog wal;
    /** Segments read from the file, kept within the memory limit. */
    private final dev.mallard.storage.BufferManager buffers;
    /** Blocks of the checkpoint in force, which the next checkpoint must not overwrite. */
    private Set<Long> used = Set.of();
    /** Blocks out of the checkpoint in force that old snapshots may still read, with the start a transaction needs to no longer see them. */
    private final Map<Long, Long> retired = new java.util.HashMap<>();

    private DatabaseFile(Path path, Path walPath, FileLayer layer, BlockFile blocks, WriteAheadLog wal) {
        this.path = path;
        this.walPath = walPath;
        this.layer = layer;
        this.blocks = blocks;
        this.wal = wal;
        this.buffers = new dev.mallard.storage.BufferManager(new dev.mallard.storage.file.SegmentBlocks(blocks), defaultMemoryLimit());
    }

    /** The memory_limit setting's default: most of the heap, leaving room for queries' own memory. */
    static long defaultMemoryLimit() {
        return Settings.memoryLimit(new Settings().get("memory_limit"));
    }

    dev.mallard.storage.BufferManager buffers() {
        return buffers;
    }

    static Path walPath(Path path) {
        return path.resolveSibling(path.getFileName() + ".wal");
    }

    /** Opens (or, unless read-only, creates) the database file at {@code path}. */
    static DatabaseFile open(Path path, boolean readOnly, FileLayer layer) {
        Path walPath = walPath(path);
        BlockFile blocks;
        if (!isDatabase(path)) {
            if (readOnly) {
                throw MallardException.Storage.io("database file " + path + " does not exist (a read-only open does not create it)", null);
            }
            try {
                // An empty file (as from createTempFile) becomes a new database; a log without its database is meaningless.
                Files.deleteIfExists(path);
                Files.deleteIfExists(walPath);
            } catch (IOException e) {
                throw MallardException.Storage.io("cannot create database file " + path + ": " + e.getMessage(), e);
            }
            blocks = BlockFile.create(path, layer);
        } else {
            blocks = BlockFile.open(path, layer, readOnly);
        }
        try {
            if (readOnly) return new DatabaseFile(path, walPath, layer, blocks, null);
            if (!blocks.tryLock()) {
                long pid = WriteAheadLog.writerProcess(walPath);
                throw new MallardException("55P03", "database file " + path + " is locked by "
                        + (pid > 0 ? "process " + pid : "another process") + ", which has it open for writing;"
                        + " close it there first, or open it read-only");
            }
            return new DatabaseFile(path, walPath, layer, blocks, WriteAheadLog.open(walPath, layer, blocks.header().iteration()));
        } catch (RuntimeException e) {
            blocks.close();
            throw e;
        }
    }

    private static boolean isDatabase(Path path) {
        try {
            return Files.exists(path) && Files.size(path) > 0;
        } catch (IOException e) {
            return true; // let opening it report the problem
        }
    }

    Path path() {
        return path;
    }

    boolean readOnly() {
        return wal == null;
    }

    /**
     * Loads the last checkpoint into the empty {@code catalog} ({@code runSql} executes its CREATE
     * statements) and returns the transactions committed in the log since, to be replayed.
     */
    List<List<WriteAheadLog.Entry>> load(Consumer<String> runSql, Catalog catalog, Map<String, String> indexNames) {
        used = new HashSet<>(DatabaseCheckpoint.read(blocks, runSql, catalog, indexNames, buffers));
        long iteration = blocks.header().iteration();
        return wal == null ? WriteAheadLog.readCommitted(walPath, layer, iteration) : wal.committed();
    }

    /** Appends a committed transaction to the log and syncs it. */
    void log(List<WriteAheadLog.Entry> entries, boolean sync) {
        // After a header write that failed part way, the file might open to that checkpoint, and
        // ignore a log that follows the one before: the doubt must be gone before anything is logged.
        blocks.settleHeader();
        wal.append(entries, sync);
    }

    /** Bytes of log since the last checkpoint. */
    long logSize() {
        return wal == null ? 0 : wal.size();
    }

    boolean logEmpty() {
        return wal == null || wal.size() <= WriteAheadLog.HEADER_BYTES;
    }

    /**
     * Writes the whole database, as {@code committed} sees its rows, as the new checkpoint; then
     * empties the log. If this throws, the previous checkpoint and the log are still in force.
     *
     * <p>Blocks the new checkpoint no longer needs may still be read: a transaction that started
     * before a table or column was dropped sees it, and loads its segments lazily. Such blocks stay
     * {@link #retired} until every running transaction started after this checkpoint's commit
     * ({@code horizon}: the oldest running transaction's start).
     */
    void checkpoint(Catalog catalog, Map<String, String> indexNames, dev.mallard.storage.Snapshot committed, long horizon) {
        Set<Long> busy = used;
        retired.values().removeIf(stamp -> stamp <= horizon);
        long[] next = {0};
        Set<Long> written = DatabaseCheckpoint.write(catalog, indexNames, committed, blocks, () -> {
            while (busy.contains(next[0]) || retired.containsKey(next[0])) next[0]++;
            return next[0]++;
        }, busy, buffers);
        long stamp = committed.insertHorizon() + 1;
        for (long b : busy) if (!written.contains(b)) retired.put(b, stamp);
        used = written;
        // The checkpoint is durable: what follows only tidies up, and must not fail it (a bulk
        // commit would be rolled back in memory while the file holds it).
        try {
            long keep = blocks.header().blockCount();
            for (long b : retired.keySet()) keep = Math.max(keep, b + 1);
            blocks.truncate(keep);
        } catch (MallardException e) {
            // the free blocks at the end stay until a later checkpoint cuts them
        }
        wal.reset(blocks.header().iteration());
    }

    /** The blocks of the checkpoint in force (metadata and segments). */
    Set<Long> usedBlocks() {
        return java.util.Collections.unmodifiableSet(used);
    }

    /** Reads every block of the checkpoint in force, checking its checksum; returns the failures. */
    List<String> verifyBlocks() {
        List<String> problems = new java.util.ArrayList<>();
        for (long block : new java.util.TreeSet<>(used)) {
            try {
                blocks.readBlock(block);
            } catch (MallardException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** Bytes of the database file (the log not included). */
    long size() {
        return blocks.size();
    }

    @Override
    public void close() {
        try {
            if (wal != null) wal.close();
        } finally {
            blocks.close();
        }
    }
}
