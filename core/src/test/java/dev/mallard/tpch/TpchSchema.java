package dev.mallard.tpch;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * The eight TPC-H tables as SQL: the types the specification gives (identifiers as BIGINT,
 * money and quantities as DECIMAL(15,2), dates as DATE, text as VARCHAR) and each generated
 * value as the Java object JDBC binds for that type.
 */
public final class TpchSchema {

    private TpchSchema() {}

    /** {@code CREATE TABLE lineitem (l_orderkey BIGINT NOT NULL, ...)}. */
    public static String createTable(TpchTable<?> table) {
        return "CREATE TABLE " + table.getTableName() + " ("
                + table.getColumns().stream()
                        .map(c -> c.getColumnName() + " " + sqlType(c) + " NOT NULL")
                        .collect(Collectors.joining(", "))
                + ")";
    }

    public static String sqlType(TpchColumn<?> column) {
        return switch (column.getType().getBase()) {
            case IDENTIFIER -> "BIGINT";
            case INTEGER -> "INTEGER";
            case DATE -> "DATE";
            // The generator hands out money, quantities, discounts and taxes as doubles with two
            // decimals; the specification's type for all of them is DECIMAL(15,2).
            case DOUBLE -> "DECIMAL(15,2)";
            case VARCHAR -> "VARCHAR";
        };
    }

    /** A column's value in one generated row: Long, Integer, LocalDate, BigDecimal or String. */
    public static <E extends TpchEntity> Object value(TpchColumn<E> column, E row) {
        return switch (column.getType().getBase()) {
            case IDENTIFIER -> column.getIdentifier(row);
            case INTEGER -> column.getInteger(row);
            case DATE -> LocalDate.ofEpochDay(column.getDate(row));
            case DOUBLE -> BigDecimal.valueOf(column.getDouble(row)).setScale(2, RoundingMode.HALF_UP);
            case VARCHAR -> column.getString(row);
        };
    }

    /** {@code INSERT INTO t VALUES (?, ?, ...)} for batched loading. */
    public static String insert(TpchTable<?> table) {
        return "INSERT INTO " + table.getTableName() + " VALUES ("
                + table.getColumns().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }
}
