package dev.mallard.sql.tree;

import java.util.List;

/** {@code [a, b, ...]}: a list value; for now only as an option of a read function ({@code types = ['INT', 'VARCHAR']}). */
public record ListLiteral(Position position, List<Expression> items) implements Expression {
    public ListLiteral {
        items = List.copyOf(items);
    }
}
