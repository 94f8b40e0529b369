package dev.mallard.engine;

import java.util.List;

/** A parsed statement with {@code ?} / {@code $n} parameters, executed with values bound each time. */
public interface PreparedQuery {
    int parameterCount();

    /** Executes with values given as JDBC-style Java objects (see {@link dev.mallard.types.Values#fromJava}). */
    StatementResult execute(List<Object> parameters);

    /**
     * Executes once per parameter row and returns the total update count. A plain INSERT ... VALUES
     * runs the whole batch as one statement: all rows are written, or none.
     */
    long executeBatch(List<List<Object>> rows);

    /** True when {@link #executeBatch} runs a batch as one statement (each row inserts exactly one row). */
    boolean batchable();

    /** True when the statement returns rows (a query, EXPLAIN, DESCRIBE, SHOW ...). */
    boolean returnsRows();
}
