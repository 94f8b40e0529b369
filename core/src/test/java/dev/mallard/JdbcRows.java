package dev.mallard;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A query's answer as lines of {@code |}-separated values (NULL as "null"), for assertions. */
public final class JdbcRows {
    private JdbcRows() {}

    public static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                out.add(sb.toString());
            }
        }
        return out;
    }

    public static List<String> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return rows(s, sql);
        }
    }
}
