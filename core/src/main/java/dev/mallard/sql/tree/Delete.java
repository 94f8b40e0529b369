package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code [WITH ...] DELETE FROM t [[AS] alias] [USING ...] [WHERE ...] [RETURNING ...]}.
 * {@code alias}, {@code using}, {@code where} and {@code with} are null when absent; the WITH
 * clause's CTEs are visible in USING and WHERE.
 */
public record Delete(Position position, QualifiedName table, Identifier alias, Relation using, Expression where,
                     List<SelectItem> returning, With with) implements Statement {
    public Delete {
        returning = List.copyOf(returning);
    }

    /** Without a WITH clause. */
    public Delete(Position position, QualifiedName table, Identifier alias, Relation using, Expression where,
                  List<SelectItem> returning) {
        this(position, table, alias, using, where, returning, null);
    }
}
