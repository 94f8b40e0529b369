package dev.mallard.sql.tree;

import java.util.List;

/**
 * A GROUP BY that uses {@code GROUPING SETS}, {@code ROLLUP} or {@code CUBE} anywhere. The parser
 * expands everything into the explicit list of sets (the cross product of the comma-separated
 * elements), e.g. {@code GROUP BY a, ROLLUP(b, c)} → {@code [[a, b, c], [a, b], [a]]}.
 * Expressions may repeat across sets; the binder dedupes them.
 */
public record GroupingSets(Position position, List<List<Expression>> sets) implements GroupBy {
    public GroupingSets {
        sets = sets.stream().map(List::copyOf).toList();
    }
}
