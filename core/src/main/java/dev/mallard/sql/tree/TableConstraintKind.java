package dev.mallard.sql.tree;

public enum TableConstraintKind {
    PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY
}
