package dev.mallard.sql.tree;

/** {@code x IS [NOT] TRUE|FALSE}; never NULL itself. */
public record IsBoolean(Position position, Expression expression, boolean value, boolean negated)
        implements Expression {
}
