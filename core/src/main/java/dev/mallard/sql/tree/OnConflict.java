package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code ON CONFLICT [(cols)] DO NOTHING | DO UPDATE SET c = e, ... [WHERE cond]}.
 *
 * @param targetColumns conflict target; empty = the primary key (or any unique constraint)
 * @param assignments   only for UPDATE; may read {@code EXCLUDED.col}
 * @param where         only for UPDATE; null if absent
 */
public record OnConflict(Position position, List<Identifier> targetColumns, ConflictAction action,
                         List<Assignment> assignments, Expression where) implements Node {
    public OnConflict {
        targetColumns = List.copyOf(targetColumns);
        assignments = List.copyOf(assignments);
    }
}
