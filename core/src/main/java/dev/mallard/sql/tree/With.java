package dev.mallard.sql.tree;

import java.util.List;

/** {@code WITH [RECURSIVE] cte, ...}. */
public record With(Position position, boolean recursive, List<CommonTableExpression> ctes) implements Node {
    public With {
        ctes = List.copyOf(ctes);
    }
}
