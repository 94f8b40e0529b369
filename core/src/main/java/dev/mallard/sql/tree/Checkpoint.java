package dev.mallard.sql.tree;

/** {@code [FORCE] CHECKPOINT}. */
public record Checkpoint(Position position, boolean force) implements Statement {
}
