package dev.mallard.sql.tree;

/**
 * {@code [LATERAL] (query) [AS] alias}; also {@code (VALUES ...) t(a, b)}. {@code alias} may be
 * null (DuckDB allows unaliased subqueries).
 */
public record SubqueryRelation(Position position, Query query, Alias alias, boolean lateral) implements Relation {
}
