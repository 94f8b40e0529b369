package dev.mallard.sql.tree;

/** BEGIN [TRANSACTION] / START TRANSACTION, COMMIT / END, ROLLBACK / ABORT. */
public record TransactionStatement(Position position, TransactionKind kind) implements Statement {
}
