package dev.mallard.sql.tree;

/** {@code WHEN condition THEN result}. */
public record WhenClause(Position position, Expression condition, Expression result) implements Node {
}
