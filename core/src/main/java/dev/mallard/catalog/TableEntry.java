package dev.mallard.catalog;

import dev.mallard.storage.DataTable;
import dev.mallard.types.LogicalType;
import java.util.List;

/**
 * A base table: its declared shape and its storage. Entries are immutable; DDL replaces an entry
 * with a new one that shares (or reshapes) the storage.
 */
public record TableEntry(String schema, String name, List<ColumnDefinition> columns,
                         List<UniqueConstraint> uniques, List<String> checks, DataTable storage)
        implements CatalogEntry {

    public List<LogicalType> types() {
        return columns.stream().map(ColumnDefinition::type).toList();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnDefinition::name).toList();
    }

    /** Index of the column with this name (case-insensitive), or -1. */
    public int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) return i;
        }
        return -1;
    }

    public UniqueConstraint primaryKey() {
        return uniques.stream().filter(UniqueConstraint::primaryKey).findFirst().orElse(null);
    }
}
