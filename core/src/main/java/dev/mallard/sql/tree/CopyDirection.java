package dev.mallard.sql.tree;

/** FROM = import a file into a table, TO = export. */
public enum CopyDirection {
    FROM, TO
}
