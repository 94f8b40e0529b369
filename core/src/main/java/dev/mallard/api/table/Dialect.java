package dev.mallard.api.table;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that differs between the backends the table API runs on. Everything else (the statements'
 * shape, ON CONFLICT, parameters, reading the schema through JDBC metadata) is shared: both
 * Mallard and PostgreSQL speak it the same way.
 */
sealed interface Dialect permits MallardDialect, PostgresDialect {
    /** The column type's name in CREATE TABLE / ADD COLUMN. */
    String typeName(ColumnType type);

    /** The definition of an automatically numbered primary key column. */
    String autoKeyDefinition(String quotedName);

    /**
     * Whether the database numbers new rows itself (and hands the key back through RETURNING); if
     * not, the API numbers them ({@link KeyCounters}).
     */
    boolean generatesKeys();

    /**
     * Whether plain inserts go as a JDBC batch of a one-row INSERT rather than as statements of many
     * VALUES rows: true where the driver runs such a batch as one statement.
     */
    default boolean batchesInserts() {
        return false;
    }

    /** The bind placeholder for a value of {@code type} ({@code ?}, or a cast where the driver sends text). */
    default String placeholder(ColumnType type) {
        return "?";
    }

    /** The statements that change {@code column}'s type to {@code to}, keeping its values. */
    List<String> changeType(String table, String column, ColumnType to);

    /**
     * Statements to run after rows were inserted with keys given by the caller, so that numbering
     * goes on after them; none by default.
     */
    default List<String> afterExplicitKeys(String table, String key) {
        return List.of();
    }

    default String quote(String name) {
        return '"' + name + '"';
    }

    /** The stored name of table {@code name} (any case) in the connection's schema, or null. */
    default String findTable(Connection c, String name) throws SQLException {
        for (String t : tables(c)) if (t.equalsIgnoreCase(name)) return t;
        return null;
    }

    /** The tables of the connection's current schema, sorted by name. */
    default List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) names.add(rs.getString("TABLE_NAME"));
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    /** The schema of table {@code name} (any case), or null when there is no such table. */
    default TableSchema read(Connection c, String name, String keyName) throws SQLException {
        String stored = findTable(c, name);
        if (stored == null) return null;
        DatabaseMetaData md = c.getMetaData();
        List<TableSchema.Column> columns = new ArrayList<>();
        // getColumns takes a pattern: "_" in a name matches any character, so keep only this table's rows.
        try (ResultSet rs = md.getColumns(null, c.getSchema(), stored, "%")) {
            while (rs.next()) {
                if (!rs.getString("TABLE_NAME").equals(stored)) continue;
                columns.add(new TableSchema.Column(rs.getString("COLUMN_NAME"), typeOf(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"))));
            }
        }
        String key = null;
        if (keyName != null) {
            for (TableSchema.Column col : columns) if (col.name().equalsIgnoreCase(keyName)) key = col.name();
        }
        return new TableSchema(stored, columns, key);
    }

    /** The API's type for a column the database reports. */
    private static ColumnType typeOf(int jdbcType, String typeName) {
        return switch (jdbcType) {
            case Types.BOOLEAN, Types.BIT -> ColumnType.BOOLEAN;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ColumnType.BIGINT;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> ColumnType.DOUBLE;
            case Types.NUMERIC, Types.DECIMAL -> ColumnType.DECIMAL;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB -> ColumnType.TEXT;
            case Types.DATE -> ColumnType.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.TIMESTAMP;
            default -> typeName != null && typeName.toLowerCase(java.util.Locale.ROOT).startsWith("json") ? ColumnType.JSON : ColumnType.OTHER;
        };
    }
}
