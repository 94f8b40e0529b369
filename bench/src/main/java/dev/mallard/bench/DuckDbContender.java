package dev.mallard.bench;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB at its fastest for Java rows: its appender. The timed parts include creating the table
 * (Mallard's call creates its table too) and walking the same maps Mallard gets, a missing key
 * appended as NULL.
 */
final class DuckDbContender extends JdbcContender {
    DuckDbContender() {
        super("jdbc:duckdb:");
    }

    @Override
    public String insertPath() {
        return "`CREATE TABLE` with the ten columns, then `DuckDBConnection.createAppender`, a row per map";
    }

    @Override
    public String upsertPath() {
        return "appender into a staging table, then one `INSERT INTO t SELECT * FROM staging ON CONFLICT (key) DO UPDATE SET c = "
                + "coalesce(excluded.c, c), …` (staging table created and dropped inside the timing)";
    }

    @Override
    public void insert(List<Map<String, Object>> rows) throws SQLException {
        execute(SparseRows.createTable("t", false));
        append("t", rows);
    }

    @Override
    public void prepareUpsert(List<Map<String, Object>> rows) throws SQLException {
        execute(SparseRows.createTable("t", true));
        append("t", rows);
    }

    @Override
    public void upsert(List<Map<String, Object>> changes) throws SQLException {
        execute(SparseRows.createTable("staging", false));
        append("staging", changes);
        execute("INSERT INTO t SELECT * FROM staging" + SparseRows.onConflictKeepMissing());
        execute("DROP TABLE staging");
    }

    private void append(String table, List<Map<String, Object>> rows) throws SQLException {
        DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (Map<String, Object> row : rows) {
                a.beginRow();
                for (SparseRows.Column col : SparseRows.COLUMNS) {
                    switch (row.get(col.name())) {
                        case null -> a.appendNull();
                        case Long v -> a.append(v.longValue());
                        case Double v -> a.append(v.doubleValue());
                        case String v -> a.append(v);
                        case LocalDate v -> a.append(v);
                        case Boolean v -> a.append(v.booleanValue());
                        case Object v -> throw new IllegalArgumentException("no appender call for " + v.getClass());
                    }
                }
                a.endRow();
            }
        }
    }
}
