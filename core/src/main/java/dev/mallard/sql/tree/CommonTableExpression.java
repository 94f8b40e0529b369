package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code name [(col, ...)] AS [[NOT] MATERIALIZED] (query)}. {@code columns} is empty when no
 * column list was given. {@code materialized}: TRUE for MATERIALIZED, FALSE for NOT MATERIALIZED,
 * null when neither was written (the planner decides).
 */
public record CommonTableExpression(Position position, Identifier name, List<Identifier> columns, Boolean materialized, Query query)
        implements Node {
    public CommonTableExpression {
        columns = List.copyOf(columns);
    }
}
