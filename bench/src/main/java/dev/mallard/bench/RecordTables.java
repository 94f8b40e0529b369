package dev.mallard.bench;

import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Java records copied into DuckDB tables through its Appender: a column per record component,
 * typed as Mallard types the component when it scans the list (long → BIGINT, int → INTEGER,
 * double → DOUBLE, String → VARCHAR, LocalDate → DATE), so both engines query the same values.
 * Components are read reflectively: this is loading, not the measured part.
 */
final class RecordTables {
    private RecordTables() {}

    /** Creates {@code table} with {@code type}'s columns and appends {@code rows}; returns the rows appended. */
    static <R extends Record> long load(Connection c, String table, Class<R> type, List<R> rows) throws SQLException {
        RecordComponent[] components = type.getRecordComponents();
        List<String> columns = new ArrayList<>();
        for (RecordComponent rc : components) columns.add(rc.getName() + " " + sqlType(rc.getType()));
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (" + String.join(", ", columns) + ")");
        }
        try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (R row : rows) {
                a.beginRow();
                for (RecordComponent rc : components) {
                    switch (value(rc, row)) {
                        case Long v -> a.append(v.longValue());
                        case Integer v -> a.append(v.intValue());
                        case Double v -> a.append(v.doubleValue());
                        case String v -> a.append(v);
                        case LocalDate v -> a.append(v);
                        default -> throw new IllegalStateException("no DuckDB column for " + rc);
                    }
                }
                a.endRow();
            }
        }
        return rows.size();
    }

    private static String sqlType(Class<?> type) {
        if (type == long.class) return "BIGINT";
        if (type == int.class) return "INTEGER";
        if (type == double.class) return "DOUBLE";
        if (type == String.class) return "VARCHAR";
        if (type == LocalDate.class) return "DATE";
        throw new IllegalArgumentException("no DuckDB column type for " + type);
    }

    private static Object value(RecordComponent rc, Record row) {
        try {
            return rc.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
