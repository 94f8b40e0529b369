package dev.mallard.engine;

import dev.mallard.function.table.BoundTableFunction;
import dev.mallard.io.Rejects;
import dev.mallard.planner.SessionTables;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tables outside the catalog that a connection's statements see: the Java data handed to it
 * ({@link RegisteredTables}: a {@code dev.mallard.api.Database}'s registrations, then the tables of
 * one {@code db.sql(sql, Map.of("trips", list))} call, the later added first), then the
 * connection's rejects tables.
 */
final class ConnectionTables implements SessionTables {
    private final RejectTables rejects;
    private final List<RegisteredTables> registered = new CopyOnWriteArrayList<>();

    ConnectionTables(RejectTables rejects) {
        this.rejects = rejects;
    }

    void add(RegisteredTables tables) {
        registered.add(tables);
    }

    @Override
    public BoundTableFunction find(String name) {
        for (int i = registered.size() - 1; i >= 0; i--) {
            BoundTableFunction t = registered.get(i).find(name);
            if (t != null) return t;
        }
        return rejects.find(name);
    }

    @Override
    public Rejects rejects(String errorsTable, String scansTable, List<String> files, String arguments) {
        return rejects.rejects(errorsTable, scansTable, files, arguments);
    }
}
