package dev.mallard.engine;

import java.util.List;

/** A parsed statement with {@code ?} / {@code $n} parameters, executed with values bound each time. */
public interface PreparedQuery {
    int parameterCount();

    /** Executes with values given as JDBC-style Java objects (see {@link dev.mallard.types.Values#fromJava}). */
    StatementResult execute(List<Object> parameters);

    /** True when the statement returns rows (a query, EXPLAIN, DESCRIBE, SHOW ...). */
    boolean returnsRows();
}
