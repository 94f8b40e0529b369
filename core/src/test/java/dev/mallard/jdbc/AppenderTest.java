package dev.mallard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppenderTest {
    private Connection connection;
    private MallardConnection mallard;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:mallard:");
        mallard = connection.unwrap(MallardConnection.class);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private void sql(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private String scalar(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void appendsEveryTypeAndConvertsToTheColumnType() throws SQLException {
        sql("CREATE TABLE t (id BIGINT, n INTEGER, price DECIMAL(15,2), d DATE, name VARCHAR, x DOUBLE, small SMALLINT)");
        try (MallardAppender a = mallard.createAppender("main", "t")) {
            a.beginRow();
            a.append(1L);
            a.append(7);
            a.append(new BigDecimal("12.345"));
            a.append(LocalDate.of(1998, 12, 1));
            a.append("Ann");
            a.append(2.5);
            a.append(3);
            a.endRow();
            a.beginRow();
            a.append(2);
            a.append(8L);
            a.append(4.25);
            a.append("2020-02-29");
            a.appendNull();
            a.append(1);
            a.appendNull();
            a.endRow();
        }
        assertThat(scalar("SELECT string_agg(id || '|' || n || '|' || price || '|' || d || '|' || coalesce(name, '-') || '|' || x"
                + " || '|' || coalesce(CAST(small AS VARCHAR), '-'), ';' ORDER BY id) FROM t"))
                .isEqualTo("1|7|12.35|1998-12-01|Ann|2.5|3;2|8|4.25|2020-02-29|-|1.0|-");
    }

    @Test
    void flushesManyRowsAcrossChunksAndStatements() throws SQLException {
        sql("CREATE TABLE big (k BIGINT PRIMARY KEY, v VARCHAR)");
        int rows = MallardAppender.FLUSH_ROWS * 2 + 4_321;
        try (MallardAppender a = mallard.createAppender(null, "big")) {
            for (int i = 0; i < rows; i++) {
                a.beginRow();
                a.append((long) i);
                a.append("v" + (i % 10));
                a.endRow();
            }
        }
        assertThat(scalar("SELECT count(*) || ' ' || sum(k) || ' ' || count(DISTINCT v) FROM big"))
                .isEqualTo(rows + " " + ((long) rows * (rows - 1) / 2) + " 10");
    }

    @Test
    void aConstraintViolationInsertsNothingOfThatFlush() throws SQLException {
        sql("CREATE TABLE u (k INTEGER PRIMARY KEY, v INTEGER NOT NULL)");
        MallardAppender a = mallard.createAppender("main", "u");
        for (int i = 0; i < 3; i++) {
            a.beginRow();
            a.append(i % 2);
            a.append(i);
            a.endRow();
        }
        assertThatThrownBy(a::flush).isInstanceOf(SQLException.class).hasMessageContaining("duplicate key");
        assertThat(scalar("SELECT count(*) FROM u")).isEqualTo("0");
        a.beginRow();
        a.append(5);
        a.appendNull();
        a.endRow();
        assertThatThrownBy(a::close).isInstanceOf(SQLException.class).hasMessageContaining("NOT NULL");
        assertThat(scalar("SELECT count(*) FROM u")).isEqualTo("0");
    }

    @Test
    void rowsJoinTheOpenTransaction() throws SQLException {
        sql("CREATE TABLE tx (k INTEGER)");
        connection.setAutoCommit(false);
        try (MallardAppender a = mallard.createAppender("main", "tx")) {
            a.beginRow();
            a.append(1);
            a.endRow();
        }
        assertThat(scalar("SELECT count(*) FROM tx")).isEqualTo("1");
        connection.rollback();
        assertThat(scalar("SELECT count(*) FROM tx")).isEqualTo("0");
    }

    @Test
    void misuseGetsClearErrors() throws SQLException {
        sql("CREATE TABLE m (a INTEGER, b INTEGER)");
        assertThatThrownBy(() -> mallard.createAppender("main", "nope")).isInstanceOf(SQLException.class)
                .hasMessageContaining("nope").hasMessageContaining("does not exist");
        try (MallardAppender a = mallard.createAppender("main", "m")) {
            assertThatThrownBy(() -> a.append(1)).hasMessageContaining("beginRow");
            a.beginRow();
            a.append(1);
            assertThatThrownBy(a::endRow).hasMessageContaining("1 of 2 columns");
            a.append(2);
            assertThatThrownBy(() -> a.append(3)).hasMessageContaining("too many values");
            a.endRow();
            a.beginRow();
            assertThatThrownBy(() -> a.append("x")).hasMessageContaining("column 1 of m");
            // The failed row is gone; a fresh one goes in.
            a.beginRow();
            a.append(3);
            a.append(4);
            a.endRow();
        }
        assertThat(scalar("SELECT string_agg(a || ',' || b, ';' ORDER BY a) FROM m")).isEqualTo("1,2;3,4");
    }
}
