package dev.mallard.sql.tree;

/** A function argument for table functions, CALL and PRAGMA; {@code name} is null for positional ones. */
public record Argument(Position position, Identifier name, Expression value) implements Node {
}
