package dev.mallard.sqllogictest;

/** How a query's rendered values are sorted before they are compared or hashed. */
public enum SortMode {
    /** Compare in the order the engine returned them (the query has its own ORDER BY). */
    NOSORT,
    /** Sort whole rows, column by column. */
    ROWSORT,
    /** Sort every value on its own, ignoring row boundaries. */
    VALUESORT
}
