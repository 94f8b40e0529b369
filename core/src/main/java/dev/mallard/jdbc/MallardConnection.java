package dev.mallard.jdbc;

import dev.mallard.catalog.Catalog;
import dev.mallard.engine.ClientContext;
import dev.mallard.engine.StatementResult;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A JDBC connection: one engine session ({@link ClientContext}).
 *
 * <p>Thread safety: every call that runs engine code (statements, chunk fetches, commit,
 * rollback) synchronizes on {@link #lock()}, so one connection can be shared by several threads;
 * their statements run one at a time. {@code Statement.cancel()} deliberately does not take the
 * lock — it must reach a statement that holds it.
 *
 * <p>Autocommit: the engine treats "no open transaction" as autocommit and ends its transaction on
 * COMMIT or ROLLBACK; JDBC's manual-commit mode expects a new transaction to start right away. The
 * connection therefore keeps its own autocommit flag and, in manual mode, opens a new engine
 * transaction before each statement when none is open.
 */
public final class MallardConnection implements Connection {
    private static final Set<String> CLIENT_INFO = Set.of("ApplicationName", "ClientUser", "ClientHostname");

    private final ClientContext context;
    private final String url;
    private final Object lock = new Object();
    private volatile boolean closed;
    private boolean autoCommit = true;
    private String schema = Catalog.DEFAULT_SCHEMA;
    private boolean readOnly;
    private SQLWarning warnings;
    private final Properties clientInfo = new Properties();
    /**
     * Open statements, closed with the connection so their engine results are released. Weak:
     * a statement the application forgot to close must not stay reachable through here.
     */
    private final Set<MallardStatement> statements = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    MallardConnection(ClientContext context, String url) {
        this.context = context;
        this.url = url;
    }

    /**
     * A connection on a session the caller made ({@code dev.mallard.api.Database} hands its table API
     * one per call); closing the connection closes the session.
     */
    public static MallardConnection on(ClientContext context) {
        return new MallardConnection(context, "jdbc:mallard:");
    }

    /**
     * A new connection to the same database (DuckDB's driver offers the same), so a private
     * in-memory database can still be shared by several connections of its creator.
     */
    public MallardConnection duplicate() throws java.sql.SQLException {
        if (context.isClosed()) throw new java.sql.SQLException("connection is closed", "08003");
        return new MallardConnection(context.database().connect(), url);
    }

    /**
     * An appender for one table: the fastest way to load rows from Java (see {@link MallardAppender}).
     * {@code schema} may be null for the connection's current schema.
     */
    public MallardAppender createAppender(String schema, String table) throws SQLException {
        checkOpen();
        return new MallardAppender(this, schema == null ? this.schema : schema, table);
    }

    ClientContext context() {
        return context;
    }

    /**
     * The column types of {@code table} ({@code schema} null: the connection's current schema), in
     * table order: what a bulk writer fills its vectors in ({@link #append}).
     */
    public java.util.List<dev.mallard.types.LogicalType> tableTypes(String schema, String table) throws SQLException {
        synchronized (lock) {
            checkOpen();
            try {
                return context.tableTypes(schema == null ? this.schema : schema, table);
            } catch (RuntimeException e) {
                throw SqlExceptions.of(e);
            }
        }
    }

    /** The threads one statement may use ({@code SET threads}): work done for the connection outside a statement keeps to it too. */
    public int threads() {
        return context.threads();
    }

    /**
     * Inserts rows already in the column types of {@code columns} (indexes into {@link #tableTypes};
     * null: every column) as one statement of the connection's transaction, with INSERT's defaults
     * for the other columns and its constraint checks: a failure inserts none of them. The bulk path
     * under {@link MallardAppender} and the table API's insertMany; returns the row count.
     */
    public long append(String schema, String table, int[] columns, dev.mallard.engine.ChunkCollection rows) throws SQLException {
        return inStatement(() -> context.append(schema == null ? this.schema : schema, table, columns, rows));
    }

    /**
     * Runs {@code sql}, an INSERT whose VALUES is one row of {@code ?} (ON CONFLICT allowed), once for
     * every row of {@code rows}, which holds the parameters in the target columns' types: a JDBC batch
     * whose values are in vectors already, run as one statement. Returns the rows inserted or updated.
     */
    public long insertRows(String sql, dev.mallard.engine.ChunkCollection rows) throws SQLException {
        return inStatement(() -> context.insertRows(sql, rows));
    }

    private long inStatement(java.util.function.LongSupplier statement) throws SQLException {
        synchronized (lock) {
            checkOpen();
            beforeStatement();
            try {
                return statement.getAsLong();
            } catch (RuntimeException e) {
                throw SqlExceptions.of(e);
            }
        }
    }

    Object lock() {
        return lock;
    }

    String url() {
        return url;
    }

    void checkOpen() throws SQLException {
        if (closed) throw SqlExceptions.connectionClosed();
    }

    /** Called under the lock before every statement: keeps manual-commit mode inside a transaction. */
    void beforeStatement() {
        if (!autoCommit && context.autoCommit()) context.setAutoCommit(false);
    }

    /** Runs a statement of the driver's own (DESCRIBE for metadata, SET for setSchema). */
    StatementResult runInternal(String sql) throws SQLException {
        synchronized (lock) {
            checkOpen();
            beforeStatement();
            try {
                return context.execute(sql);
            } catch (RuntimeException e) {
                throw SqlExceptions.of(e);
            }
        }
    }

    private void addWarning(SQLWarning w) {
        if (warnings == null) warnings = w;
        else warnings.setNextWarning(w);
    }

    // ---- statements ---------------------------------------------------------------------------

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return register(new MallardStatement(this));
    }

    private <S extends MallardStatement> S register(S statement) {
        synchronized (statements) {
            statements.add(statement);
        }
        return statement;
    }

    void statementClosed(MallardStatement statement) {
        synchronized (statements) {
            statements.remove(statement);
        }
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        return createStatement(type, concurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        checkResultSetOptions(type, concurrency, holdability);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return register(new MallardPreparedStatement(this, sql));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        return prepareStatement(sql, type, concurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability) throws SQLException {
        checkResultSetOptions(type, concurrency, holdability);
        return prepareStatement(sql);
    }

    /** Generated keys are not reported yet: {@code getGeneratedKeys()} returns an empty result. */
    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys != Statement.RETURN_GENERATED_KEYS && autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
            throw new SQLException("invalid autoGeneratedKeys value " + autoGeneratedKeys, "HY024");
        }
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return prepareStatement(sql);
    }

    /**
     * Only forward-only, read-only cursors exist; as the JDBC spec asks, other requests are
     * downgraded with a warning on the connection rather than refused.
     */
    private void checkResultSetOptions(int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE && type != ResultSet.TYPE_SCROLL_SENSITIVE) {
            throw new SQLException("invalid result set type " + type, "HY024");
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY && concurrency != ResultSet.CONCUR_UPDATABLE) {
            throw new SQLException("invalid result set concurrency " + concurrency, "HY024");
        }
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT && holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            throw new SQLException("invalid result set holdability " + holdability, "HY024");
        }
        if (type != ResultSet.TYPE_FORWARD_ONLY) addWarning(new SQLWarning("only forward-only result sets are supported; using TYPE_FORWARD_ONLY", "01000"));
        if (concurrency != ResultSet.CONCUR_READ_ONLY) addWarning(new SQLWarning("only read-only result sets are supported; using CONCUR_READ_ONLY", "01000"));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        throw SqlExceptions.unsupported("stored procedures (prepareCall)");
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        throw SqlExceptions.unsupported("stored procedures (prepareCall)");
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
        throw SqlExceptions.unsupported("stored procedures (prepareCall)");
    }

    /** Mallard does not process JDBC escape syntax, so the SQL is sent as written. */
    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return sql;
    }

    // ---- transactions -----------------------------------------------------------------------

    @Override
    public void setAutoCommit(boolean on) throws SQLException {
        synchronized (lock) {
            checkOpen();
            try {
                context.setAutoCommit(on);
            } catch (RuntimeException e) {
                throw SqlExceptions.of(e);
            }
            autoCommit = on;
        }
    }

    /** False also while a transaction opened with BEGIN is in progress. */
    @Override
    public boolean getAutoCommit() throws SQLException {
        synchronized (lock) {
            checkOpen();
            return autoCommit && context.autoCommit();
        }
    }

    @Override
    public void commit() throws SQLException {
        endTransaction(true);
    }

    @Override
    public void rollback() throws SQLException {
        endTransaction(false);
    }

    private void endTransaction(boolean commit) throws SQLException {
        synchronized (lock) {
            checkOpen();
            if (autoCommit && context.autoCommit()) {
                throw new SQLException("cannot " + (commit ? "commit" : "roll back") + " when autocommit is on", "25000");
            }
            try {
                if (commit) context.commit();
                else context.rollback();
                if (!autoCommit) context.setAutoCommit(false);
            } catch (RuntimeException e) {
                throw SqlExceptions.of(e);
            }
        }
    }

    /**
     * Mallard's transactions aim at snapshot isolation (what DuckDB gives), reported as
     * REPEATABLE_READ. Weaker requests are accepted (the isolation given is at least as strong);
     * SERIALIZABLE cannot be promised.
     */
    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        switch (level) {
            case TRANSACTION_READ_UNCOMMITTED, TRANSACTION_READ_COMMITTED, TRANSACTION_REPEATABLE_READ -> { }
            case TRANSACTION_SERIALIZABLE -> throw SqlExceptions.unsupported("TRANSACTION_SERIALIZABLE (Mallard gives snapshot isolation)");
            default -> throw new SQLException("invalid transaction isolation level " + level, "HY024");
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return TRANSACTION_REPEATABLE_READ;
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        throw SqlExceptions.unsupported("savepoints");
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        throw SqlExceptions.unsupported("savepoints");
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        throw SqlExceptions.unsupported("savepoints");
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        throw SqlExceptions.unsupported("savepoints");
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    /** Cancels a statement another thread is running on this connection, then closes the session. */
    @Override
    public void close() throws SQLException {
        if (closed) return;
        context.cancel();
        List<MallardStatement> open;
        synchronized (statements) {
            open = new ArrayList<>(statements);
            statements.clear();
        }
        synchronized (lock) {
            if (closed) return;
            for (MallardStatement s : open) s.closeQuietly();
            closed = true;
            context.close();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) throw new SQLException("timeout must be >= 0, got " + timeout, "HY024");
        return !closed && !context.isClosed();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) throw new SQLException("executor must not be null", "HY009");
        if (closed) return;
        context.cancel();
        closed = true;
        executor.execute(() -> {
            synchronized (lock) {
                context.close();
            }
        });
    }

    // ---- properties -------------------------------------------------------------------------

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new MallardDatabaseMetaData(this);
    }

    /** A hint only: Mallard has no read-only sessions yet, so nothing is enforced. */
    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    /** Mallard has no catalogs (one database per connection); the JDBC spec asks to ignore this. */
    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void setSchema(String name) throws SQLException {
        checkOpen();
        if (name == null || !context.catalog().hasSchema(name)) {
            throw new SQLException("schema \"" + name + "\" does not exist", "3F000");
        }
        runInternal("SET search_path = '" + name.replace("'", "''") + "'");
        synchronized (lock) {
            schema = name;
        }
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        synchronized (lock) {
            return schema;
        }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        synchronized (lock) {
            return warnings;
        }
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        synchronized (lock) {
            warnings = null;
        }
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return new HashMap<>();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) throw SqlExceptions.unsupported("custom type maps");
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        if (holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT) throw SqlExceptions.unsupported("HOLD_CURSORS_OVER_COMMIT");
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) throw new SQLException("invalid holdability " + holdability, "HY024");
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    /** The standard properties are kept (and reported back); unknown ones add a warning, as JDBC asks. */
    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (closed) throw new SQLClientInfoException("connection is closed", "08003", Map.of(name, ClientInfoStatus.REASON_UNKNOWN));
        if (!CLIENT_INFO.contains(name)) {
            synchronized (lock) {
                addWarning(new SQLWarning("unknown client info property " + name + " ignored", "01000"));
            }
            return;
        }
        if (value == null) clientInfo.remove(name);
        else clientInfo.setProperty(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        for (String name : properties.stringPropertyNames()) setClientInfo(name, properties.getProperty(name));
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        Properties p = new Properties();
        p.putAll(clientInfo);
        return p;
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        throw SqlExceptions.unsupported("network timeouts (Mallard is embedded; use Statement.setQueryTimeout)");
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override public Clob createClob() throws SQLException { throw SqlExceptions.unsupported("CLOB"); }
    @Override public Blob createBlob() throws SQLException { throw SqlExceptions.unsupported("BLOB"); }
    @Override public NClob createNClob() throws SQLException { throw SqlExceptions.unsupported("NCLOB"); }
    @Override public SQLXML createSQLXML() throws SQLException { throw SqlExceptions.unsupported("SQLXML"); }
    @Override public Array createArrayOf(String typeName, Object[] elements) throws SQLException { throw SqlExceptions.unsupported("ARRAY"); }
    @Override public Struct createStruct(String typeName, Object[] attributes) throws SQLException { throw SqlExceptions.unsupported("STRUCT"); }

    /** Also unwraps to the engine session, for code that wants Mallard's own API. */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        if (iface == ClientContext.class) return iface.cast(context);
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this) || iface == ClientContext.class;
    }

    @Override
    public String toString() {
        return "MallardConnection[" + url + (closed ? ", closed" : "") + "]";
    }
}
