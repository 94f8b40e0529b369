package dev.mallard.sql.tree;

public enum SetOperator {
    UNION, INTERSECT, EXCEPT
}
