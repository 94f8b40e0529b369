package dev.mallard.sql.tree;

/** Anything in the syntax tree. Every node knows where it starts in the SQL text. */
public interface Node {
    Position position();
}
