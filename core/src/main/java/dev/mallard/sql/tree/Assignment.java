package dev.mallard.sql.tree;

/** {@code column = value} in UPDATE SET and ON CONFLICT DO UPDATE SET; value may be {@link DefaultExpression}. */
public record Assignment(Position position, Identifier column, Expression value) implements Node {
}
