package dev.mallard.sql.tree;

/** {@code EXPLAIN [ANALYZE] statement}. */
public record Explain(Position position, Statement statement, boolean analyze) implements Statement {
}
