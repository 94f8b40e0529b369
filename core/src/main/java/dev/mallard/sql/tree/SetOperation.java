package dev.mallard.sql.tree;

/**
 * {@code left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] [BY NAME] right}. Left-associative;
 * INTERSECT binds tighter than UNION and EXCEPT. {@code all} is false for the default (DISTINCT).
 * {@code byName} is DuckDB's {@code UNION [ALL] BY NAME} (match columns by name, not position).
 */
public record SetOperation(Position position, SetOperator operator, boolean all, boolean byName,
                           QueryBody left, QueryBody right) implements QueryBody {
}
