package dev.mallard.engine;

import dev.mallard.function.table.BoundTableFunction;
import dev.mallard.io.Rejects;
import dev.mallard.planner.SessionTables;
import java.util.List;

/**
 * The tables outside the catalog that a connection's statements see, looked up in this order:
 * the ones given to the running statement alone ({@code db.sql(sql, Map.of("trips", list))}),
 * the database's registered ones, the connection's rejects tables.
 */
final class ConnectionTables implements SessionTables {
    private final RegisteredTables database;
    private final RejectTables rejects;
    private volatile RegisteredTables statement;

    ConnectionTables(RegisteredTables database, RejectTables rejects) {
        this.database = database;
        this.rejects = rejects;
    }

    /** Tables for the statements run until this is called again with null. */
    void setStatementTables(RegisteredTables tables) {
        statement = tables;
    }

    @Override
    public BoundTableFunction find(String name) {
        RegisteredTables local = statement;
        BoundTableFunction t = local == null ? null : local.find(name);
        if (t == null) t = database.find(name);
        return t != null ? t : rejects.find(name);
    }

    @Override
    public Rejects rejects(String errorsTable, String scansTable, List<String> files, String arguments) {
        return rejects.rejects(errorsTable, scansTable, files, arguments);
    }
}
