package dev.mallard.sql.tree;

import java.util.List;

/** {@code ORDER BY key [, key ...]}. Integer literal keys are output ordinals (binder decides). */
public record OrderByItems(Position position, List<SortItem> items) implements OrderBy {
    public OrderByItems {
        items = List.copyOf(items);
    }
}
