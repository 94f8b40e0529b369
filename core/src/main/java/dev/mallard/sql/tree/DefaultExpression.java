package dev.mallard.sql.tree;

/** The keyword DEFAULT as a value: in {@code VALUES (1, DEFAULT)}, {@code SET c = DEFAULT}, {@code SET x TO DEFAULT}. */
public record DefaultExpression(Position position) implements Expression {
}
