package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code name [(col, ...)] AS [[NOT] MATERIALIZED] (query)}. {@code columns} is empty when no
 * column list was given. The MATERIALIZED hint is parsed and dropped.
 */
public record CommonTableExpression(Position position, Identifier name, List<Identifier> columns, Query query)
        implements Node {
    public CommonTableExpression {
        columns = List.copyOf(columns);
    }
}
