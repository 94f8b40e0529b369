package dev.mallard.sql.tree;

/** One entry of a select list (or a RETURNING list). */
public sealed interface SelectItem extends Node permits SelectExpression, SelectStar {
}
