package dev.mallard.sql.tree;

public enum ColumnConstraintKind {
    NOT_NULL, NULL, PRIMARY_KEY, UNIQUE, DEFAULT, CHECK, REFERENCES
}
