package dev.mallard.sql.tree;

/** {@code ALTER [COLUMN] c SET NOT NULL}. */
public record SetColumnNotNull(Position position, Identifier column) implements AlterTableAction {
}
