package dev.mallard.sqllogictest;

import java.sql.SQLException;
import java.time.Duration;

/** What executing a record's SQL produced. */
public sealed interface Outcome {

    /** The last statement's result (or update count). */
    record Success(ResultTable table) implements Outcome {}

    /** The engine refused a statement with an {@link SQLException}: a regular SQL error. */
    record Error(SQLException exception) implements Outcome {
        public String message() {
            return String.valueOf(exception.getMessage());
        }
    }

    /** Anything else thrown (a driver or engine bug): never what a script expects. */
    record Crash(Throwable throwable) implements Outcome {}

    /** A statement ran longer than the limit and was cancelled. */
    record Timeout(Duration limit) implements Outcome {}
}
