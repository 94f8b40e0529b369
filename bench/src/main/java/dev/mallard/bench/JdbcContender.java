package dev.mallard.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A peer reached through JDBC: a fresh connection to an in-memory database per run, and SQL for the rest. */
abstract class JdbcContender implements TableContender {
    private final String url;
    protected Connection c;

    JdbcContender(String url) {
        this.url = url;
    }

    @Override
    public void open() throws SQLException {
        // Not Engine.open(): it turns SQLite's journal off for the TPC-H load, and this benchmark keeps SQLite's defaults.
        c = DriverManager.getConnection(url);
    }

    protected void execute(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    public RowChecksum checksum() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(RowChecksum.SQL)) {
            rs.next();
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) values.add(rs.getObject(i));
            return RowChecksum.of(values);
        }
    }

    @Override
    public void close() {
        try {
            if (c != null) c.close();
        } catch (SQLException e) {
            // already gone
        }
        c = null;
    }
}
