package dev.mallard.api.table;

import java.util.ArrayList;
import java.util.List;

/**
 * A table's name and columns as the database has them (names in their stored spelling), read at
 * the start of each call so that changes by other connections are seen. Lookups ignore case.
 *
 * @param primaryKey the key column's stored name, or null when the table has none the API knows of
 */
record TableSchema(String name, List<Column> columns, String primaryKey) {
    record Column(String name, ColumnType type) {}

    TableSchema {
        columns = List.copyOf(columns);
    }

    /** The column called {@code name} in any case, or null. */
    Column find(String name) {
        for (Column c : columns) if (c.name().equalsIgnoreCase(name)) return c;
        return null;
    }

    /** The column called {@code name}, or an error naming the closest one. */
    Column require(String name) {
        Column c = find(name);
        if (c == null) throw Names.unknownColumn(this.name, name, names());
        return c;
    }

    List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    TableSchema with(Column column) {
        List<Column> more = new ArrayList<>(columns);
        more.add(column);
        return new TableSchema(name, more, primaryKey);
    }
}
