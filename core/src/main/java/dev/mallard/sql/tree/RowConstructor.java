package dev.mallard.sql.tree;

import java.util.List;

/** {@code (a, b, ...)} with two or more items, or {@code ROW(...)} with any number. */
public record RowConstructor(Position position, List<Expression> items) implements Expression {
    public RowConstructor {
        items = List.copyOf(items);
    }
}
