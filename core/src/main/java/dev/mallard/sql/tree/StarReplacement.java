package dev.mallard.sql.tree;

/** One {@code expr AS column} inside {@code * REPLACE (...)}. */
public record StarReplacement(Position position, Expression expression, Identifier column) implements Node {
}
