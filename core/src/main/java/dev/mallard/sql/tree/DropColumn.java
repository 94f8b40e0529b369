package dev.mallard.sql.tree;

/** {@code DROP [COLUMN] [IF EXISTS] name [CASCADE|RESTRICT]}. */
public record DropColumn(Position position, Identifier column, boolean ifExists, boolean cascade)
        implements AlterTableAction {
}
