package dev.mallard.sql.tree;

public enum ObjectType {
    TABLE, VIEW, SCHEMA, INDEX
}
