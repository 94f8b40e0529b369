package dev.mallard.sqllogictest;

import java.sql.Types;
import java.util.Locale;

/** The classes of result column that DuckDB's runner compares by value when texts differ. */
public enum ColumnKind {
    INTEGER, DECIMAL, FLOAT, DOUBLE, BOOLEAN, OTHER;

    /** Classifies a column by its type name first (DuckDB's names), then by its JDBC type code. */
    public static ColumnKind of(ResultTable.Column column) {
        String name = column.typeName().toUpperCase(Locale.ROOT).trim();
        int paren = name.indexOf('(');
        if (paren >= 0) {
            name = name.substring(0, paren).trim();
        }
        switch (name) {
            case "TINYINT", "SMALLINT", "INTEGER", "INT", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
                    "UINTEGER", "UBIGINT", "UHUGEINT", "INT1", "INT2", "INT4", "INT8", "INT16", "INT128" -> {
                return INTEGER;
            }
            case "DECIMAL", "NUMERIC" -> {
                return DECIMAL;
            }
            case "FLOAT", "REAL", "FLOAT4" -> {
                return FLOAT;
            }
            case "DOUBLE", "DOUBLE PRECISION", "FLOAT8" -> {
                return DOUBLE;
            }
            case "BOOLEAN", "BOOL" -> {
                return BOOLEAN;
            }
            default -> {
                // fall through to the JDBC type code
            }
        }
        return switch (column.sqlType()) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
            case Types.REAL -> FLOAT;
            case Types.FLOAT, Types.DOUBLE -> DOUBLE;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            default -> OTHER;
        };
    }
}
