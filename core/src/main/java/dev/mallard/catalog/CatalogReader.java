package dev.mallard.catalog;

import java.util.Collection;
import java.util.List;

/**
 * The catalog as one reader sees it: the newest versions (DDL and checkpoints, which run alone),
 * or the versions a transaction's snapshot sees ({@link Catalog#at}). Names are case-insensitive.
 */
public interface CatalogReader {
    boolean hasSchema(String name);

    List<String> schemaNames();

    /** The entry, or null; a null schema means the default one. */
    CatalogEntry find(String schema, String name);

    /** All entries of all schemas, in creation order. */
    List<CatalogEntry> entries();

    /** Names of everything in a schema, for "did you mean" suggestions. */
    Collection<String> names(String schema);

    /**
     * Fails with a serialization error when {@code entry} is no longer the newest version of its
     * name: a transaction that started before a schema change committed must not write through the
     * old definition, or its rows would go to storage the catalog no longer holds.
     */
    void requireLatest(CatalogEntry entry);
}
