package dev.mallard.sql.tree;

/** {@code base[index]}. */
public record Subscript(Position position, Expression base, Expression index) implements Expression {
}
