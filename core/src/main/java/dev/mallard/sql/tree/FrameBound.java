package dev.mallard.sql.tree;

/** One end of a window frame; {@code offset} is set only for PRECEDING and FOLLOWING. */
public record FrameBound(Position position, FrameBoundType type, Expression offset) implements Node {
}
