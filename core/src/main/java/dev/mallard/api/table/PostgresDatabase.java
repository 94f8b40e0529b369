package dev.mallard.api.table;

import dev.mallard.MallardException;
import dev.mallard.api.Database;
import dev.mallard.api.Result;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL database behind the {@link Database} interface, through PostgreSQL's JDBC driver
 * ({@code org.postgresql:postgresql}, which the application puts on its class path: embedded users
 * do not carry it). The table API behaves as on Mallard; {@link #sql} runs SQL on the server (in
 * PostgreSQL's dialect). Java data cannot be registered: the server cannot read this JVM's objects.
 */
public final class PostgresDatabase implements Database {
    private final TableStore store;
    private volatile boolean closed;

    private PostgresDatabase(TableStore store) {
        this.store = store;
    }

    /** Connects to {@code url} ({@code jdbc:postgresql://host:port/db?user=...&password=...}); fails now if the server cannot be reached. */
    public static PostgresDatabase connect(String url) {
        requireDriver(url);
        PostgresDatabase db = new PostgresDatabase(TableStore.postgres(() -> DriverManager.getConnection(url)));
        try {
            db.store.autoCommit.read(c -> null); // connect once now: a wrong URL or password fails here, not at the first insert
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static void requireDriver(String url) {
        try {
            Driver d = DriverManager.getDriver(url);
            if (d == null) throw new SQLException("no driver");
        } catch (SQLException e) {
            throw new MallardException("08001", "no JDBC driver for " + url.replaceAll("password=[^&]*", "password=***")
                    + ": add PostgreSQL's driver to the application (Maven: org.postgresql:postgresql)", e);
        }
    }

    @Override
    public Result sql(String sql, Object... parameters) {
        requireOpen();
        return store.autoCommit.read(c -> Statements.query(c, sql, parameters));
    }

    @Override
    public Result sql(String sql, Map<String, ?> tables, Object... parameters) {
        throw javaData();
    }

    @Override
    public void register(String name, Object data) {
        throw javaData();
    }

    @Override
    public void register(String name, Object data, Class<?> rowClass) {
        throw javaData();
    }

    @Override
    public boolean unregister(String name) {
        return false;
    }

    private static MallardException javaData() {
        return new MallardException.NotImplemented("a PostgreSQL database cannot query Java data in place (the server cannot read this JVM's"
                + " objects); insert the rows with db.table(name).insertMany(rows), or query them with an embedded database (Mallard.open())");
    }

    @Override
    public Table table(String name) {
        requireOpen();
        return store.table(name, TableOptions.defaults());
    }

    @Override
    public Table table(String name, TableOptions options) {
        requireOpen();
        return store.table(name, options);
    }

    @Override
    public List<String> tables() {
        requireOpen();
        return store.tables();
    }

    @Override
    public Transaction begin() {
        requireOpen();
        return store.begin();
    }

    private void requireOpen() {
        if (closed) throw new MallardException("08003", "the database is closed");
    }

    @Override
    public void close() {
        closed = true;
        store.close();
    }
}
