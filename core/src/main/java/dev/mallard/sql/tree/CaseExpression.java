package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code CASE [operand] WHEN a THEN b ... [ELSE c] END}. With an operand, each WHEN value is
 * compared to it with {@code =}; without, each WHEN is a condition.
 *
 * @param operand    null for the searched form
 * @param elseResult null when there is no ELSE (NULL)
 */
public record CaseExpression(Position position, Expression operand, List<WhenClause> whens, Expression elseResult)
        implements Expression {
    public CaseExpression {
        whens = List.copyOf(whens);
    }
}
