package dev.mallard.engine;

import dev.mallard.catalog.CatalogEntry;
import dev.mallard.catalog.ColumnDefinition;
import dev.mallard.catalog.TableEntry;
import dev.mallard.catalog.UniqueConstraint;
import dev.mallard.storage.DataTable;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PRAGMA integrity_check}: every block of the database file passes its checksum, every
 * table's storage is well formed and readable, and the stored rows satisfy the table's PRIMARY
 * KEY, UNIQUE and NOT NULL constraints. Answers {@code ok} or one line per problem, as SQLite does.
 */
final class IntegrityCheck {
    private IntegrityCheck() {}

    static List<String> run(DatabaseInstance database, DatabaseFile file) {
        List<String> problems = new ArrayList<>();
        if (file != null) problems.addAll(file.verifyBlocks());
        for (CatalogEntry e : database.catalogFor(null).entries()) {
            if (!(e instanceof TableEntry t)) continue;
            String name = t.schema() + "." + t.name();
            List<String> storage = t.storage().verify(name);
            problems.addAll(storage);
            if (!storage.isEmpty()) continue;
            for (UniqueConstraint u : t.uniques()) {
                UniqueIndex index = new UniqueIndex(t, u);
                if (index.size() < index.nonNullRows()) {
                    problems.add(name + ": " + (index.nonNullRows() - index.size()) + " rows repeat a key of "
                            + (u.primaryKey() ? "the primary key " : "the unique constraint ")
                            + u.columns().stream().map(i -> t.columns().get(i).name()).toList());
                }
            }
            for (int c = 0; c < t.columns().size(); c++) {
                ColumnDefinition column = t.columns().get(c);
                long nulls = column.notNull() ? nulls(t.storage(), c) : 0;
                if (nulls > 0) problems.add(name + ": " + nulls + " NULLs in NOT NULL column " + column.name());
            }
        }
        return problems.isEmpty() ? List.of("ok") : problems;
    }

    private static long nulls(DataTable storage, int column) {
        DataChunk chunk = new DataChunk(List.of(storage.types().get(column)));
        long nulls = 0;
        for (long from = 0; from < storage.rowIdLimit(); from += Vector.DEFAULT_CAPACITY) {
            chunk.reset();
            storage.scan(from, Vector.DEFAULT_CAPACITY, new int[] {column}, chunk);
            for (int k = 0; k < chunk.count(); k++) if (chunk.column(0).isNull(chunk.position(k))) nulls++;
        }
        return nulls;
    }
}
