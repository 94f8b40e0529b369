package dev.mallard.sql.tree;

/** {@code DEFAULT} when the SQL gives no NULLS FIRST/LAST, so the engine applies its own default. */
public enum NullOrdering {
    FIRST, LAST, DEFAULT
}
