package dev.mallard.api.table;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a table is made and how strict writes are.
 *
 * @param primaryKey     the key column of a table the API creates; null for none
 * @param primaryKeyType BIGINT: numbered automatically (a row may still give its own key); any
 *                       other type: every row gives its key
 * @param types          column types to use instead of the ones the values suggest (names in any case)
 * @param widening       whether a value that does not fit its column may change the column's type to
 *                       one that holds both (BIGINT to DOUBLE, DATE to TIMESTAMP, anything to TEXT);
 *                       without it such a write fails and changes nothing
 */
public record TableOptions(String primaryKey, ColumnType primaryKeyType, Map<String, ColumnType> types, boolean widening) {
    public TableOptions {
        if (primaryKey != null) {
            primaryKey = Names.clean(primaryKey, "primary key column");
            java.util.Objects.requireNonNull(primaryKeyType, "a primary key needs a type");
        }
        Map<String, ColumnType> clean = new LinkedHashMap<>();
        types.forEach((k, v) -> clean.put(Names.key(Names.clean(k, "column")), java.util.Objects.requireNonNull(v, "type of " + k)));
        types = java.util.Collections.unmodifiableMap(clean);
    }

    /** An automatically numbered BIGINT {@code id} key, types from the values, no widening. */
    public static TableOptions defaults() {
        return new TableOptions("id", ColumnType.BIGINT, Map.of(), false);
    }

    public TableOptions withPrimaryKey(String name, ColumnType type) {
        return new TableOptions(name, type, types, widening);
    }

    public TableOptions withoutPrimaryKey() {
        return new TableOptions(null, null, types, widening);
    }

    public TableOptions withType(String column, ColumnType type) {
        Map<String, ColumnType> more = new LinkedHashMap<>(types);
        more.put(column, type);
        return new TableOptions(primaryKey, primaryKeyType, more, widening);
    }

    public TableOptions withWidening() {
        return new TableOptions(primaryKey, primaryKeyType, types, true);
    }

    boolean autoKey() {
        return primaryKey != null && primaryKeyType == ColumnType.BIGINT;
    }

    /** The type given for {@code column}, or null. */
    ColumnType typeOf(String column) {
        return types.get(Names.key(column));
    }
}
