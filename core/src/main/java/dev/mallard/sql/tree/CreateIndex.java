package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON t [USING method] (expr [ASC|DESC], ...)}.
 * The engine may treat non-unique indexes as no-ops; they are parsed so scripts run.
 */
public record CreateIndex(Position position, Identifier name, QualifiedName table, boolean unique,
                          boolean ifNotExists, List<SortItem> columns) implements Statement {
    public CreateIndex {
        columns = List.copyOf(columns);
    }
}
