package dev.mallard.api.table;

import dev.mallard.MallardException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes rows that fit the table ({@link SchemaFit} ran) as multi-row INSERT statements: one
 * statement per batch of rows, never one per row. Calls of many rows on Mallard go as vectors
 * instead ({@link BulkInsert}, which takes its statements' text from here); this writes single
 * rows there, and everything on PostgreSQL. Values are converted to their column's Java form
 * first, so every backend receives the same bind types.
 */
final class RowWriter {
    /** Rows per statement at most; PostgreSQL also caps a statement at 32767 parameters. */
    private static final int MAX_ROWS = 1000;
    private static final int MAX_PARAMETERS = 30_000;

    private final Connection c;
    private final TableStore store;
    private final Dialect dialect;
    private final TableSchema schema;
    private final TableOptions options;

    RowWriter(Connection c, TableStore store, TableSchema schema, TableOptions options) {
        this.c = c;
        this.store = store;
        this.dialect = store.dialect;
        this.schema = schema;
        this.options = options;
    }

    /**
     * Gives rows without a key the next numbers where the API numbers rows, and drops NULL keys where
     * the database does (so that its identity column fills them in).
     */
    private boolean number(List<Map<String, Object>> rows) throws SQLException {
        String key = schema.primaryKey();
        boolean explicit = false;
        if (key == null || !options.autoKey()) return false;
        for (Map<String, Object> row : rows) {
            Object given = row.get(key);
            if (given == null) {
                if (dialect.generatesKeys()) row.remove(key);
                else row.put(key, store.keys.take(c, dialect, schema.name(), key));
            } else {
                explicit = true;
                if (!dialect.generatesKeys()) store.keys.passed(c, dialect, schema.name(), key, (Long) given);
            }
        }
        return explicit;
    }

    /** Inserts {@code rows} (stored form); returns how many rows were written or changed. */
    long insert(List<Map<String, Object>> rows, Conflict conflict) throws SQLException {
        boolean explicitKeys = number(rows);
        long written = 0;
        for (List<Map<String, Object>> group : groups(rows, conflict)) written += insertGroup(group, conflict);
        if (explicitKeys) for (String sql : dialect.afterExplicitKeys(schema.name(), schema.primaryKey())) Statements.execute(c, sql);
        return written;
    }

    /** One row; returns its primary key (null when the table has none, or when ON CONFLICT skipped it). */
    Object insertOne(Map<String, Object> row, Conflict conflict) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>(List.of(row));
        boolean explicitKey = number(rows);
        String key = schema.primaryKey();
        Object result;
        if (key != null && !row.containsKey(key) && options.autoKey() && dialect.generatesKeys()) {
            // The database numbers the row: ask for the number back.
            List<Object> params = new ArrayList<>();
            String sql = insertSql(List.copyOf(row.keySet()), List.of(row), params, conflict) + " RETURNING " + dialect.quote(key);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Statements.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    result = rs.next() ? rs.getObject(1) : null;
                }
            }
            if (result instanceof Number n) result = n.longValue();
        } else {
            long n = insertGroup(rows, conflict);
            result = n == 0 || key == null ? null : row.get(key);
        }
        if (explicitKey) for (String sql : dialect.afterExplicitKeys(schema.name(), key)) Statements.execute(c, sql);
        return result;
    }

    /**
     * Rows that can share one statement: missing columns are NULL in it. An upsert must not clear the
     * columns a row leaves out, so it updates each column as {@code coalesce(new, old)} — except the
     * columns the row sets to NULL on purpose: rows group by those (almost always none, so a batch
     * of sparse rows stays one statement). Rows with and without a key never share a statement (an
     * explicit NULL key is not "number it" to a database that numbers rows).
     */
    private List<List<Map<String, Object>>> groups(List<Map<String, Object>> rows, Conflict conflict) {
        Map<Object, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        String key = schema.primaryKey();
        for (Map<String, Object> row : rows) {
            Object shape = row.isEmpty() ? "no columns" : key != null && row.containsKey(key) ? "with key" : "without key";
            if (conflict instanceof Conflict.Update) shape = List.of(shape, explicitNulls(row));
            groups.computeIfAbsent(shape, k -> new ArrayList<>()).add(row);
        }
        return new ArrayList<>(groups.values());
    }

    /** The columns a row sets to NULL, in a fixed order. */
    private static java.util.SortedSet<String> explicitNulls(Map<String, Object> row) {
        java.util.SortedSet<String> nulls = new java.util.TreeSet<>();
        for (Map.Entry<String, Object> e : row.entrySet()) if (e.getValue() == null) nulls.add(e.getKey());
        return nulls;
    }

    private long insertGroup(List<Map<String, Object>> rows, Conflict conflict) throws SQLException {
        List<String> columns = columnsOf(rows);
        if (columns.isEmpty()) {
            long n = 0;
            for (int i = 0; i < rows.size(); i++) n += Statements.update(c, "INSERT INTO " + dialect.quote(schema.name()) + " DEFAULT VALUES", List.of());
            return n;
        }
        if (conflict instanceof Conflict.Fail && dialect.batchesInserts()) return insertAsBatch(columns, rows);
        int batch = Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / columns.size()));
        long written = 0;
        PreparedStatement full = null;
        try {
            for (int from = 0; from < rows.size(); from += batch) {
                List<Map<String, Object>> part = rows.subList(from, Math.min(rows.size(), from + batch));
                List<Object> params = new ArrayList<>(part.size() * columns.size());
                String sql = insertSql(columns, part, params, conflict);
                if (part.size() == batch) {
                    // full batches share one prepared statement: parsed and planned once
                    if (full == null) full = c.prepareStatement(sql);
                    Statements.bind(full, params);
                    written += full.executeUpdate();
                } else {
                    written += Statements.update(c, sql, params);
                }
            }
        } finally {
            if (full != null) full.close();
        }
        return written;
    }

    /** All rows through one prepared one-row INSERT, as a JDBC batch (see {@link Dialect#batchesInserts}). */
    private long insertAsBatch(List<String> columns, List<Map<String, Object>> rows) throws SQLException {
        String sql = insertStatement(columns, java.util.Set.of(), new Conflict.Fail());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            List<Object> values = new ArrayList<>(columns.size());
            for (Map<String, Object> row : rows) {
                values.clear();
                for (String col : columns) values.add(row.get(col));
                Statements.bind(ps, values);
                ps.addBatch();
            }
            long written = 0;
            for (long n : ps.executeLargeBatch()) written += n;
            return written;
        }
    }

    /** Columns in the order rows first name them. */
    private static List<String> columnsOf(List<Map<String, Object>> rows) {
        java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
        for (Map<String, Object> row : rows) columns.addAll(row.keySet());
        return new ArrayList<>(columns);
    }

    private String insertSql(List<String> columns, List<Map<String, Object>> rows, List<Object> params, Conflict conflict) {
        StringBuilder sql = new StringBuilder(head(columns));
        String tuple = tuple(columns);
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) sql.append(", ");
            sql.append(tuple);
            Map<String, Object> row = rows.get(r);
            for (String col : columns) params.add(row.get(col));
        }
        return sql.append(clause(columns, explicitNulls(rows.get(0)), conflict)).toString();
    }

    /**
     * The one-row statement {@code INSERT INTO t (columns) VALUES (?, ...)} with the clause for
     * {@code conflict}; {@code nulls} are the columns the rows set to NULL on purpose (see {@link #groups}).
     */
    String insertStatement(List<String> columns, java.util.Set<String> nulls, Conflict conflict) {
        return head(columns) + tuple(columns) + clause(columns, nulls, conflict);
    }

    private String head(List<String> columns) {
        StringJoiner names = new StringJoiner(", ", " (", ")");
        for (String col : columns) names.add(dialect.quote(col));
        return "INSERT INTO " + dialect.quote(schema.name()) + names + " VALUES ";
    }

    private String tuple(List<String> columns) {
        StringJoiner one = new StringJoiner(", ", "(", ")");
        for (String col : columns) one.add(dialect.placeholder(schema.require(col).type()));
        return one.toString();
    }

    private String clause(List<String> columns, java.util.Set<String> nulls, Conflict conflict) {
        return Conflict.clause(conflict, schema.name(), columns, nulls, options.autoKey() ? schema.primaryKey() : null, dialect);
    }

    /** Makes sure a unique index covers exactly {@code keys}, as ON CONFLICT needs; creates one on first use. */
    void ensureUnique(List<String> keys) throws SQLException {
        if (keys.size() == 1 && keys.get(0).equals(schema.primaryKey())) return;
        java.util.Set<String> wanted = new java.util.HashSet<>();
        for (String k : keys) wanted.add(Names.key(k));
        Map<String, java.util.Set<String>> indexes = new LinkedHashMap<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, c.getSchema(), schema.name(), true, false)) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME");
                if (column == null || rs.getBoolean("NON_UNIQUE")) continue;
                indexes.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new java.util.HashSet<>()).add(Names.key(column));
            }
        }
        if (indexes.containsValue(wanted)) return;
        StringJoiner cols = new StringJoiner(", ", "(", ")");
        for (String k : keys) cols.add(dialect.quote(k));
        String name = schema.name() + "_" + String.join("_", keys) + "_key";
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Names.MAX_BYTES || name.indexOf('"') >= 0) {
            name = "lazy_unique_" + Integer.toHexString((schema.name() + "|" + keys).hashCode());
        }
        try {
            Statements.execute(c, "CREATE UNIQUE INDEX " + dialect.quote(name) + " ON " + dialect.quote(schema.name()) + " " + cols);
        } catch (SQLException | MallardException e) {
            String state = e instanceof SQLException s ? s.getSQLState() : ((MallardException) e).sqlState();
            if (!"23505".equals(state)) throw e;
            throw MallardException.Constraint.unique("cannot use (" + String.join(", ", keys) + ") as the key of table \"" + schema.name()
                    + "\": some of its rows share the same values there, so they would not name one row; remove the duplicates first");
        }
    }
}
