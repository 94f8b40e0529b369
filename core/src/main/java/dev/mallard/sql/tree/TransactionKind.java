package dev.mallard.sql.tree;

public enum TransactionKind {
    BEGIN, COMMIT, ROLLBACK
}
