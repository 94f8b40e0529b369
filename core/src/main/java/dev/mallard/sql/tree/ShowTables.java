package dev.mallard.sql.tree;

/**
 * {@code SHOW TABLES [FROM schema]} (tables of the current or given schema) or
 * {@code SHOW ALL TABLES} (all schemas). {@code schema} is null when not given.
 */
public record ShowTables(Position position, boolean all, QualifiedName schema) implements Statement {
}
