package dev.mallard.sql.tree;

/**
 * A whole number, kept as text because it may not fit a long: the binder picks
 * INTEGER/BIGINT/HUGEINT/DECIMAL. Digits only, with a leading {@code -} when the parser folded a
 * unary minus into the literal (so {@code -9223372036854775808} is one BIGINT literal).
 */
public record IntegerLiteral(Position position, String text) implements Expression {
}
