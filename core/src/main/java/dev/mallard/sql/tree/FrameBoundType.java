package dev.mallard.sql.tree;

public enum FrameBoundType {
    UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING
}
