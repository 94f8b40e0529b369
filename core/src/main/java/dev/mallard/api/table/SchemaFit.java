package dev.mallard.api.table;

import dev.mallard.MallardException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** A column the rows write: its name as first written and the type their values ask for (null: only NULLs so far). */
    private static final class Wanted {
        final String name;
        ColumnType type;

        Wanted(String name) {
            this.name = name;
        }
    }

    /** The schema after the changes; {@code schema} null means the table {@code name} does not exist yet. */
    TableSchema fit(TableSchema schema, String name, List<Map<String, Object>> rows) throws SQLException {
        Map<String, Wanted> wanted = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            for (Map.Entry<String, Object> e : row.entrySet()) {
                Wanted w = wanted.computeIfAbsent(Names.key(e.getKey()), k -> new Wanted(e.getKey()));
                ColumnType t = ColumnType.of(e.getValue());
                w.type = w.type == null ? t : w.type.join(t);
            }
        }
        if (schema == null) schema = create(name, wanted);
        for (Wanted w : wanted.values()) {
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

    private ColumnType typeFor(Wanted w) {
        ColumnType given = options.typeOf(w.name);
        if (given != null) return given;
        // Only NULLs so far: TEXT until a value says otherwise (see retype).
        return w.type == null ? ColumnType.TEXT : w.type;
    }

    private TableSchema create(String name, Map<String, Wanted> wanted) throws SQLException {
        StringJoiner columns = new StringJoiner(", ");
        List<TableSchema.Column> created = new java.util.ArrayList<>();
        String key = options.primaryKey();
        if (key != null) {
            columns.add(options.autoKey() ? dialect.autoKeyDefinition(dialect.quote(key))
                    : dialect.quote(key) + " " + dialect.typeName(options.primaryKeyType()) + " PRIMARY KEY");
            created.add(new TableSchema.Column(key, options.primaryKeyType()));
        }
        for (Wanted w : wanted.values()) {
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
        store.keys.forget(name);
        return new TableSchema(name, created, key);
    }

    /**
     * The column's values are of another type than the column. Nothing to do if the column holds
     * them; else widen when the column has no values yet or widening is allowed, or fail.
     */
    private TableSchema retype(TableSchema schema, TableSchema.Column column, Wanted w, List<Map<String, Object>> rows) throws SQLException {
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
        return schema.retyped(column.name(), target);
    }

    private boolean hasValues(TableSchema schema, TableSchema.Column column) throws SQLException {
        return Statements.longValue(c, "SELECT count(*) FROM (SELECT 1 AS x FROM " + dialect.quote(schema.name()) + " WHERE "
                + dialect.quote(column.name()) + " IS NOT NULL LIMIT 1) AS found", List.of()) > 0;
    }

    private static MallardException misfit(TableSchema schema, TableSchema.Column column, List<Map<String, Object>> rows, String how) {
        Object value = null;
        for (Map<String, Object> row : rows) {
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (e.getKey().equalsIgnoreCase(column.name()) && !column.type().holds(ColumnType.of(e.getValue()))) {
                    value = e.getValue();
                    break;
                }
            }
            if (value != null) break;
        }
        return MallardException.Binder.typeMismatch("column \"" + column.name() + "\" of table \"" + schema.name() + "\" is "
                + column.type() + " and cannot hold " + ValueText.describe(value) + ", which needs " + ColumnType.of(value) + "; " + how);
    }
}
