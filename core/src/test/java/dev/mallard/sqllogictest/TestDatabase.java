package dev.mallard.sqllogictest;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh database for one script, reached only through JDBC, with the default connection and
 * any named extra connections ({@code statement ok con1}) that scripts open to the same data.
 *
 * <p>Extra connections to the same in-memory database come from, in this order: a URL template
 * with a {@code {name}} placeholder (for example {@code jdbc:duckdb::memory:{name}}), in which
 * case the default connection uses it too with a fresh name; otherwise a public no-argument
 * {@code duplicate()} method on the driver's connection (DuckDB's JDBC driver has one).
 */
public final class TestDatabase implements AutoCloseable {

    private final String sharedUrl;
    private Connection primary;
    private final Map<String, Connection> named = new LinkedHashMap<>();

    private TestDatabase(String sharedUrl, Connection primary) {
        this.sharedUrl = sharedUrl;
        this.primary = primary;
    }

    /**
     * @param url the JDBC URL of a fresh in-memory database
     * @param sharedUrlTemplate null, or a URL with {@code {name}} naming an in-memory database
     *     that several connections can share
     */
    public static TestDatabase open(String url, String sharedUrlTemplate) throws SQLException {
        if (sharedUrlTemplate != null && !sharedUrlTemplate.isBlank()) {
            String shared = sharedUrlTemplate.replace("{name}", "slt_" + UUID.randomUUID().toString().replace("-", ""));
            return new TestDatabase(shared, DriverManager.getConnection(shared));
        }
        return new TestDatabase(null, DriverManager.getConnection(url));
    }

    /** The default connection when {@code name} is null, else the named one (opened on first use). */
    public Connection connection(String name) throws SQLException {
        if (name == null) {
            return primary;
        }
        Connection c = named.get(name);
        if (c == null) {
            c = openAnother();
            named.put(name, c);
        }
        return c;
    }

    /** Replaces the default connection by a new one to the same database. */
    public void reconnect() throws SQLException {
        Connection fresh = openAnother();
        Connection old = primary;
        primary = fresh;
        closeQuietly(old);
    }

    private Connection openAnother() throws SQLException {
        if (sharedUrl != null) {
            return DriverManager.getConnection(sharedUrl);
        }
        try {
            Method duplicate = primary.getClass().getMethod("duplicate");
            if (Connection.class.isAssignableFrom(duplicate.getReturnType())) {
                return (Connection) duplicate.invoke(primary);
            }
        } catch (NoSuchMethodException e) {
            // fall through to the explanation below
        } catch (ReflectiveOperationException e) {
            throw new SQLException("duplicate() failed: " + e.getCause(), e);
        }
        throw new SQLException("this script opens a second connection to the same in-memory database; the driver "
                + primary.getClass().getName() + " has no public duplicate() method, so set -Dmallard.test.sharedUrl "
                + "to a URL template with {name} for a shared named in-memory database");
    }

    @Override
    public void close() {
        named.values().forEach(TestDatabase::closeQuietly);
        named.clear();
        closeQuietly(primary);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            // closing is best effort: the database is being thrown away
        }
    }
}
