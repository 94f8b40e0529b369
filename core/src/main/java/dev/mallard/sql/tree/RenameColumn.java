package dev.mallard.sql.tree;

/** {@code RENAME [COLUMN] from TO to}. */
public record RenameColumn(Position position, Identifier from, Identifier to) implements AlterTableAction {
}
