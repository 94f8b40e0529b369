package dev.mallard.sql.tree;

/** A FROM item. */
public sealed interface Relation extends Node
        permits TableRef, SubqueryRelation, TableFunction, FileRelation, Join {
}
