package dev.mallard.api.table;

import dev.mallard.api.JdbcResults;
import dev.mallard.api.Result;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;

/** Running SQL on a connection with bound parameters: the few shapes the table API needs. */
final class Statements {
    private Statements() {}

    /** Any statement; its rows (read now) or its update count. */
    static Result query(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, Arrays.asList(parameters));
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    return JdbcResults.readAll(rs);
                }
            }
            return JdbcResults.count(Math.max(0, ps.getUpdateCount()));
        }
    }

    static long update(Connection c, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, parameters);
            return ps.executeUpdate();
        }
    }

    /** The first column of the first row as a long (0 when there is no row or it is NULL). */
    static long longValue(Connection c, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, parameters);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** A statement without parameters (DDL). */
    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static void bind(PreparedStatement ps, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object v = parameters.get(i);
            if (v == null) ps.setNull(i + 1, Types.NULL);
            else ps.setObject(i + 1, v);
        }
    }
}
