package dev.mallard.sql.tree;

/** A named table or view (or CTE): {@code t}, {@code s.t}. {@code alias} is null when none was written. */
public record TableRef(Position position, QualifiedName name, Alias alias) implements Relation {
}
