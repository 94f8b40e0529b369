package dev.mallard.sql.tree;

/**
 * A string literal used as a table: {@code FROM 'stops.csv.zip'}. The binder picks a reader from
 * the path (extension, globs). {@code alias} is null when none was written.
 */
public record FileRelation(Position position, String path, Alias alias) implements Relation {
}
