package dev.mallard.sql.tree;

public record NullLiteral(Position position) implements Expression {
}
