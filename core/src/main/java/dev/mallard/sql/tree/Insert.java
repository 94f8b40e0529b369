package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code INSERT [OR REPLACE|OR IGNORE] INTO t [AS alias] [(cols) | BY NAME] source [ON CONFLICT ...] [RETURNING ...]}.
 *
 * @param alias      null if none (used by ON CONFLICT ... WHERE)
 * @param columns    target columns; empty = all columns in table order
 * @param byName     DuckDB {@code BY NAME}: match source columns to table columns by name
 * @param source     the rows: a Query (VALUES or SELECT ...); null for {@code DEFAULT VALUES}
 * @param onConflict null if no conflict clause; {@code INSERT OR IGNORE} gives DO NOTHING and
 *                   {@code INSERT OR REPLACE} gives {@link ConflictAction#REPLACE}, both without target columns
 * @param returning  empty if no RETURNING
 * @param with       {@code WITH ... INSERT ...}: CTEs visible to the source query; null if none
 */
public record Insert(Position position, QualifiedName table, Identifier alias, List<Identifier> columns,
                     boolean byName, Query source, OnConflict onConflict, List<SelectItem> returning, With with)
        implements Statement {
    public Insert {
        columns = List.copyOf(columns);
        returning = List.copyOf(returning);
    }

    /** Without a WITH clause. */
    public Insert(Position position, QualifiedName table, Identifier alias, List<Identifier> columns,
                  boolean byName, Query source, OnConflict onConflict, List<SelectItem> returning) {
        this(position, table, alias, columns, byName, source, onConflict, returning, null);
    }

    public boolean defaultValues() {
        return source == null;
    }
}
