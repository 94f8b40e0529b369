package dev.mallard.sql.tree;

/** {@code RESET [SESSION|LOCAL|GLOBAL] name} ({@code RESET ALL} gives the name {@code all}). */
public record ResetVariable(Position position, SetScope scope, QualifiedName name) implements Statement {
}
