package dev.mallard.sql.tree;

/** {@code ALTER [COLUMN] c [SET DATA] TYPE t [USING expr]}; {@code using} null if absent. */
public record AlterColumnType(Position position, Identifier column, TypeName type, Expression using)
        implements AlterTableAction {
}
