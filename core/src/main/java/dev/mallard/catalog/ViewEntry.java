package dev.mallard.catalog;

import java.util.List;

/**
 * A view: its defining query text, re-bound at each use so it sees the current catalog.
 *
 * @param columnAliases names given in {@code CREATE VIEW v (a, b)}, or empty
 */
public record ViewEntry(String schema, String name, String sql, List<String> columnAliases) implements CatalogEntry {}
