package dev.mallard.api.table;

import java.sql.Connection;
import java.sql.SQLException;

/** One call's database work on the connection its {@link Scope} hands it. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
