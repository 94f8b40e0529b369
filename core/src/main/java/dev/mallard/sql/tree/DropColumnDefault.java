package dev.mallard.sql.tree;

/** {@code ALTER [COLUMN] c DROP DEFAULT}. */
public record DropColumnDefault(Position position, Identifier column) implements AlterTableAction {
}
