package dev.mallard.sql.tree;

/** {@code CAST(x AS t)}, {@code x::t} ({@code tryCast == false}) or {@code TRY_CAST(x AS t)} (null on failure). */
public record Cast(Position position, Expression expression, TypeName type, boolean tryCast) implements Expression {
}
