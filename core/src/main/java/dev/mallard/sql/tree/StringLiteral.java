package dev.mallard.sql.tree;

/** A string constant with escapes already resolved ({@code ''} and {@code E'\n'} style). */
public record StringLiteral(Position position, String value) implements Expression {
}
