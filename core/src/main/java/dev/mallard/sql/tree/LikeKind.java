package dev.mallard.sql.tree;

public enum LikeKind {
    LIKE, ILIKE, SIMILAR_TO, GLOB
}
