package dev.mallard.sql.tree;

import java.util.List;

/**
 * The window of an {@code OVER}. {@code OVER w} gives a spec with {@code baseWindow = w} and
 * nothing else; {@code OVER (w ORDER BY x)} refines the named window.
 *
 * @param baseWindow  null unless a named window is referenced
 * @param partitionBy empty when absent
 * @param orderBy     empty when absent
 * @param frame       null when no frame clause was written (engine default applies)
 */
public record WindowSpec(Position position, Identifier baseWindow, List<Expression> partitionBy,
                         List<SortItem> orderBy, WindowFrame frame) implements Node {
    public WindowSpec {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }
}
