package dev.mallard.jdbc;

import dev.mallard.engine.MaterializedResult;
import dev.mallard.types.LogicalType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the small in-memory result sets {@code DatabaseMetaData} returns. Columns are declared
 * as {@code "NAME"} (VARCHAR) or {@code "NAME:SMALLINT"} / {@code INTEGER} / {@code BIGINT} /
 * {@code BOOLEAN}; rows hold Java values of those types (String, Short/Integer, Long, Boolean),
 * which are also the physical forms, so the rows go into a {@link MaterializedResult} unchanged and
 * are read through the same {@link MallardResultSet} as query results.
 */
final class MetadataTable {
    private final List<String> names = new ArrayList<>();
    private final List<LogicalType> types = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    static MetadataTable of(String... columns) {
        MetadataTable t = new MetadataTable();
        for (String c : columns) {
            int colon = c.indexOf(':');
            t.names.add(colon < 0 ? c : c.substring(0, colon));
            t.types.add(colon < 0 ? LogicalType.VARCHAR : switch (c.substring(colon + 1)) {
                case "SMALLINT" -> LogicalType.SMALLINT;
                case "INTEGER" -> LogicalType.INTEGER;
                case "BIGINT" -> LogicalType.BIGINT;
                case "BOOLEAN" -> LogicalType.BOOLEAN;
                default -> throw new IllegalArgumentException("unknown metadata column type in " + c);
            });
        }
        return t;
    }

    MetadataTable row(Object... values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException("metadata row has " + values.length + " values for " + names.size() + " columns");
        }
        rows.add(values);
        return this;
    }

    int size() {
        return rows.size();
    }

    ResultSet toResultSet() throws SQLException {
        return new MallardResultSet(null, new Object(), new MaterializedResult(names, types, rows), 0, 0);
    }
}
