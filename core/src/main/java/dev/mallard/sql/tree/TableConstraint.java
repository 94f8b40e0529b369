package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code [CONSTRAINT name] PRIMARY KEY (cols) | UNIQUE (cols) | CHECK (expr) |
 * FOREIGN KEY (cols) REFERENCES t [(cols)]}.
 *
 * @param name       null if unnamed
 * @param columns    key columns (empty for CHECK)
 * @param check      CHECK condition, null otherwise
 * @param references FOREIGN KEY target, null otherwise
 */
public record TableConstraint(Position position, Identifier name, TableConstraintKind kind, List<Identifier> columns,
                              Expression check, ForeignKeyReference references) implements Node {
    public TableConstraint {
        columns = List.copyOf(columns);
    }
}
