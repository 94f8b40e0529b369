package dev.mallard.sql.tree;

import java.util.List;

/** {@code value [NOT] IN (a, b, ...)}; the list is never empty. */
public record InList(Position position, Expression value, List<Expression> list, boolean negated)
        implements Expression {
    public InList {
        list = List.copyOf(list);
    }
}
