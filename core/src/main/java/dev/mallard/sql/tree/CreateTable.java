package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code CREATE [OR REPLACE] [TEMP] TABLE [IF NOT EXISTS] t (columns, constraints)} or
 * {@code CREATE ... TABLE t [(col names)] AS query}.
 *
 * @param columns     column definitions; for CREATE TABLE AS only names may be given (type null)
 * @param constraints table-level constraints (empty if none)
 * @param asQuery     the query for CREATE TABLE AS, null otherwise
 */
public record CreateTable(Position position, QualifiedName name, boolean orReplace, boolean temporary,
                          boolean ifNotExists, List<ColumnDefinition> columns, List<TableConstraint> constraints,
                          Query asQuery) implements Statement {
    public CreateTable {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
    }
}
