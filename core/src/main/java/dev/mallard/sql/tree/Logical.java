package dev.mallard.sql.tree;

import java.util.List;

/**
 * AND or OR over two or more terms. The parser flattens chains ({@code a AND b AND c} is one node
 * with three terms), which keeps the tree shallow for long predicates and hands the optimizer the
 * conjunct list directly.
 */
public record Logical(Position position, LogicalOperator operator, List<Expression> terms) implements Expression {
    public Logical {
        terms = List.copyOf(terms);
    }
}
