package dev.mallard.sql.tree;

/**
 * A column reference with 1 to 4 parts: {@code c}, {@code t.c}, {@code s.t.c}, {@code db.s.t.c}.
 * {@code EXCLUDED.c} in ON CONFLICT is an ordinary two-part reference. A bare name may also turn
 * out to be a select alias or (in SET/COPY option contexts) a word; the binder decides.
 */
public record ColumnRef(Position position, QualifiedName name) implements Expression {
}
