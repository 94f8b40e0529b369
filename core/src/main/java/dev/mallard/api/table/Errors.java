package dev.mallard.api.table;

import dev.mallard.MallardException;
import java.sql.SQLException;

/** JDBC errors as the MallardExceptions the rest of the API throws, keeping SQLSTATE and message. */
final class Errors {
    private Errors() {}

    static MallardException of(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MallardException m) return m;
        }
        String state = e.getSQLState() == null ? "58000" : e.getSQLState();
        return new MallardException(state, e.getMessage(), e);
    }

    static RuntimeException of(Throwable t) {
        return switch (t) {
            case SQLException e -> of(e);
            case RuntimeException r -> r;
            case Error err -> throw err;
            default -> new MallardException.Internal("unexpected " + t, t);
        };
    }
}
