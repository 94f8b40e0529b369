package dev.mallard.sql.tree;

/** A GROUP BY clause. */
public sealed interface GroupBy extends Node permits GroupByExpressions, GroupByAll, GroupingSets {
}
