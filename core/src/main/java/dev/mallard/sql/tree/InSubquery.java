package dev.mallard.sql.tree;

/** {@code value [NOT] IN (query)}. */
public record InSubquery(Position position, Expression value, Query query, boolean negated) implements Expression {
}
