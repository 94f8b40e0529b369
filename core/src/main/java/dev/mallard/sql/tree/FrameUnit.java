package dev.mallard.sql.tree;

public enum FrameUnit {
    ROWS, RANGE, GROUPS
}
