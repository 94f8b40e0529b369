package dev.mallard.sql.tree;

/** {@code NOT x}. */
public record Not(Position position, Expression expression) implements Expression {
}
