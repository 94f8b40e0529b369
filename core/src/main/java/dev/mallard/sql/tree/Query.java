package dev.mallard.sql.tree;

/**
 * A full query: optional WITH, a body (SELECT, set operation, VALUES or a nested Query), and the
 * modifiers that apply to the whole result. A Query is also a {@link QueryBody}, so a
 * parenthesized query with its own ORDER BY/LIMIT can be an operand of UNION etc.; a
 * parenthesized query without WITH/ORDER BY/LIMIT/OFFSET is unwrapped by the parser.
 *
 * @param with    null when absent
 * @param orderBy null when absent
 * @param limit   null when absent or {@code LIMIT ALL}; {@code FETCH FIRST n ROWS ONLY} lands here too
 * @param offset  null when absent
 */
public record Query(Position position, With with, QueryBody body, OrderBy orderBy,
                   Expression limit, Expression offset) implements Statement, QueryBody {

    /** A query that is just its body. */
    public static Query of(QueryBody body) {
        return new Query(body.position(), null, body, null, null, null);
    }

    public boolean hasModifiers() {
        return with != null || orderBy != null || limit != null || offset != null;
    }
}
