package dev.mallard.api.table;

import dev.mallard.api.Result;
import java.util.List;

/**
 * A transaction of a database's table API, from {@code db.begin()}:
 * <pre>{@code
 * try (var tx = db.begin()) {
 *     tx.table("accounts").update(Map.of("name", "Ann", "balance", 90), "name");
 *     tx.table("accounts").update(Map.of("name", "Bob", "balance", 110), "name");
 *     tx.commit();
 * }   // closed without commit(): rolled back, also when an exception leaves the block
 * }</pre>
 * Tables taken from it read and write inside the transaction; other threads see its writes only
 * after commit. A call that fails inside it leaves it able only to roll back. One thread at a time.
 */
public final class Transaction implements Tables, AutoCloseable {
    private final TransactionScope scope;

    Transaction(TransactionScope scope) {
        this.scope = scope;
    }

    @Override
    public Table table(String name) {
        return new Table(scope, name, TableOptions.defaults());
    }

    @Override
    public Table table(String name, TableOptions options) {
        return new Table(scope, name, options);
    }

    @Override
    public List<String> tables() {
        return scope.read(scope.store().dialect::tables);
    }

    /** Runs {@code sql} inside the transaction; the rows are read into memory before the call returns. */
    @Override
    public Result query(String sql, Object... parameters) {
        return scope.write(c -> Statements.query(c, sql, parameters));
    }

    public void commit() {
        scope.commit();
    }

    public void rollback() {
        scope.rollback();
    }

    /** Rolls back unless committed. */
    @Override
    public void close() {
        scope.rollback();
    }
}
