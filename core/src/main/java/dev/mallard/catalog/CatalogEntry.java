package dev.mallard.catalog;

/** Something with a name in a schema: a table or a view. */
public sealed interface CatalogEntry permits TableEntry, ViewEntry {
    String schema();

    String name();
}
