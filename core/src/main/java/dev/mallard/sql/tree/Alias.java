package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code [AS] name [(col, ...)]} after a FROM item; {@code columns} is empty without a column list.
 * DuckDB also accepts string literals as names ({@code AS 't'('k')}); they arrive as quoted identifiers.
 */
public record Alias(Position position, Identifier name, List<Identifier> columns) implements Node {
    public Alias {
        columns = List.copyOf(columns);
    }
}
