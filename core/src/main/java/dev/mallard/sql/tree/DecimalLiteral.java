package dev.mallard.sql.tree;

/**
 * A number with a decimal point and no exponent: {@code 1.5}, {@code .5}, {@code 1.}. Kept as text
 * (possibly with a leading {@code -}) so the binder can type it as an exact DECIMAL.
 */
public record DecimalLiteral(Position position, String text) implements Expression {
}
