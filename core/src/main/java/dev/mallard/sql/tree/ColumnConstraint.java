package dev.mallard.sql.tree;

/**
 * One column constraint: {@code [CONSTRAINT name] NOT NULL | NULL | PRIMARY KEY | UNIQUE |
 * DEFAULT expr | CHECK (expr) | REFERENCES t [(cols)]}.
 *
 * @param name       the CONSTRAINT name, null if none
 * @param expression the DEFAULT value or CHECK condition; null for other kinds
 * @param references for REFERENCES only, null otherwise
 */
public record ColumnConstraint(Position position, Identifier name, ColumnConstraintKind kind, Expression expression,
                               ForeignKeyReference references) implements Node {
}
