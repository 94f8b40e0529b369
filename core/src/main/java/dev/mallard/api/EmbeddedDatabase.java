package dev.mallard.api;

import dev.mallard.MallardException;
import dev.mallard.api.scan.JavaTables;
import dev.mallard.api.table.Table;
import dev.mallard.api.table.TableOptions;
import dev.mallard.api.table.TableStore;
import dev.mallard.api.table.Transaction;
import dev.mallard.jdbc.MallardConnection;
import dev.mallard.function.table.BoundTableFunction;
import dev.mallard.engine.ChunkCollection;
import dev.mallard.engine.ChunkScan;
import dev.mallard.engine.ClientContext;
import dev.mallard.engine.DatabaseInstance;
import dev.mallard.engine.MaterializedResult;
import dev.mallard.engine.QueryResult;
import dev.mallard.engine.RegisteredTables;
import dev.mallard.engine.StatementResult;
import dev.mallard.engine.UpdateResult;
import dev.mallard.types.LogicalType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link Database} in this JVM (in memory or in a file). It holds one session for its lifetime,
 * which keeps the database open and carries the settings; each call runs on a fresh session
 * sharing those settings ({@link ClientContext#newSession()}), so calls from many threads run side
 * by side (the engine's snapshots isolate them) and {@code SET threads = 2} applies to all.
 */
public final class EmbeddedDatabase implements Database {
    private final ClientContext anchor;
    /** This Database's registrations: another Database open on the same file does not see them. */
    private final RegisteredTables registered = new RegisteredTables();
    private volatile boolean closed;
    /** The lazy table API's state; its calls run over JDBC on sessions like {@link #session()}'s. */
    private final TableStore tableStore;

    private EmbeddedDatabase(ClientContext anchor) {
        this.anchor = anchor;
        this.tableStore = TableStore.mallard(() -> {
            ClientContext s = session();
            s.addTables(registered);
            return MallardConnection.on(s);
        }, anchor.database());
    }

    /** A new private in-memory database. */
    public static EmbeddedDatabase inMemory() {
        return new EmbeddedDatabase(DatabaseInstance.inMemory().connect());
    }

    /** The database file at {@code path}, created if missing (shared with other openers in this JVM). */
    public static EmbeddedDatabase file(Path path) {
        return new EmbeddedDatabase(DatabaseInstance.connect(path, false));
    }

    @Override
    public Result sql(String sql, Object... parameters) {
        return run(sql, null, parameters);
    }

    @Override
    public Result sql(String sql, Map<String, ?> tables, Object... parameters) {
        RegisteredTables local = new RegisteredTables();
        for (Map.Entry<String, ?> e : tables.entrySet()) {
            requireFree(e.getKey());
            local.put(e.getKey(), tableOf(e.getKey(), e.getValue(), null));
        }
        return run(sql, local, parameters);
    }

    private Result run(String sql, RegisteredTables tables, Object[] parameters) {
        ClientContext session = session();
        try {
            session.addTables(registered);
            if (tables != null) session.addTables(tables);
            StatementResult r = parameters == null || parameters.length == 0 ? session.execute(sql)
                    : session.prepare(sql).execute(Arrays.asList(parameters));
            if (!session.autoCommit()) {
                session.rollback();
                throw new MallardException.Transaction("the statements left a transaction open, so it was rolled back: each call"
                        + " commits on its own; put BEGIN and COMMIT in the same call");
            }
            return new Result(switch (r) {
                case QueryResult q -> q;
                case UpdateResult u -> new MaterializedResult(List.of("count"), List.of(LogicalType.BIGINT),
                        List.<Object[]>of(new Object[] {u.count()}));
            });
        } finally {
            session.close();
        }
    }

    private ClientContext session() {
        if (closed) throw new MallardException("08003", "the database is closed");
        return anchor.newSession();
    }

    @Override
    public void register(String name, Object data) {
        register(name, data, null);
    }

    @Override
    public void register(String name, Object data, Class<?> rowClass) {
        if (closed) throw new MallardException("08003", "the database is closed");
        if (name == null || name.isBlank()) throw MallardException.Data.invalidArgument("a registered table needs a name");
        requireFree(name);
        registered.put(name, tableOf(name, data, rowClass));
    }

    /** Java data as scans ({@link JavaTables}); the rows of another query's result are read now and kept. */
    private static Supplier<? extends BoundTableFunction> tableOf(String name, Object data, Class<?> rowClass) {
        if (data instanceof Result result) {
            List<String> names = result.columnNames();
            ChunkCollection rows = result.materialize();
            return () -> new ChunkScan(name, names, rows);
        }
        return JavaTables.of(name, data, rowClass);
    }

    /** A table or view of the name would win over the Java data in every query: refuse the name instead of hiding the data. */
    private void requireFree(String name) {
        var entry = anchor.catalog().find(null, name);
        if (entry != null) {
            throw MallardException.Catalog.duplicate("\"" + name + "\" is already a table or view of this database; register the"
                    + " data under another name (a table of the same name would hide it)");
        }
    }

    @Override
    public boolean unregister(String name) {
        return registered.remove(name);
    }

    @Override
    public Table table(String name) {
        return tableStore.table(name, TableOptions.defaults());
    }

    @Override
    public Table table(String name, TableOptions options) {
        return tableStore.table(name, options);
    }

    @Override
    public List<String> tables() {
        return tableStore.tables();
    }

    @Override
    public Transaction begin() {
        return tableStore.begin();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        tableStore.close();
        anchor.close();
    }
}
