package dev.mallard.jdbc;

import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import java.sql.Types;
import java.util.Locale;

/** How Mallard's types look through JDBC: {@link Types} codes, Java classes, sizes. */
final class JdbcTypes {
    /** Column size reported for unbounded VARCHAR (PostgreSQL's drivers do the same for text). */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    private JdbcTypes() {}

    static int sqlType(LogicalType t) {
        return switch (t.id()) {
            case NULL -> Types.NULL;
            case BOOLEAN -> Types.BOOLEAN;
            case TINYINT -> Types.TINYINT;
            case SMALLINT -> Types.SMALLINT;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case REAL -> Types.REAL;
            case DOUBLE -> Types.DOUBLE;
            case DECIMAL -> Types.DECIMAL;
            case VARCHAR -> Types.VARCHAR;
            case DATE -> Types.DATE;
            case TIMESTAMP -> Types.TIMESTAMP;
            case INTERVAL -> Types.OTHER;
        };
    }

    /** The class {@code ResultSet.getObject} returns for the type (what {@code Values.toJava} yields). */
    static String className(LogicalType t) {
        return switch (t.id()) {
            case NULL -> Object.class.getName();
            case BOOLEAN -> Boolean.class.getName();
            case TINYINT -> Byte.class.getName();
            case SMALLINT -> Short.class.getName();
            case INTEGER -> Integer.class.getName();
            case BIGINT -> Long.class.getName();
            case REAL -> Float.class.getName();
            case DOUBLE -> Double.class.getName();
            case DECIMAL -> java.math.BigDecimal.class.getName();
            case VARCHAR -> String.class.getName();
            case DATE -> java.time.LocalDate.class.getName();
            case TIMESTAMP -> java.time.LocalDateTime.class.getName();
            case INTERVAL -> dev.mallard.types.Interval.class.getName();
        };
    }

    /** Decimal digits for numbers, characters of the text form for dates, 0 when unknown. */
    static int precision(LogicalType t) {
        return switch (t.id()) {
            case NULL, INTERVAL -> 0;
            case BOOLEAN -> 1;
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            case REAL -> 7;
            case DOUBLE -> 15;
            case DECIMAL -> t.precision();
            case VARCHAR -> UNBOUNDED;
            case DATE -> 10;
            case TIMESTAMP -> 26;
        };
    }

    /** Fraction digits: the DECIMAL scale, microseconds for TIMESTAMP. */
    static int scale(LogicalType t) {
        return switch (t.id()) {
            case DECIMAL -> t.scale();
            case TIMESTAMP -> 6;
            default -> 0;
        };
    }

    /** Characters needed to show any value of the type as text. */
    static int displaySize(LogicalType t) {
        return switch (t.id()) {
            case NULL -> 4;
            case BOOLEAN -> 5;
            case TINYINT -> 4;
            case SMALLINT -> 6;
            case INTEGER -> 11;
            case BIGINT -> 20;
            case REAL -> 15;
            case DOUBLE -> 24;
            case DECIMAL -> t.precision() + (t.scale() > 0 ? 2 : 1);
            case VARCHAR -> UNBOUNDED;
            case DATE -> 13;
            case TIMESTAMP -> 29;
            case INTERVAL -> 40;
        };
    }

    static boolean signed(LogicalType t) {
        return t.isNumeric();
    }

    /** 10 for numbers, null (unknown/not applicable) otherwise, as getColumns' NUM_PREC_RADIX. */
    static Integer radix(LogicalType t) {
        return t.isNumeric() ? 10 : null;
    }

    /**
     * Reads back a type name as {@link LogicalType#toString()} prints it (DESCRIBE's column_type);
     * null when the name is not one of Mallard's types.
     */
    static LogicalType parse(String name) {
        if (name == null) return null;
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("DECIMAL(") && n.endsWith(")")) {
            String[] ps = n.substring("DECIMAL(".length(), n.length() - 1).split(",");
            try {
                return LogicalType.decimal(Integer.parseInt(ps[0].trim()), ps.length > 1 ? Integer.parseInt(ps[1].trim()) : 0);
            } catch (RuntimeException e) {
                return null;
            }
        }
        try {
            return LogicalType.of(TypeId.valueOf(n));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
