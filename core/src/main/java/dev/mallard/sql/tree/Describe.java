package dev.mallard.sql.tree;

/**
 * {@code DESCRIBE t}, {@code SHOW t}, {@code DESCRIBE query}. Exactly one of {@code table} (a plain
 * name: show the catalog's column info) and {@code query} (anything else, including
 * {@code DESCRIBE 'file.csv'} as {@code FROM 'file.csv'}: show the result schema) is non-null.
 */
public record Describe(Position position, QualifiedName table, Query query) implements Statement {
}
