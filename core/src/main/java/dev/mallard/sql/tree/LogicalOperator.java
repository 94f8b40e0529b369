package dev.mallard.sql.tree;

public enum LogicalOperator {
    AND, OR
}
