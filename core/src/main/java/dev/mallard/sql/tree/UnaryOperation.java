package dev.mallard.sql.tree;

/**
 * Prefix {@code -x}, {@code +x}, {@code ~x}. A minus directly before a numeric literal is folded
 * into the literal instead.
 */
public record UnaryOperation(Position position, UnaryOperator operator, Expression operand) implements Expression {
}
