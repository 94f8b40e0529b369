package dev.mallard.sql.tree;

/** DuckDB {@code ORDER BY ALL [ASC|DESC] [NULLS FIRST|LAST]} (also written {@code ORDER BY *}): sort by every output column, left to right. */
public record OrderByAll(Position position, SortDirection direction, NullOrdering nulls) implements OrderBy {
}
