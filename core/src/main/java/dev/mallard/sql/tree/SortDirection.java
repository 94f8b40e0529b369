package dev.mallard.sql.tree;

/** ASC when the SQL says nothing. */
public enum SortDirection {
    ASC, DESC
}
