package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code GROUP BY e1, e2, ...}. Integer literals are ordinals into the select list and bare names
 * may be select aliases; the binder resolves both. An empty list means {@code GROUP BY ()}.
 */
public record GroupByExpressions(Position position, List<Expression> expressions) implements GroupBy {
    public GroupByExpressions {
        expressions = List.copyOf(expressions);
    }
}
