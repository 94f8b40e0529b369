package dev.mallard.sqllogictest;

import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A statement's outcome read fully into memory: the columns' metadata and every row as the Java
 * objects JDBC returned. A statement without a result set becomes one row with its update count,
 * which is what DuckDB's runner compares for DML.
 */
public record ResultTable(List<Column> columns, List<Object[]> rows) {

    /** What JDBC says about one result column. */
    public record Column(String name, String typeName, int sqlType, int scale) {}

    public ResultTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public int columnCount() {
        return columns.size();
    }

    public int rowCount() {
        return rows.size();
    }

    /** The outcome of a statement that returned an update count (or -1 for none). */
    public static ResultTable ofUpdateCount(long updateCount) {
        if (updateCount < 0) {
            return new ResultTable(List.of(), List.of());
        }
        Column count = new Column("Count", "BIGINT", Types.BIGINT, 0);
        return new ResultTable(List.of(count), List.<Object[]>of(new Object[] {updateCount}));
    }

    public static ResultTable read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<Column> columns = new ArrayList<>(n);
        for (int c = 1; c <= n; c++) {
            int scale;
            try {
                scale = md.getScale(c);
            } catch (SQLException | RuntimeException e) {
                scale = -1;
            }
            columns.add(new Column(md.getColumnLabel(c), nullToEmpty(md.getColumnTypeName(c)), md.getColumnType(c), scale));
        }
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
            Object[] row = new Object[n];
            for (int c = 1; c <= n; c++) {
                row[c - 1] = readValue(rs, c, columns.get(c - 1));
            }
            rows.add(row);
        }
        return new ResultTable(columns, rows);
    }

    /**
     * Reads one value as one of the Java types the renderers know (DATE through plain
     * {@code getObject}: DuckDB's driver returns BC dates wrongly when asked for a LocalDate); anything else (intervals,
     * lists, driver-specific objects) is kept as the driver's {@code getString} text.
     */
    private static Object readValue(ResultSet rs, int c, Column column) throws SQLException {
        switch (column.sqlType()) {
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> {
                return rs.getBytes(c);
            }
            case Types.TIMESTAMP -> {
                Object v = tryTyped(rs, c, LocalDateTime.class);
                if (v != UNREADABLE) {
                    return v;
                }
            }
            case Types.TIME -> {
                Object v = tryTyped(rs, c, LocalTime.class);
                if (v != UNREADABLE) {
                    return v;
                }
            }
            default -> {
                // read generically below
            }
        }
        Object value;
        try {
            value = rs.getObject(c);
        } catch (SQLException | RuntimeException e) {
            return rs.getString(c);
        }
        if (value == null) {
            return null;
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof LocalDate || value instanceof LocalDateTime || value instanceof LocalTime
                || value instanceof OffsetDateTime || value instanceof OffsetTime || value instanceof byte[]
                || value instanceof UUID) {
            return value;
        }
        return rs.getString(c);
    }

    /** Marks a value the driver could not return as the requested class. */
    private static final Object UNREADABLE = new Object();

    private static Object tryTyped(ResultSet rs, int c, Class<?> type) {
        try {
            return rs.getObject(c, type);
        } catch (SQLException | RuntimeException e) {
            return UNREADABLE;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
