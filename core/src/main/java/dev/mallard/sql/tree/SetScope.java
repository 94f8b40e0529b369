package dev.mallard.sql.tree;

/** DEFAULT when no scope keyword was written. */
public enum SetScope {
    DEFAULT, SESSION, LOCAL, GLOBAL
}
