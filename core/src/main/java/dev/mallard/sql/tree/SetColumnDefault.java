package dev.mallard.sql.tree;

/** {@code ALTER [COLUMN] c SET DEFAULT expr}. */
public record SetColumnDefault(Position position, Identifier column, Expression defaultValue)
        implements AlterTableAction {
}
