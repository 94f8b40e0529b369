package dev.mallard.optimizer;

import dev.mallard.catalog.TableEntry;
import dev.mallard.storage.ColumnStatistics;
import dev.mallard.storage.DataTable;

/**
 * What the optimizer knows about stored data: row counts, and per column the distinct values and
 * the value range where the storage keeps them. Tests supply their own numbers so expected plans
 * do not depend on loading data.
 */
@FunctionalInterface
public interface TableStatistics {
    /** Rows assumed when a table cannot say (storage not available). */
    long UNKNOWN_ROWS = 1000;

    long rowCount(TableEntry table);

    /** Statistics of column {@code column} (an index into the table's columns), or null if unknown. */
    default ColumnStats column(TableEntry table, int column) {
        return null;
    }

    /** The live row count and column statistics of the table's storage. */
    static TableStatistics fromStorage() {
        return new TableStatistics() {
            @Override
            public long rowCount(TableEntry table) {
                try {
                    return table.storage().rowCount();
                } catch (RuntimeException e) {
                    return UNKNOWN_ROWS;
                }
            }

            @Override
            public ColumnStats column(TableEntry table, int column) {
                DataTable storage;
                try {
                    storage = table.storage();
                } catch (RuntimeException e) {
                    return null;
                }
                if (storage == null || column < 0 || column >= storage.types().size()) return null;
                ColumnStatistics s = storage.statistics(column);
                if (s == null) return null;
                return s.hasRange() ? new ColumnStats(s.distinctCount(), s.min(), s.max())
                        : new ColumnStats(s.distinctCount(), Double.NaN, Double.NaN);
            }
        };
    }
}
