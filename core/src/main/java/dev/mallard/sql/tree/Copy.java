package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code COPY t [(cols)] FROM 'path' [WITH] [(options)]}, {@code COPY t [(cols)] TO 'path' ...}
 * or {@code COPY (query) TO 'path' ...}.
 *
 * @param table   the table, null when copying a query
 * @param columns column list after the table (empty = all)
 * @param query   the query for {@code COPY (query) TO}, null otherwise
 * @param options in written order; option names as written, values per {@link CopyOption}
 */
public record Copy(Position position, QualifiedName table, List<Identifier> columns, Query query,
                   CopyDirection direction, String path, List<CopyOption> options) implements Statement {
    public Copy {
        columns = List.copyOf(columns);
        options = List.copyOf(options);
    }
}
