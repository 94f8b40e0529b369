package dev.mallard.sql.tree;

/** {@code ALTER [COLUMN] c DROP NOT NULL}. */
public record DropColumnNotNull(Position position, Identifier column) implements AlterTableAction {
}
