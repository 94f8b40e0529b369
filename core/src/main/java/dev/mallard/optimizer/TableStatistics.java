package dev.mallard.optimizer;

import dev.mallard.catalog.TableEntry;

/**
 * What the optimizer knows about stored data. Only row counts for now; tests supply their own
 * numbers so expected plans do not depend on loading data.
 */
@FunctionalInterface
public interface TableStatistics {
    /** Rows assumed when a table cannot say (storage not available). */
    long UNKNOWN_ROWS = 1000;

    long rowCount(TableEntry table);

    /** The live row count of the table's storage. */
    static TableStatistics fromStorage() {
        return table -> {
            try {
                return table.storage().rowCount();
            } catch (RuntimeException e) {
                return UNKNOWN_ROWS;
            }
        };
    }
}
