package dev.mallard.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * SQLite through its JDBC driver, in memory with its default journal: one transaction, a
 * prepared INSERT executed in batches, the way SQLite's users bulk-load. Dates go in as ISO text,
 * SQLite's own convention for them.
 */
final class SqliteContender extends JdbcContender {
    static final int BATCH = 10_000;

    SqliteContender() {
        super("jdbc:sqlite::memory:");
    }

    @Override
    public String insertPath() {
        return "`CREATE TABLE`, then one transaction of `INSERT … VALUES (?, …)` with `addBatch`, `executeBatch` every "
                + String.format("%,d", BATCH) + " rows";
    }

    @Override
    public String upsertPath() {
        return "one transaction of `INSERT … VALUES (?, …) ON CONFLICT (key) DO UPDATE SET c = coalesce(excluded.c, c), …` in batches of "
                + String.format("%,d", BATCH);
    }

    @Override
    public void insert(List<Map<String, Object>> rows) throws SQLException {
        execute(SparseRows.createTable("t", false));
        batches("", rows);
    }

    @Override
    public void prepareUpsert(List<Map<String, Object>> rows) throws SQLException {
        execute(SparseRows.createTable("t", true));
        batches("", rows);
    }

    @Override
    public void upsert(List<Map<String, Object>> changes) throws SQLException {
        batches(SparseRows.onConflictKeepMissing(), changes);
    }

    /** {@code INSERT INTO t ... VALUES (?, ...)} followed by {@code conflict}, for every row, in one transaction. */
    private void batches(String conflict, List<Map<String, Object>> rows) throws SQLException {
        List<SparseRows.Column> columns = SparseRows.COLUMNS;
        String sql = "INSERT INTO t " + SparseRows.columnList() + " VALUES (" + "?, ".repeat(columns.size() - 1) + "?)" + conflict;
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (Map<String, Object> row : rows) {
                for (int i = 0; i < columns.size(); i++) bind(ps, i + 1, row.get(columns.get(i).name()));
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) ps.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.NULL);
            case Long v -> ps.setLong(index, v);
            case Double v -> ps.setDouble(index, v);
            case String v -> ps.setString(index, v);
            case LocalDate v -> ps.setString(index, v.toString());
            case Boolean v -> ps.setBoolean(index, v);
            case Object v -> throw new IllegalArgumentException("no binding for " + v.getClass());
        }
    }
}
