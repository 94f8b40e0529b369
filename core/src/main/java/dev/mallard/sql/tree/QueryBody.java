package dev.mallard.sql.tree;

/** The part of a query that produces rows: SELECT, set operation, VALUES, or a nested query. */
public sealed interface QueryBody extends Node permits Select, SetOperation, Values, Query {
}
