package dev.mallard.sql.tree;

/** {@code RENAME TO newName}. */
public record RenameTable(Position position, Identifier newName) implements AlterTableAction {
}
