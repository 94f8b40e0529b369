package dev.mallard.sql.tree;

/** {@code TRUNCATE [TABLE] t}. */
public record Truncate(Position position, QualifiedName table) implements Statement {
}
