package dev.mallard.sql.tree;

/** {@code expr [[AS] alias]}; {@code alias} is null when none was written. */
public record SelectExpression(Position position, Expression expression, Identifier alias) implements SelectItem {
}
