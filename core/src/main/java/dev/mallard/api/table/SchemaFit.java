package dev.mallard.api.table;

import dev.mallard.MallardException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;

/**
 * Makes a table fit the rows about to be written, inside the write's transaction: creates it on
 * first write, adds columns for new keys, and changes a column's type when its values require it —
 * silently when the column holds only NULLs (NULLs never decide a type), when widening is allowed,
 * and otherwise not at all: the write fails naming the column, its type and the value.
 */
final class SchemaFit {
    private final Connection c;
    private final TableStore store;
    private final Dialect dialect;
    private final TableOptions options;

    SchemaFit(Connection c, TableStore store, TableOptions options) {
        this.c = c;
        this.store = store;
        this.dialect = store.dialect;
        this.options = options;
    }

    /** The schema after the changes; {@code schema} null means the table {@code name} does not exist yet. */
    TableSchema fit(TableSchema schema, String name, RowBatch rows) throws SQLException {
        if (schema == null) schema = create(name, rows.columns());
        for (RowBatch.Column w : rows.columns()) {
            TableSchema.Column column = schema.find(w.name);
            if (column == null) {
                ColumnType type = typeFor(w);
                Statements.execute(c, "ALTER TABLE " + dialect.quote(schema.name()) + " ADD COLUMN " + dialect.quote(w.name) + " " + dialect.typeName(type));
                schema = schema.with(new TableSchema.Column(w.name, type));
            } else if (w.type != null && column.type() != w.type && column.type() != ColumnType.OTHER) {
                schema = retype(schema, column, w, rows);
            }
        }
        return schema;
    }

    /**
     * Whether the rows fit {@code schema} as it is, so that {@link #fit} would change nothing: every
     * column exists and holds its values. Decided without the database, so a TEXT column meeting
     * other values (which takes their type while it has only NULLs) counts as not fitting.
     */
    static boolean fits(TableSchema schema, RowBatch rows) {
        for (RowBatch.Column w : rows.columns()) {
            TableSchema.Column column = schema.find(w.name);
            if (column == null) return false;
            if (w.type == null || column.type() == w.type || column.type() == ColumnType.OTHER) continue;
            if (column.type() == ColumnType.TEXT || !column.type().holds(w.type)) return false;
        }
        return true;
    }

    private ColumnType typeFor(RowBatch.Column w) {
        ColumnType given = options.typeOf(w.name);
        if (given != null) return given;
        // Only NULLs so far: TEXT until a value says otherwise (see retype).
        return w.type == null ? ColumnType.TEXT : w.type;
    }

    private TableSchema create(String name, List<RowBatch.Column> wanted) throws SQLException {
        StringJoiner columns = new StringJoiner(", ");
        List<TableSchema.Column> created = new java.util.ArrayList<>();
        String key = options.primaryKey();
        if (key != null) {
            columns.add(options.autoKey() ? dialect.autoKeyDefinition(dialect.quote(key))
                    : dialect.quote(key) + " " + dialect.typeName(options.primaryKeyType()) + " PRIMARY KEY");
            created.add(new TableSchema.Column(key, options.primaryKeyType()));
        }
        for (RowBatch.Column w : wanted) {
            if (key != null && w.name.equalsIgnoreCase(key)) continue;
            ColumnType type = typeFor(w);
            columns.add(dialect.quote(w.name) + " " + dialect.typeName(type));
            created.add(new TableSchema.Column(w.name, type));
        }
        if (created.isEmpty()) {
            throw MallardException.Data.invalidArgument("cannot create table \"" + name + "\" from rows without columns when it has no"
                    + " primary key; give the rows at least one key");
        }
        Statements.execute(c, "CREATE TABLE " + dialect.quote(name) + " (" + columns + ")");
        store.keys.created(name);
        return new TableSchema(name, created, key);
    }

    /**
     * The column's values are of another type than the column. Nothing to do if the column holds
     * them; else widen when the column has no values yet or widening is allowed, or fail.
     */
    private TableSchema retype(TableSchema schema, TableSchema.Column column, RowBatch.Column w, RowBatch rows) throws SQLException {
        boolean holds = column.type().holds(w.type);
        // A TEXT column made for NULLs takes its first values' type; one with values stays TEXT.
        if (holds && column.type() != ColumnType.TEXT) return schema;
        boolean key = column.name().equals(schema.primaryKey());
        if (key && !holds) throw misfit(schema, column, rows, "it is the primary key");
        if (key) return schema;
        ColumnType target;
        if (!hasValues(schema, column)) {
            target = w.type;
        } else if (holds) {
            return schema;
        } else if (options.widening()) {
            target = column.type().join(w.type);
        } else {
            throw misfit(schema, column, rows, "nothing was written. Convert the value, or let writes widen columns: db.table(\""
                    + schema.name() + "\", TableOptions.defaults().withWidening())");
        }
        for (String sql : dialect.changeType(schema.name(), column.name(), target)) Statements.execute(c, sql);
        // Read back rather than patched: a backend may move the column (Mallard re-adds it at the end),
        // and the bulk insert fills columns by their place in the table.
        return dialect.read(c, schema.name(), schema.primaryKey());
    }

    private boolean hasValues(TableSchema schema, TableSchema.Column column) throws SQLException {
        return Statements.longValue(c, "SELECT count(*) FROM (SELECT 1 AS x FROM " + dialect.quote(schema.name()) + " WHERE "
                + dialect.quote(column.name()) + " IS NOT NULL LIMIT 1) AS found", List.of()) > 0;
    }

    private static MallardException misfit(TableSchema schema, TableSchema.Column column, RowBatch rows, String how) {
        Object value = rows.firstMisfit(column.name(), column.type());
        return MallardException.Binder.typeMismatch("column \"" + column.name() + "\" of table \"" + schema.name() + "\" is "
                + column.type() + " and cannot hold " + ValueText.describe(value) + ", which needs " + ColumnType.of(value) + "; " + how);
    }
}
