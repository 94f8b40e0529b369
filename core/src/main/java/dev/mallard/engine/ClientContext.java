package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.planner.ModificationBinder;
import dev.mallard.sql.parser.SqlParser;
import dev.mallard.sql.tree.Statement;
import dev.mallard.types.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * One connection's session: its settings, its transaction and the statement running on it.
 * Safe to call from several threads: statements on one connection run one at a time.
 */
public final class ClientContext implements AutoCloseable {
    private final DatabaseInstance database;
    private final Settings settings;
    private final StatementExecutor executor;
    private volatile boolean closed;
    private volatile boolean cancelRequested;
    private final Object statementLock = new Object();
    /** Undo actions of the open explicit transaction, or null in autocommit mode. */
    private Transaction transaction;

    ClientContext(DatabaseInstance database) {
        this(database, new Settings());
    }

    ClientContext(DatabaseInstance database, Settings settings) {
        this.database = database;
        this.settings = settings;
        this.sessionTables = new ConnectionTables(new RejectTables());
        this.executor = new StatementExecutor(this);
    }

    /**
     * Another session of the same database that shares this one's settings (SET on either applies
     * to both): a {@code dev.mallard.api.Database} runs each call on its own session this way, so
     * calls from many threads run side by side and still see one configuration.
     */
    public ClientContext newSession() {
        return database.connect(settings);
    }

    public DatabaseInstance database() {
        return database;
    }

    /** This connection's tables outside the catalog (Java data handed to it, rejected rows of file scans). */
    private final ConnectionTables sessionTables;

    ConnectionTables sessionTables() {
        return sessionTables;
    }

    /**
     * Makes {@code tables} (Java data by name) visible to the statements of this connection, ahead
     * of tables added before: a Database's registrations, then one call's own tables.
     */
    public void addTables(RegisteredTables tables) {
        sessionTables.add(tables);
    }

    Settings settings() {
        return settings;
    }

    /** The threads one statement of this connection may use ({@code SET threads}). */
    public int threads() {
        return settings.threads();
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Runs every statement of {@code sql} in order; returns the last one's result. */
    public StatementResult execute(String sql) {
        StatementResult last = new UpdateResult(0);
        for (SqlParser.Sourced st : SqlParser.parseScript(sql)) {
            if (last instanceof QueryResult q) q.close();
            last = run(st.statement(), sql, st.text(), List.of());
        }
        return last;
    }

    /** Parses one statement with parameters for repeated execution. */
    public PreparedQuery prepare(String sql) {
        Statement st = SqlParser.parseOne(sql);
        int count = ParameterCounter.count(st);
        boolean rows = StatementExecutor.returnsRows(st);
        return new PreparedQuery() {
            @Override
            public int parameterCount() {
                return count;
            }

            @Override
            public StatementResult execute(List<Object> parameters) {
                if (parameters.size() < count) {
                    throw new MallardException("07001", "the statement has " + count + " parameter(s) but "
                            + parameters.size() + " value(s) were bound");
                }
                List<Values.Typed> typed = new ArrayList<>(parameters.size());
                for (Object p : parameters) typed.add(Values.fromJava(p));
                return run(st, sql, sql.trim(), typed);
            }

            @Override
            public long executeBatch(List<List<Object>> batch) {
                if (st instanceof dev.mallard.sql.tree.Insert insert && ModificationBinder.batchable(insert) && !batch.isEmpty()) {
                    List<List<Values.Typed>> typed = new ArrayList<>(batch.size());
                    for (List<Object> row : batch) {
                        if (row.size() < count) {
                            throw new MallardException("07001", "the statement has " + count + " parameter(s) but "
                                    + row.size() + " value(s) were bound");
                        }
                        List<Values.Typed> t = new ArrayList<>(row.size());
                        for (Object p : row) t.add(Values.fromJava(p));
                        typed.add(t);
                    }
                    return ((UpdateResult) runBatch(insert, sql, typed)).count();
                }
                long total = 0;
                for (List<Object> row : batch) {
                    if (execute(row) instanceof UpdateResult u) total += u.count();
                }
                return total;
            }

            @Override
            public boolean batchable() {
                return st instanceof dev.mallard.sql.tree.Insert insert && ModificationBinder.batchable(insert)
                        && insert.onConflict() == null;
            }

            @Override
            public boolean returnsRows() {
                return rows;
            }
        };
    }

    /** The catalog as this session sees it: its open transaction's snapshot, else the last commit. */
    public dev.mallard.catalog.CatalogReader catalog() {
        return database.catalogFor(transaction);
    }

    /** The column types of a table, for an appender that fills vectors in the table's own types. */
    public List<dev.mallard.types.LogicalType> tableTypes(String schema, String table) {
        Lock lock = database.lock().readLock();
        lock.lock();
        try {
            if (!(catalog().find(schema, table) instanceof dev.mallard.catalog.TableEntry t)) {
                throw MallardException.Catalog.undefinedTable("table \"" + (schema == null ? "" : schema + ".") + table
                        + "\" does not exist");
            }
            return t.types();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Inserts rows already in the column types of {@code columns} (indexes in table order; null: every
     * column) as one statement, like {@code INSERT INTO table (columns) ...}: the other columns take
     * their defaults, constraints are checked over all rows first, and a failure inserts none.
     */
    public long append(String schema, String table, int[] columns, ChunkCollection rows) {
        dev.mallard.sql.tree.QualifiedName name = schema == null ? dev.mallard.sql.tree.QualifiedName.of(table)
                : dev.mallard.sql.tree.QualifiedName.of(schema, table);
        return ((UpdateResult) inStatement(tx -> executor.executeAppend(name, columns, rows, tx))).count();
    }

    /**
     * Runs {@code sql}, an INSERT whose VALUES is one row of {@code ?} parameters (ON CONFLICT allowed),
     * once for every row of {@code rows}, which holds the parameters in the target columns' types, as
     * one statement: a JDBC batch whose values are in vectors already. Returns the rows inserted or updated.
     */
    public long insertRows(String sql, ChunkCollection rows) {
        if (!(SqlParser.parseOne(sql) instanceof dev.mallard.sql.tree.Insert insert) || !ModificationBinder.batchable(insert)) {
            throw MallardException.Data.invalidArgument("rows in vectors need an INSERT ... VALUES of one row of parameters: " + sql);
        }
        return ((UpdateResult) inStatement(tx -> executor.executeInsertRows(insert, sql, rows, tx))).count();
    }

    private StatementResult run(Statement st, String sql, String text, List<Values.Typed> params) {
        return inStatement(tx -> executor.execute(st, sql, text, params, tx));
    }

    private StatementResult runBatch(dev.mallard.sql.tree.Insert insert, String sql, List<List<Values.Typed>> batch) {
        return inStatement(tx -> executor.executeInsertBatch(insert, sql, batch, tx));
    }

    /** Runs one statement's work inside the open transaction (or its own), undoing it all if it fails. */
    private StatementResult inStatement(java.util.function.Function<Transaction, StatementResult> work) {
        if (closed) throw new MallardException("08003", "connection is closed");
        synchronized (statementLock) {
            cancelRequested = false;
            boolean autocommit = transaction == null;
            Transaction tx = autocommit ? database.newTransaction() : transaction;
            Transaction.Mark mark = tx.mark();
            StatementResult r;
            try {
                r = work.apply(tx);
            } catch (RuntimeException e) {
                // A failed statement changes nothing: undo what it did, keep the transaction's earlier work.
                undoStatement(tx, mark, autocommit);
                if (e instanceof MallardException) throw e;
                throw new MallardException.Internal("internal error: " + e, e);
            } catch (StackOverflowError e) {
                undoStatement(tx, mark, autocommit);
                throw new MallardException("54001", "statement too complex (stack depth exceeded)");
            }
            if (autocommit) database.commit(tx);
            return r;
        }
    }

    private void undoStatement(Transaction tx, Transaction.Mark mark, boolean autocommit) {
        if (autocommit) database.rollback(tx);
        else database.rollbackStatement(tx, mark);
    }

    /** Cancels the statement running on this connection, if any; it fails with SQLSTATE 57014. */
    public void cancel() {
        cancelRequested = true;
    }

    public boolean autoCommit() {
        synchronized (statementLock) {
            return transaction == null;
        }
    }

    /** Turning autocommit off starts a transaction; turning it on commits the open one. */
    public void setAutoCommit(boolean autoCommit) {
        synchronized (statementLock) {
            if (autoCommit && transaction != null) commit();
            else if (!autoCommit && transaction == null) transaction = database.newTransaction();
        }
    }

    void begin() {
        if (transaction != null) throw new MallardException.Transaction("cannot start a transaction within a transaction");
        transaction = database.newTransaction();
    }

    boolean inTransaction() {
        return transaction != null;
    }

    public void commit() {
        synchronized (statementLock) {
            if (transaction == null) return;
            Transaction tx = transaction;
            transaction = null;
            database.commit(tx);
        }
    }

    public void rollback() {
        synchronized (statementLock) {
            if (transaction == null) return;
            Transaction tx = transaction;
            transaction = null;
            database.rollback(tx);
        }
    }

    /** COMMIT/ROLLBACK as statements: the statement itself runs inside the transaction it ends. */
    void endTransaction(boolean commit) {
        if (transaction == null) {
            throw new MallardException.Transaction("cannot " + (commit ? "commit" : "rollback") + " - no transaction is active");
        }
        Transaction tx = transaction;
        transaction = null;
        if (commit) database.commit(tx);
        else database.rollback(tx);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) return;
        synchronized (statementLock) {
            if (transaction != null) {
                Transaction tx = transaction;
                transaction = null;
                database.rollback(tx);
            }
        }
        closed = true;
        database.connectionClosed();
    }
}
