package dev.mallard.sql.tree;

public record BooleanLiteral(Position position, boolean value) implements Expression {
}
