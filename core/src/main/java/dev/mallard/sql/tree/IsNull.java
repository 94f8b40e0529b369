package dev.mallard.sql.tree;

/** {@code x IS [NOT] NULL}, {@code x ISNULL}, {@code x NOTNULL}, {@code x IS [NOT] UNKNOWN}. */
public record IsNull(Position position, Expression expression, boolean negated) implements Expression {
}
