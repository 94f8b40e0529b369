package dev.mallard.sql.tree;

/**
 * {@code type 'string'}, e.g. {@code DATE '1995-01-01'}, {@code TIMESTAMP '2020-01-01 10:00'}:
 * semantically a cast of the string to the type. (INTERVAL has its own node.)
 */
public record TypedLiteral(Position position, TypeName type, String value) implements Expression {
}
