package dev.mallard.sql.tree;

/** {@code ADD [COLUMN] [IF NOT EXISTS] name type [constraints]}. */
public record AddColumn(Position position, ColumnDefinition column, boolean ifNotExists) implements AlterTableAction {
}
