package dev.mallard.sql.tree;

/** {@code ALTER TABLE [IF EXISTS] t action}. One action per statement. */
public record AlterTable(Position position, QualifiedName table, boolean ifExists, AlterTableAction action)
        implements Statement {
}
