package dev.mallard.engine;

import dev.mallard.catalog.TableEntry;
import dev.mallard.catalog.UniqueConstraint;
import dev.mallard.storage.DataTable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unique indexes of a database's tables, built on first use from the stored rows and kept up
 * to date by every write. DDL and rollbacks drop a table's indexes; they are rebuilt when next needed.
 */
final class TableIndexes {
    private final Map<DataTable, List<UniqueIndex>> byTable = new IdentityHashMap<>();

    synchronized List<UniqueIndex> of(TableEntry table) {
        if (table.uniques().isEmpty()) return List.of();
        return byTable.computeIfAbsent(table.storage(), s -> {
            List<UniqueIndex> out = new ArrayList<>();
            for (UniqueConstraint u : table.uniques()) out.add(new UniqueIndex(table, u));
            return out;
        });
    }

    /**
     * Hands the indexes of {@code old} over to {@code table}, a new version of that table with the
     * same rows under the same row ids (ALTER TABLE ADD COLUMN): a million-row table would otherwise
     * read every key again on its next write. A rollback drops them all, as for any DDL.
     */
    synchronized void moveTo(DataTable old, TableEntry table) {
        List<UniqueIndex> indexes = byTable.remove(old);
        if (indexes == null) return;
        List<UniqueIndex> moved = new ArrayList<>();
        for (UniqueIndex index : indexes) moved.add(index.on(table));
        byTable.put(table.storage(), moved);
    }

    synchronized void invalidate(DataTable storage) {
        byTable.remove(storage);
    }

    synchronized void invalidateAll() {
        byTable.clear();
    }
}
