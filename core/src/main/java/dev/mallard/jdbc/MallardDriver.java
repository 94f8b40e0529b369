package dev.mallard.jdbc;

import dev.mallard.engine.ClientContext;
import dev.mallard.engine.DatabaseInstance;
import dev.mallard.engine.Version;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver for {@code jdbc:mallard:} URLs (see {@link JdbcUrl} for the forms). Found by
 * {@link DriverManager} through {@code META-INF/services/java.sql.Driver}, and also registered
 * when the class is loaded, for code that still calls {@code Class.forName}.
 */
public final class MallardDriver implements Driver {
    static final String NAME = "Mallard JDBC Driver";

    static {
        try {
            DriverManager.registerDriver(new MallardDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Returns null for URLs of other drivers, as {@link Driver#connect} requires. */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) return null;
        JdbcUrl parsed = JdbcUrl.parse(url);
        ClientContext context;
        try {
            context = switch (parsed.kind()) {
                case PRIVATE_MEMORY -> DatabaseInstance.inMemory().connect();
                case SHARED_MEMORY -> DatabaseInstance.shared(parsed.name()).connect();
                case FILE -> DatabaseInstance.connect(java.nio.file.Path.of(parsed.name()), parsed.readOnly() || readOnly(info));
            };
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
        return new MallardConnection(context, url);
    }

    /** DuckDB's driver properties: {@code duckdb.read_only=true} or {@code access_mode=read_only}. */
    private static boolean readOnly(Properties info) {
        if (info == null) return false;
        String ro = info.getProperty("duckdb.read_only", info.getProperty("read_only"));
        String mode = info.getProperty("access_mode");
        return "true".equalsIgnoreCase(ro) || "read_only".equalsIgnoreCase(mode);
    }

    @Override
    public boolean acceptsURL(String url) {
        return JdbcUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return Version.MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return Version.MINOR;
    }

    /** Not fully JDBC compliant (no SQL-92 entry level certification), so false as the spec asks. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw SqlExceptions.unsupported("java.util.logging");
    }
}
