package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code CREATE [OR REPLACE] [TEMP] VIEW [IF NOT EXISTS] v [(cols)] AS query}.
 * {@code queryText} is the exact source text of the query, for the catalog to store and re-parse.
 */
public record CreateView(Position position, QualifiedName name, boolean orReplace, boolean temporary,
                         boolean ifNotExists, List<Identifier> columns, Query query, String queryText)
        implements Statement {
    public CreateView {
        columns = List.copyOf(columns);
    }
}
