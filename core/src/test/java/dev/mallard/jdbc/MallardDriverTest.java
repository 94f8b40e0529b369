package dev.mallard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.engine.ClientContext;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Driver discovery, URL forms and connection basics, through the engine. */
class MallardDriverTest {
    @Test
    void serviceLoaderAndDriverManagerFindTheDriver() throws SQLException {
        assertThat(ServiceLoader.load(Driver.class).stream().map(ServiceLoader.Provider::type))
                .contains(MallardDriver.class);
        assertThat(DriverManager.getDriver("jdbc:mallard:")).isInstanceOf(MallardDriver.class);
        assertThat(new MallardDriver().connect("jdbc:h2:mem:", new Properties())).isNull();
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
            return rs.next();
        }
    }

    @Test
    void eachPlainUrlIsAPrivateDatabase() throws SQLException {
        try (Connection a = DriverManager.getConnection("jdbc:mallard:");
             Connection b = DriverManager.getConnection("jdbc:mallard:")) {
            a.createStatement().execute("CREATE TABLE t (i INTEGER)");
            assertThat(hasTable(a, "t")).isTrue();
            assertThat(hasTable(b, "t")).isFalse();
        }
    }

    @Test
    void namedMemoryDatabasesAreSharedWhileOpen() throws SQLException {
        String url = "jdbc:mallard:memory:shared-" + UUID.randomUUID();
        try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
            a.createStatement().execute("CREATE TABLE t AS SELECT 42 AS answer");
            try (ResultSet rs = b.createStatement().executeQuery("SELECT answer FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(hasTable(c, "t")).as("the database goes away with its last connection").isFalse();
        }
    }

    @Test
    void fileDatabasesKeepTheirDataAcrossConnections(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws SQLException {
        String url = "jdbc:mallard:" + dir.resolve("data.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(a INTEGER, b VARCHAR)");
            s.execute("INSERT INTO t VALUES (1, 'one'), (2, NULL)");
        }
        try (Connection c = DriverManager.getConnection(url + "?access_mode=read_only"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(a), count(b) FROM t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(3);
            assertThat(rs.getLong(2)).isEqualTo(1);
            assertThatThrownBy(() -> s.execute("INSERT INTO t VALUES (3, 'x')"))
                    .hasMessageContaining("read-only").extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25006");
        }
    }

    @Test
    void connectionBasics() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:mallard:");
        assertThat(c.isValid(1)).isTrue();
        assertThat(c.getSchema()).isEqualTo("main");
        assertThat(c.getCatalog()).isNull();
        assertThat(c.getAutoCommit()).isTrue();
        assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
        assertThat(c.nativeSQL("SELECT {fn now()}")).isEqualTo("SELECT {fn now()}");
        assertThat(c.unwrap(ClientContext.class)).isNotNull();
        c.setReadOnly(true);
        assertThat(c.isReadOnly()).isTrue();
        Statement s = c.createStatement();
        ResultSet open = s.executeQuery("SELECT * FROM range(10)");
        assertThatThrownBy(() -> c.prepareCall("CALL x()")).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(c::setSavepoint).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> c.setSchema("nope")).isInstanceOf(SQLException.class);
        c.close();
        assertThat(c.isClosed()).isTrue();
        assertThat(c.isValid(1)).isFalse();
        assertThat(s.isClosed()).isTrue();
        assertThat(open.isClosed()).as("closing the connection releases open results").isTrue();
        assertThatThrownBy(c::createStatement).isInstanceOf(SQLNonTransientConnectionException.class);
        assertThatThrownBy(() -> s.execute("SELECT 1")).isInstanceOf(SQLException.class);
        c.close();
    }

    @Test
    void setSchemaSwitchesTheCurrentSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mallard:")) {
            c.createStatement().execute("CREATE SCHEMA s2");
            c.setSchema("s2");
            assertThat(c.getSchema()).isEqualTo("s2");
        }
    }
}
