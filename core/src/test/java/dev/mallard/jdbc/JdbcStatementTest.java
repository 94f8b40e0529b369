package dev.mallard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statements, prepared statements, getters over real query results, errors and transactions. */
class JdbcStatementTest {
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = DriverManager.getConnection("jdbc:mallard:");
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, score DECIMAL(5,2))");
        }
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private long count(String table) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void executeReportsRowsOrCounts() throws SQLException {
        Statement s = conn.createStatement();
        assertThat(s.executeUpdate("INSERT INTO people VALUES (1, 'Ann', 1.5), (2, 'Bob', NULL), (3, 'Cy', 2)")).isEqualTo(3);
        assertThat(s.execute("UPDATE people SET score = 0 WHERE score IS NULL")).isFalse();
        assertThat(s.getUpdateCount()).isEqualTo(1);
        assertThat(s.getResultSet()).isNull();
        assertThat(s.execute("SELECT name FROM people ORDER BY id")).isTrue();
        assertThat(s.getUpdateCount()).isEqualTo(-1);
        ResultSet rs = s.getResultSet();
        assertThat(rs.getStatement()).isSameAs(s);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("NAME")).isEqualTo("Ann");
        assertThat(s.getMoreResults()).isFalse();
        assertThat(rs.isClosed()).isTrue();
        assertThat(s.getUpdateCount()).isEqualTo(-1);
        assertThat(s.executeLargeUpdate("DELETE FROM people WHERE id > 1")).isEqualTo(2L);
        assertThatThrownBy(() -> s.executeQuery("CREATE TABLE x (i INTEGER)")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> s.executeUpdate("SELECT 1")).isInstanceOf(SQLException.class);
        try (ResultSet keys = s.getGeneratedKeys()) {
            assertThat(keys.next()).isFalse();
        }
    }

    @Test
    void maxRowsAndCloseOnCompletion() throws SQLException {
        Statement s = conn.createStatement();
        s.setMaxRows(5);
        try (ResultSet rs = s.executeQuery("SELECT * FROM range(100)")) {
            int n = 0;
            while (rs.next()) n++;
            assertThat(n).isEqualTo(5);
        }
        s.closeOnCompletion();
        s.executeQuery("SELECT 1").close();
        assertThat(s.isClosed()).isTrue();
    }

    @Test
    void batches() throws SQLException {
        Statement s = conn.createStatement();
        s.addBatch("INSERT INTO people VALUES (1, 'Ann', NULL)");
        s.addBatch("INSERT INTO people VALUES (2, 'Bob', NULL), (3, 'Cy', NULL)");
        assertThat(s.executeBatch()).containsExactly(1, 2);
        PreparedStatement p = conn.prepareStatement("INSERT INTO people VALUES (?, ?, ?)");
        for (int i = 10; i < 15; i++) {
            p.setInt(1, i);
            p.setString(2, "p" + i);
            p.setBigDecimal(3, new BigDecimal("1.25"));
            p.addBatch();
        }
        assertThat(p.executeBatch()).containsExactly(1, 1, 1, 1, 1);
        assertThat(count("people")).isEqualTo(8);
        p.setInt(1, 20);
        p.setString(2, "ok");
        p.setNull(3, Types.DECIMAL);
        p.addBatch();
        p.setInt(1, 1);
        p.setString(2, "duplicate");
        p.setNull(3, Types.DECIMAL);
        p.addBatch();
        // A batch of INSERT ... VALUES runs as one statement: a bad row rejects the whole batch.
        assertThatThrownBy(p::executeBatch).isInstanceOf(BatchUpdateException.class)
                .satisfies(e -> assertThat(((BatchUpdateException) e).getUpdateCounts()).isEmpty())
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));
        assertThat(count("people")).isEqualTo(8);
    }

    @Test
    void preparedParametersRoundTrip() throws SQLException {
        PreparedStatement p = conn.prepareStatement("SELECT ? AS v");
        assertThat(p.getParameterMetaData().getParameterCount()).isEqualTo(1);
        p.setInt(1, 42);
        assertThat(single(p)).isEqualTo(42);
        p.setLong(1, 5_000_000_000L);
        assertThat(single(p)).isEqualTo(5_000_000_000L);
        p.setShort(1, (short) 7);
        assertThat(((Number) single(p)).intValue()).isEqualTo(7);
        p.setByte(1, (byte) -3);
        assertThat(((Number) single(p)).intValue()).isEqualTo(-3);
        p.setString(1, "héllo");
        assertThat(single(p)).isEqualTo("héllo");
        p.setBigDecimal(1, new BigDecimal("12.34"));
        assertThat(single(p)).isEqualTo(new BigDecimal("12.34"));
        p.setBoolean(1, true);
        assertThat(single(p)).isEqualTo(true);
        p.setDouble(1, 2.5);
        assertThat(single(p)).isEqualTo(2.5);
        p.setFloat(1, 1.5f);
        assertThat(((Number) single(p)).floatValue()).isEqualTo(1.5f);
        p.setDate(1, Date.valueOf("2024-01-31"));
        assertThat(single(p)).isEqualTo(LocalDate.of(2024, 1, 31));
        p.setTimestamp(1, Timestamp.valueOf("2024-01-31 12:34:56.5"));
        assertThat(single(p)).isEqualTo(LocalDateTime.of(2024, 1, 31, 12, 34, 56, 500_000_000));
        p.setObject(1, LocalDate.of(2000, 2, 29));
        assertThat(single(p)).isEqualTo(LocalDate.of(2000, 2, 29));
        p.setObject(1, LocalDateTime.of(2000, 2, 29, 1, 2, 3));
        assertThat(single(p)).isEqualTo(LocalDateTime.of(2000, 2, 29, 1, 2, 3));
        p.setObject(1, Instant.parse("2020-05-06T07:08:09Z"));
        assertThat(single(p)).isEqualTo(LocalDateTime.of(2020, 5, 6, 7, 8, 9));
        p.setObject(1, "17", Types.INTEGER);
        assertThat(single(p)).isEqualTo(17);
        p.setNull(1, Types.INTEGER);
        assertThat(single(p)).isNull();
        assertThatThrownBy(() -> p.setObject(1, new Object())).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> p.setInt(2, 1)).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("07009");
        p.clearParameters();
        assertThatThrownBy(p::executeQuery).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("07001");
        assertThatThrownBy(() -> p.execute("SELECT 1")).isInstanceOf(SQLException.class);
    }

    private static Object single(PreparedStatement p) throws SQLException {
        try (ResultSet rs = p.executeQuery()) {
            assertThat(rs.next()).isTrue();
            Object v = rs.getObject(1);
            assertThat(rs.next()).isFalse();
            return v;
        }
    }

    @Test
    void preparedStatementsFilterAndDescribe() throws SQLException {
        conn.createStatement().execute("INSERT INTO people VALUES (1, 'Ann', 1.5), (2, 'Bob', NULL)");
        PreparedStatement p = conn.prepareStatement("SELECT id, name, score FROM people WHERE id = ?");
        ResultSetMetaData md = p.getMetaData();
        assertThat(md.getColumnCount()).isEqualTo(3);
        assertThat(md.getColumnName(2)).isEqualTo("name");
        assertThat(md.getColumnType(1)).isEqualTo(Types.INTEGER);
        assertThat(md.getColumnTypeName(3)).isEqualTo("DECIMAL(5,2)");
        p.setInt(1, 2);
        try (ResultSet rs = p.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("Bob");
            assertThat(rs.getBigDecimal(3)).isNull();
            assertThat(rs.wasNull()).isTrue();
        }
        PreparedStatement update = conn.prepareStatement("UPDATE people SET score = ? WHERE id = ?");
        update.setBigDecimal(1, new BigDecimal("9.99"));
        update.setInt(2, 2);
        assertThat(update.executeUpdate()).isEqualTo(1);
        assertThat(update.getMetaData()).isNull();
    }

    @Test
    void gettersOverEveryType() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT true AS b, CAST(7 AS TINYINT) AS ti, "
                + "CAST(-300 AS SMALLINT) AS si, 42 AS i, CAST(5000000000 AS BIGINT) AS bi, CAST(1.5 AS REAL) AS r, "
                + "CAST(2.25 AS DOUBLE) AS d, CAST('123.45' AS DECIMAL(10,2)) AS dec, 'text' AS s, DATE '2024-01-31' AS dt, "
                + "TIMESTAMP '2024-01-31 12:34:56.789' AS ts, CAST(NULL AS INTEGER) AS n")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject("b")).isEqualTo(true);
            assertThat(rs.getObject("ti")).isEqualTo((byte) 7);
            assertThat(rs.getObject("si")).isEqualTo((short) -300);
            assertThat(rs.getObject("i")).isEqualTo(42);
            assertThat(rs.getObject("bi")).isEqualTo(5_000_000_000L);
            assertThat(rs.getObject("r")).isEqualTo(1.5f);
            assertThat(rs.getObject("d")).isEqualTo(2.25);
            assertThat(rs.getObject("dec")).isEqualTo(new BigDecimal("123.45"));
            assertThat(rs.getObject("s")).isEqualTo("text");
            assertThat(rs.getObject("dt")).isEqualTo(LocalDate.of(2024, 1, 31));
            assertThat(rs.getObject("ts")).isEqualTo(LocalDateTime.of(2024, 1, 31, 12, 34, 56, 789_000_000));
            assertThat(rs.getString("ts")).isEqualTo("2024-01-31 12:34:56.789");
            assertThat(rs.getString("dec")).isEqualTo("123.45");
            assertThat(rs.getLong("dec")).isEqualTo(123L);
            assertThat(rs.getInt("n")).isZero();
            assertThat(rs.wasNull()).isTrue();
            ResultSetMetaData md = rs.getMetaData();
            assertThat(md.getColumnType(8)).isEqualTo(Types.DECIMAL);
            assertThat(md.getScale(8)).isEqualTo(2);
            assertThat(md.getColumnType(11)).isEqualTo(Types.TIMESTAMP);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void errorsCarrySqlState() throws SQLException {
        Statement s = conn.createStatement();
        assertThatThrownBy(() -> s.execute("SELEC 1")).isInstanceOf(SQLSyntaxErrorException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42601");
        assertThatThrownBy(() -> s.execute("SELECT * FROM missing_table")).isInstanceOf(SQLSyntaxErrorException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42P01");
        s.execute("INSERT INTO people VALUES (1, 'Ann', NULL)");
        assertThatThrownBy(() -> s.execute("INSERT INTO people VALUES (1, 'Again', NULL)"))
                .isInstanceOf(SQLIntegrityConstraintViolationException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");
        assertThatThrownBy(() -> s.execute("INSERT INTO people VALUES (2, NULL, NULL)"))
                .isInstanceOf(SQLIntegrityConstraintViolationException.class);
        assertThatThrownBy(() -> s.executeQuery("SELECT CAST('abc' AS INTEGER)")).isInstanceOf(SQLDataException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("22"));
        assertThatThrownBy(() -> conn.prepareStatement("SELECT FROM WHERE")).isInstanceOf(SQLSyntaxErrorException.class);
        assertThat(count("people")).as("the connection keeps working after errors").isEqualTo(1);
    }

    @Test
    void transactions() throws SQLException {
        Statement s = conn.createStatement();
        assertThatThrownBy(conn::commit).isInstanceOf(SQLException.class);
        conn.setAutoCommit(false);
        s.execute("INSERT INTO people VALUES (1, 'Ann', NULL)");
        assertThat(count("people")).isEqualTo(1);
        conn.rollback();
        assertThat(count("people")).isZero();
        s.execute("INSERT INTO people VALUES (2, 'Bob', NULL)");
        conn.commit();
        s.execute("INSERT INTO people VALUES (3, 'Cy', NULL)");
        conn.rollback();
        assertThat(conn.getAutoCommit()).isFalse();
        conn.setAutoCommit(true);
        assertThat(count("people")).isEqualTo(1);
        s.execute("BEGIN");
        s.execute("INSERT INTO people VALUES (4, 'Di', NULL)");
        assertThat(conn.getAutoCommit()).isFalse();
        s.execute("ROLLBACK");
        assertThat(conn.getAutoCommit()).isTrue();
        assertThat(count("people")).isEqualTo(1);
    }
}
