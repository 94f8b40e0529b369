package dev.mallard.api.table;

import dev.mallard.api.Result;
import java.util.List;

/** Where tables are reached: a {@link dev.mallard.api.Database}, or one of its {@link Transaction}s. */
public interface Tables {
    /**
     * The table called {@code name} (trimmed, any case), created by its first write with an
     * automatically numbered {@code id} primary key; reading it before then finds no rows.
     */
    Table table(String name);

    /** As {@link #table(String)}, with another key, explicit column types, or widening allowed. */
    Table table(String name, TableOptions options);

    /** The names of the tables of the current schema, sorted. */
    List<String> tables();

    /** Runs {@code sql} with {@code ?} parameters bound to {@code parameters} in order. */
    Result query(String sql, Object... parameters);
}
