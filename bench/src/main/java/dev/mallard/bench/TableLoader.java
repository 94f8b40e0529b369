package dev.mallard.bench;

import dev.mallard.jdbc.MallardAppender;
import dev.mallard.jdbc.MallardConnection;
import dev.mallard.tpch.TpchLoader;
import dev.mallard.tpch.TpchSchema;
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

/** Loads generated TPC-H rows into Mallard (appender) and the JDBC row stores (batched inserts). */
final class TableLoader {
    private static final int BATCH = 10_000;

    private TableLoader() {}

    static long loadWithMallardAppender(Connection c, double scaleFactor) throws SQLException {
        MallardConnection mallard = c.unwrap(MallardConnection.class);
        long rows = 0;
        for (TpchTable<?> table : TpchTable.getTables()) rows += append(c, mallard, table, scaleFactor);
        return rows;
    }

    private static <E extends TpchEntity> long append(Connection c, MallardConnection mallard, TpchTable<E> table,
            double scaleFactor) throws SQLException {
        create(c, table);
        try (MallardAppender a = mallard.createAppender("main", table.getTableName())) {
            return TpchLoader.appendAll(table, scaleFactor, new TpchLoader.RowAppender() {
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

    /**
     * Batched prepared inserts, one transaction per table. SQLite has no DATE type: dates go in as
     * ISO text, which compares and sorts like the date.
     */
    static long loadWithBatches(Connection c, double scaleFactor, boolean datesAsText) throws SQLException {
        c.setAutoCommit(false);
        long rows = 0;
        try {
            for (TpchTable<?> table : TpchTable.getTables()) {
                rows += insert(c, table, scaleFactor, datesAsText);
                c.commit();
            }
        } finally {
            c.setAutoCommit(true);
        }
        return rows;
    }

    private static <E extends TpchEntity> long insert(Connection c, TpchTable<E> table, double scaleFactor,
            boolean datesAsText) throws SQLException {
        create(c, table);
        List<TpchColumn<E>> columns = table.getColumns();
        long rows = 0;
        int pending = 0;
        try (PreparedStatement insert = c.prepareStatement(TpchSchema.insert(table))) {
            for (E row : table.createGenerator(scaleFactor, 1, 1)) {
                for (int i = 0; i < columns.size(); i++) {
                    switch (TpchSchema.value(columns.get(i), row)) {
                        case Long l -> insert.setLong(i + 1, l);
                        case Integer n -> insert.setInt(i + 1, n);
                        case BigDecimal d -> insert.setBigDecimal(i + 1, d);
                        case LocalDate d -> {
                            if (datesAsText) insert.setString(i + 1, d.toString());
                            else insert.setObject(i + 1, d);
                        }
                        case String s -> insert.setString(i + 1, s);
                        default -> throw new IllegalStateException("unexpected value type");
                    }
                }
                insert.addBatch();
                rows++;
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) insert.executeBatch();
        }
        return rows;
    }

    private static void create(Connection c, TpchTable<?> table) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(TpchSchema.createTable(table));
        }
    }
}
