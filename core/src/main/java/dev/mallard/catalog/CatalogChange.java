package dev.mallard.catalog;

/**
 * One versioned change a transaction made to the catalog: stamped with the commit id when the
 * transaction commits, taken out again when it rolls back.
 */
public interface CatalogChange {
    void commit(long commit);

    void undo();
}
