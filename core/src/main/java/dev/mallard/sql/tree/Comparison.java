package dev.mallard.sql.tree;

/** {@code left op right} for =, <>, <, <=, >, >= and IS [NOT] DISTINCT FROM. */
public record Comparison(Position position, ComparisonOperator operator, Expression left, Expression right)
        implements Expression {
}
