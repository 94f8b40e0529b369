package dev.mallard.sql.tree;

/** What an ALTER TABLE does. */
public sealed interface AlterTableAction extends Node
        permits AddColumn, DropColumn, RenameColumn, RenameTable, AlterColumnType,
                SetColumnDefault, DropColumnDefault, SetColumnNotNull, DropColumnNotNull {
}
