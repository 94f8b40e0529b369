package dev.mallard.sql.tree;

/** {@code left op ANY|SOME|ALL (query)}; SOME is ANY. */
public record QuantifiedComparison(Position position, ComparisonOperator operator, Quantifier quantifier,
                                   Expression left, Query query) implements Expression {
}
