package dev.mallard.catalog;

import dev.mallard.types.LogicalType;

/**
 * A table column as declared.
 *
 * @param defaultSql the DEFAULT expression's SQL text, or null (NULL default)
 */
public record ColumnDefinition(String name, LogicalType type, boolean notNull, String defaultSql) {
    public ColumnDefinition withName(String newName) {
        return new ColumnDefinition(newName, type, notNull, defaultSql);
    }
}
