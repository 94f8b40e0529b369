package dev.mallard.sql.tree;

/** {@code EXISTS (query)}; NOT EXISTS is {@code Not(Exists)}. */
public record Exists(Position position, Query query) implements Expression {
}
