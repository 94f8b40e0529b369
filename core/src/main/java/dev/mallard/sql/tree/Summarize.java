package dev.mallard.sql.tree;

/** {@code SUMMARIZE t | query | 'file'}; a table or file arrives as the query {@code FROM t}. */
public record Summarize(Position position, Query query) implements Statement {
}
