package dev.mallard.sql.tree;

import java.util.List;

/** {@code REFERENCES table [(cols)]}; {@code columns} empty = the referenced table's primary key. */
public record ForeignKeyReference(Position position, QualifiedName table, List<Identifier> columns) implements Node {
    public ForeignKeyReference {
        columns = List.copyOf(columns);
    }
}
