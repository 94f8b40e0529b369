package dev.mallard.sql.tree;

/** INNER is the default for a plain {@code JOIN}; comma joins are CROSS. */
public enum JoinType {
    INNER, LEFT, RIGHT, FULL, CROSS
}
