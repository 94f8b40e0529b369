package dev.mallard.sql.tree;

/** {@code value [NOT] BETWEEN [SYMMETRIC] low AND high}. */
public record Between(Position position, Expression value, Expression low, Expression high, boolean negated,
                      boolean symmetric) implements Expression {
}
