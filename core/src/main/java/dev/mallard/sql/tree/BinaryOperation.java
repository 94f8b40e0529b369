package dev.mallard.sql.tree;

/** Arithmetic, string and bitwise binary operators (comparisons and AND/OR have their own nodes). */
public record BinaryOperation(Position position, BinaryOperator operator, Expression left, Expression right)
        implements Expression {
}
