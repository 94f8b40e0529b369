package dev.mallard.jdbc;

import dev.mallard.MallardException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;

/**
 * Turns engine errors into {@link SQLException}s. The SQLSTATE class picks the JDBC subclass, so
 * callers can catch {@code SQLSyntaxErrorException} or {@code SQLIntegrityConstraintViolationException}
 * without reading codes; the message, SQLSTATE and cause are always kept.
 */
final class SqlExceptions {
    /** SQLSTATE of a cancelled or timed-out statement. */
    static final String QUERY_CANCELED = "57014";

    private SqlExceptions() {}

    static SQLException of(MallardException e) {
        String state = e.sqlState();
        String message = e.getMessage();
        String stateClass = state == null || state.length() < 2 ? "" : state.substring(0, 2);
        return switch (stateClass) {
            case "42" -> new SQLSyntaxErrorException(message, state, e);
            case "23" -> new SQLIntegrityConstraintViolationException(message, state, e);
            case "22" -> new SQLDataException(message, state, e);
            case "0A" -> new SQLFeatureNotSupportedException(message, state, e);
            case "08" -> new SQLNonTransientConnectionException(message, state, e);
            case "28" -> new SQLInvalidAuthorizationSpecException(message, state, e);
            case "40" -> new SQLTransactionRollbackException(message, state, e);
            default -> new SQLException(message, state, e);
        };
    }

    /** Any exception escaping the engine: Mallard's own keep their SQLSTATE, anything else is a bug. */
    static SQLException of(RuntimeException e) {
        if (e instanceof MallardException m) return of(m);
        return new SQLException("internal error: " + e, "XX000", e);
    }

    /** A statement stopped by its query timeout (as opposed to an explicit {@code cancel()}). */
    static SQLTimeoutException timeout(int seconds, Throwable cause) {
        return new SQLTimeoutException("statement timed out after " + seconds + " s (query timeout)", QUERY_CANCELED, cause);
    }

    static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported by Mallard", "0A000");
    }

    static SQLNonTransientConnectionException connectionClosed() {
        return new SQLNonTransientConnectionException("connection is closed", "08003");
    }

    static SQLException statementClosed() {
        return new SQLException("statement is closed", "HY010");
    }

    static SQLException resultSetClosed() {
        return new SQLException("result set is closed", "24000");
    }

    static SQLDataException conversion(String message) {
        return new SQLDataException(message, "22018");
    }

    static SQLDataException outOfRange(String message) {
        return new SQLDataException(message, "22003");
    }
}
