package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code *} or {@code t.*}, with DuckDB's {@code EXCLUDE (a, b)} and {@code REPLACE (expr AS a)}.
 *
 * @param qualifier null for a bare {@code *}; otherwise the relation name ({@code t} or {@code s.t})
 * @param exclude   columns to leave out (empty if none)
 * @param replace   columns whose value is replaced, keeping their place (empty if none)
 */
public record SelectStar(Position position, QualifiedName qualifier, List<Identifier> exclude,
                         List<StarReplacement> replace) implements SelectItem {
    public SelectStar {
        exclude = List.copyOf(exclude);
        replace = List.copyOf(replace);
    }
}
