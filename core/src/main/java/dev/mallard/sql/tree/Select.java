package dev.mallard.sql.tree;

import java.util.List;

/**
 * One SELECT block. DuckDB's {@code FROM t} (no SELECT) arrives here with a single
 * {@link SelectStar} item; {@code FROM t SELECT a} is an ordinary Select.
 *
 * @param distinct   true for DISTINCT and DISTINCT ON
 * @param distinctOn the DISTINCT ON expressions; empty for plain DISTINCT or no DISTINCT
 * @param from       null for a SELECT without FROM; comma lists become CROSS {@link Join}s
 * @param where      null when absent
 * @param groupBy    null when absent
 * @param having     null when absent
 * @param windows    named windows from the WINDOW clause (empty when absent)
 * @param qualify    null when absent
 */
public record Select(Position position, boolean distinct, List<Expression> distinctOn,
                     List<SelectItem> items, Relation from, Expression where, GroupBy groupBy,
                     Expression having, List<WindowDefinition> windows, Expression qualify)
        implements QueryBody {
    public Select {
        distinctOn = List.copyOf(distinctOn);
        items = List.copyOf(items);
        windows = List.copyOf(windows);
    }
}
