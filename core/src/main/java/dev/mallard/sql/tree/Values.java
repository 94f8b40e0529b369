package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code VALUES (a, b), (c, d)} as a query body. Rows may contain {@link DefaultExpression} when
 * used as an INSERT source. Row lengths are checked by the binder, not the parser.
 */
public record Values(Position position, List<List<Expression>> rows) implements QueryBody {
    public Values {
        rows = rows.stream().map(List::copyOf).toList();
    }
}
