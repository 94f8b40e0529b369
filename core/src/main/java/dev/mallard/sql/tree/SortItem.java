package dev.mallard.sql.tree;

/** {@code expr [ASC|DESC] [NULLS FIRST|LAST]}; used by ORDER BY, window ORDER BY and aggregate ORDER BY. */
public record SortItem(Position position, Expression expression, SortDirection direction, NullOrdering nulls)
        implements Node {
}
