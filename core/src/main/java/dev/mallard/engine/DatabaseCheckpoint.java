package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.catalog.Catalog;
import dev.mallard.catalog.CatalogScript;
import dev.mallard.catalog.TableEntry;
import dev.mallard.storage.DataTable;
import dev.mallard.storage.file.BlockFile;
import dev.mallard.storage.file.BlockStreamReader;
import dev.mallard.storage.file.BlockStreamWriter;
import dev.mallard.storage.file.DatabaseHeader;
import dev.mallard.storage.BufferManager;
import dev.mallard.storage.file.SegmentBlocks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Consumer;

/**
 * A database's whole state in its file: the CREATE statements that rebuild the catalog
 * ({@link CatalogScript}, as SQLite keeps sqlite_schema), then each table's rows. Writing puts
 * everything into blocks past those of the previous checkpoint and then switches the header, so
 * a crash leaves either the old state or the new one, complete.
 */
final class DatabaseCheckpoint {
    private DatabaseCheckpoint() {}

    /**
     * Writes the catalog and its tables (the rows {@code committed} sees) into blocks handed out by
     * {@code allocate} (never those of the checkpoint in force, {@code inForce}); segments unchanged
     * since that checkpoint stay in its blocks. The file's header then points at the new state.
     * Returns every block the new checkpoint occupies.
     */
    static Set<Long> write(Catalog catalog, Map<String, String> indexNames, dev.mallard.storage.Snapshot committed, BlockFile file,
                           LongSupplier allocate, Set<Long> inForce, BufferManager buffers) {
        DatabaseHeader previous = file.header();
        SegmentBlocks.Writer data = new SegmentBlocks(file).writer(allocate, inForce);
        BlockStreamWriter w = new BlockStreamWriter(file, allocate);
        List<String> statements = CatalogScript.statements(catalog, null);
        w.writeInt(statements.size());
        for (String s : statements) w.writeString(s);
        List<TableEntry> tables = tables(catalog);
        w.writeInt(tables.size());
        for (TableEntry t : tables) {
            w.writeString(t.schema()).writeString(t.name());
            t.storage().writeTo(w, data, committed, buffers);
        }
        // CREATE INDEX names: a unique index lives on as a constraint of its table, its name here.
        w.writeInt(indexNames.size());
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(indexNames).entrySet()) w.writeString(e.getKey()).writeString(e.getValue());
        w.finish();
        Set<Long> blocks = new HashSet<>(data.finish());
        blocks.addAll(w.blocks());
        long count = blocks.stream().mapToLong(Long::longValue).max().orElse(-1) + 1;
        file.writeHeader(new DatabaseHeader(previous.iteration() + 1, w.firstBlock(), count, -1));
        return blocks;
    }

    /**
     * Rebuilds the state of the file's last checkpoint into an empty catalog: {@code run} executes
     * each CREATE statement, then the tables it created receive their rows, whose segments stay in
     * the file until queries read them (through {@code buffers}). Returns the blocks the checkpoint
     * occupies.
     */
    static Set<Long> read(BlockFile file, Consumer<String> run, Catalog catalog, Map<String, String> indexNames, BufferManager buffers) {
        DatabaseHeader h = file.header();
        if (h.metaBlock() < 0) return Set.of();
        Set<Long> blocks = new HashSet<>();
        BlockStreamReader r = new BlockStreamReader(file, h.metaBlock(), h.blockCount());
        int statements = r.readInt();
        for (int i = 0; i < statements; i++) run.accept(r.readString());
        int tables = r.readInt();
        for (int i = 0; i < tables; i++) {
            String schema = r.readString(), name = r.readString();
            if (!(catalog.find(schema, name) instanceof TableEntry t)) {
                throw MallardException.Storage.corrupted("the data of table " + schema + "." + name + " in " + file.path()
                        + " has no CREATE TABLE before it");
            }
            DataTable rows = DataTable.readFrom(t.types(), r, buffers.source(), h.blockCount(),
                    p -> { for (long b : p.blocks()) blocks.add(b); }, buffers);
            catalog.put(new TableEntry(t.schema(), t.name(), t.columns(), t.uniques(), t.checks(), rows));
        }
        int indexes = r.readInt();
        for (int i = 0; i < indexes; i++) indexNames.put(r.readString(), r.readString());
        blocks.addAll(r.blocks());
        return blocks;
    }

    private static List<TableEntry> tables(Catalog catalog) {
        return catalog.entries().stream().filter(e -> e instanceof TableEntry).map(e -> (TableEntry) e).toList();
    }
}
