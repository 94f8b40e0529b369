package dev.mallard.sql.tree;

/**
 * {@code value [NOT] LIKE|ILIKE|SIMILAR TO|GLOB pattern [ESCAPE e]}; also the operators
 * {@code ~~ ~~* !~~ !~~*}. {@code escape} is null when absent.
 */
public record Like(Position position, LikeKind kind, Expression value, Expression pattern, Expression escape,
                   boolean negated) implements Expression {
}
