package dev.mallard.tpch;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Generates TPC-H data in-process ({@code io.trino.tpch}, deterministic for a scale factor) and
 * loads it: into DuckDB with its appender, into any other database through JDBC with batched
 * {@code PreparedStatement} inserts.
 */
public final class TpchLoader {

    private TpchLoader() {}

    /**
     * Creates and fills all eight tables through standard JDBC; returns the rows inserted. Each
     * table loads in one transaction when the driver supports turning auto-commit off (one
     * commit per row makes some engines, DuckDB among them, 20 times slower), else row by row.
     */
    public static long loadWithBatches(Connection connection, double scaleFactor, int batchSize) throws SQLException {
        boolean transactional = tryDisableAutoCommit(connection);
        long rows = 0;
        try {
            for (TpchTable<?> table : TpchTable.getTables()) {
                createTable(connection, table);
                rows += insertBatches(connection, table, scaleFactor, batchSize);
                if (transactional) {
                    connection.commit();
                }
            }
        } finally {
            if (transactional) {
                connection.setAutoCommit(true);
            }
        }
        return rows;
    }

    private static boolean tryDisableAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(false);
            return !connection.getAutoCommit();
        } catch (SQLException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Creates and fills all eight tables with DuckDB's appender; returns the rows appended. */
    public static long loadWithDuckDbAppender(Connection connection, double scaleFactor) throws SQLException {
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        long rows = 0;
        for (TpchTable<?> table : TpchTable.getTables()) {
            createTable(connection, table);
            rows += append(duck, table, scaleFactor);
        }
        return rows;
    }

    private static void createTable(Connection connection, TpchTable<?> table) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(TpchSchema.createTable(table));
        }
    }

    private static <E extends TpchEntity> long insertBatches(Connection connection, TpchTable<E> table,
            double scaleFactor, int batchSize) throws SQLException {
        List<TpchColumn<E>> columns = table.getColumns();
        long rows = 0;
        int pending = 0;
        try (PreparedStatement insert = connection.prepareStatement(TpchSchema.insert(table))) {
            for (E row : table.createGenerator(scaleFactor, 1, 1)) {
                for (int c = 0; c < columns.size(); c++) {
                    Object value = TpchSchema.value(columns.get(c), row);
                    switch (value) {
                        case Long l -> insert.setLong(c + 1, l);
                        case Integer i -> insert.setInt(c + 1, i);
                        case BigDecimal d -> insert.setBigDecimal(c + 1, d);
                        case LocalDate d -> insert.setObject(c + 1, d);
                        case String s -> insert.setString(c + 1, s);
                        default -> throw new IllegalStateException("unexpected value type " + value.getClass());
                    }
                }
                insert.addBatch();
                rows++;
                if (++pending == batchSize) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return rows;
    }

    private static <E extends TpchEntity> long append(DuckDBConnection duck, TpchTable<E> table, double scaleFactor)
            throws SQLException {
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.getTableName())) {
            return appendAll(table, scaleFactor, new RowAppender() {
                @Override public void beginRow() throws SQLException { a.beginRow(); }
                @Override public void append(long v) throws SQLException { a.append(v); }
                @Override public void append(int v) throws SQLException { a.append(v); }
                @Override public void append(BigDecimal v) throws SQLException { a.append(v); }
                @Override public void append(LocalDate v) throws SQLException { a.append(v); }
                @Override public void append(String v) throws SQLException { a.append(v); }
                @Override public void endRow() throws SQLException { a.endRow(); }
            });
        }
    }

    /** The typed calls of an appender: DuckDB's and Mallard's have this same shape. */
    public interface RowAppender {
        void beginRow() throws SQLException;

        void append(long v) throws SQLException;

        void append(int v) throws SQLException;

        void append(BigDecimal v) throws SQLException;

        void append(LocalDate v) throws SQLException;

        void append(String v) throws SQLException;

        void endRow() throws SQLException;
    }

    /** Generates {@code table} and hands every row to the appender; returns the rows appended. */
    public static <E extends TpchEntity> long appendAll(TpchTable<E> table, double scaleFactor, RowAppender appender)
            throws SQLException {
        List<TpchColumn<E>> columns = table.getColumns();
        long rows = 0;
        for (E row : table.createGenerator(scaleFactor, 1, 1)) {
            appender.beginRow();
            for (TpchColumn<E> column : columns) {
                switch (TpchSchema.value(column, row)) {
                    case Long l -> appender.append(l.longValue());
                    case Integer i -> appender.append(i.intValue());
                    case BigDecimal d -> appender.append(d);
                    case LocalDate d -> appender.append(d);
                    case String s -> appender.append(s);
                    default -> throw new IllegalStateException("unexpected value type");
                }
            }
            appender.endRow();
            rows++;
        }
        return rows;
    }
}
