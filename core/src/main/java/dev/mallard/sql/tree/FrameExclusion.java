package dev.mallard.sql.tree;

/** {@code EXCLUDE ...}; NO_OTHERS when absent. */
public enum FrameExclusion {
    NO_OTHERS, CURRENT_ROW, GROUP, TIES
}
