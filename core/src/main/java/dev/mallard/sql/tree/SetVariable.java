package dev.mallard.sql.tree;

/**
 * {@code SET [SESSION|LOCAL|GLOBAL] name = value} or {@code ... TO value}. A bare word value
 * (e.g. {@code SET search_path = main}) arrives as a StringLiteral of its spelling;
 * {@code TO DEFAULT} as {@link DefaultExpression}.
 */
public record SetVariable(Position position, SetScope scope, QualifiedName name, Expression value)
        implements Statement {
}
