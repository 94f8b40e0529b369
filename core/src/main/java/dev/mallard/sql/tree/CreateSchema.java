package dev.mallard.sql.tree;

/** {@code CREATE SCHEMA [IF NOT EXISTS] s}. */
public record CreateSchema(Position position, QualifiedName name, boolean ifNotExists) implements Statement {
}
