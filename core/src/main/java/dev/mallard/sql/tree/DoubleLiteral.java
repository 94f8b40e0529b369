package dev.mallard.sql.tree;

/** A number with an exponent, {@code 1e10}, {@code 2.5E-3}: typed DOUBLE. Text as written (maybe with {@code -}). */
public record DoubleLiteral(Position position, String text) implements Expression {
    public double value() {
        return Double.parseDouble(text);
    }
}
