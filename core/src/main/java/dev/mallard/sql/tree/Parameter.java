package dev.mallard.sql.tree;

/**
 * A prepared-statement parameter. {@code ?} marks are numbered 1, 2, ... in text order within
 * each statement; {@code $n} carries its own number.
 */
public record Parameter(Position position, int index) implements Expression {
}
