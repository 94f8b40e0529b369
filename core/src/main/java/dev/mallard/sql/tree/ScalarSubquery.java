package dev.mallard.sql.tree;

/** {@code (query)} used as a value. */
public record ScalarSubquery(Position position, Query query) implements Expression {
}
