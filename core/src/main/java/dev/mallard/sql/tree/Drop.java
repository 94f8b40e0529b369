package dev.mallard.sql.tree;

import java.util.List;

/** {@code DROP TABLE|VIEW|SCHEMA|INDEX [IF EXISTS] name [, name ...] [CASCADE|RESTRICT]}. */
public record Drop(Position position, ObjectType objectType, boolean ifExists, List<QualifiedName> names,
                   boolean cascade) implements Statement {
    public Drop {
        names = List.copyOf(names);
    }
}
