package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code [WITH ...] UPDATE t [[AS] alias] SET c = e, ... [FROM ...] [WHERE ...] [RETURNING ...]}.
 * {@code alias}, {@code from}, {@code where} and {@code with} are null when absent; the WITH
 * clause's CTEs are visible in FROM, WHERE and SET.
 */
public record Update(Position position, QualifiedName table, Identifier alias, List<Assignment> assignments,
                     Relation from, Expression where, List<SelectItem> returning, With with) implements Statement {
    public Update {
        assignments = List.copyOf(assignments);
        returning = List.copyOf(returning);
    }

    /** Without a WITH clause. */
    public Update(Position position, QualifiedName table, Identifier alias, List<Assignment> assignments,
                  Relation from, Expression where, List<SelectItem> returning) {
        this(position, table, alias, assignments, from, where, returning, null);
    }
}
