package dev.mallard.sql.tree;

/** An ORDER BY clause: a list of sort keys, or DuckDB's {@code ORDER BY ALL}. */
public sealed interface OrderBy extends Node permits OrderByItems, OrderByAll {
}
