package dev.mallard.sql.tree;

/** {@code WINDOW name AS (spec)} in a SELECT. */
public record WindowDefinition(Position position, Identifier name, WindowSpec spec) implements Node {
}
