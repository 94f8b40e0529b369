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

    synchronized void invalidate(DataTable storage) {
        byTable.remove(storage);
    }

    synchronized void invalidateAll() {
        byTable.clear();
    }
}
