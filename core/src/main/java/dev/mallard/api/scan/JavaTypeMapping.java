package dev.mallard.api.scan;

import dev.mallard.types.LogicalType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * The column type of a Java type, and how its values are written:
 *
 * <table>
 *   <caption>Java type → SQL type</caption>
 *   <tr><td>boolean, Boolean</td><td>BOOLEAN</td></tr>
 *   <tr><td>byte, Byte / short, Short / int, Integer</td><td>TINYINT / SMALLINT / INTEGER</td></tr>
 *   <tr><td>long, Long</td><td>BIGINT</td></tr>
 *   <tr><td>float, Float / double, Double</td><td>REAL / DOUBLE</td></tr>
 *   <tr><td>String, char, Character, enums (by name), UUID</td><td>VARCHAR</td></tr>
 *   <tr><td>BigDecimal</td><td>DECIMAL, precision and scale from the values ({@link #decimalOf})</td></tr>
 *   <tr><td>LocalDate</td><td>DATE</td></tr>
 *   <tr><td>LocalDateTime, Instant (as UTC)</td><td>TIMESTAMP</td></tr>
 * </table>
 *
 * A null in a boxed or reference field is SQL NULL. Other types are not mapped: registering a
 * class with such a field is an error naming the class, the field and its type.
 */
final class JavaTypeMapping {
    private JavaTypeMapping() {}

    /** How many non-null values decide a DECIMAL column's scale (and a Map column's type). */
    static final int SAMPLE = 1000;

    /** A Java type's column type and writer; the DECIMAL type is a placeholder until {@link #decimalOf}. */
    record Mapping(LogicalType type, ValueWriter writer) {}

    /** The mapping of {@code type}, or null when it has none. */
    static Mapping of(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) return new Mapping(LogicalType.BOOLEAN, ValueWriter.BOOLEAN);
        if (type == byte.class || type == Byte.class) return new Mapping(LogicalType.TINYINT, ValueWriter.INT);
        if (type == short.class || type == Short.class) return new Mapping(LogicalType.SMALLINT, ValueWriter.INT);
        if (type == int.class || type == Integer.class) return new Mapping(LogicalType.INTEGER, ValueWriter.INT);
        if (type == long.class || type == Long.class) return new Mapping(LogicalType.BIGINT, ValueWriter.LONG);
        if (type == float.class || type == Float.class) return new Mapping(LogicalType.REAL, ValueWriter.DOUBLE);
        if (type == double.class || type == Double.class) return new Mapping(LogicalType.DOUBLE, ValueWriter.DOUBLE);
        if (type == String.class) return new Mapping(LogicalType.VARCHAR, ValueWriter.STRING);
        if (type == char.class || type == Character.class || type.isEnum() || type == UUID.class) {
            return new Mapping(LogicalType.VARCHAR, ValueWriter.TEXT);
        }
        if (type == BigDecimal.class) return new Mapping(LogicalType.decimal(18, 0), ValueWriter.DECIMAL);
        if (type == LocalDate.class) return new Mapping(LogicalType.DATE, ValueWriter.DATE);
        if (type == LocalDateTime.class || type == Instant.class) return new Mapping(LogicalType.TIMESTAMP, ValueWriter.TIMESTAMP);
        return null;
    }

    /** The supported types, for error messages. */
    static final String SUPPORTED = "boolean, byte, short, int, long, float, double (or boxed), String, char, enums, UUID, "
            + "BigDecimal, LocalDate, LocalDateTime, Instant";

    /**
     * The DECIMAL type of a column from some of its values: the largest scale among them, and
     * enough integer digits for the largest; DECIMAL(18, s) when that fits (values held in a
     * {@code long}), else DECIMAL(38, s). Later values with more fraction digits are rounded
     * half-up to the scale; one with more integer digits than the type holds is an error.
     */
    static LogicalType decimalOf(Iterable<?> sample) {
        int scale = 0, integerDigits = 1;
        for (Object v : sample) {
            if (!(v instanceof BigDecimal d)) continue;
            int s = Math.max(0, d.scale());
            scale = Math.max(scale, s);
            integerDigits = Math.max(integerDigits, d.precision() - d.scale());
        }
        scale = Math.min(scale, LogicalType.MAX_DECIMAL_PRECISION - 1);
        int precision = integerDigits + scale <= LogicalType.MAX_INT64_DECIMAL_PRECISION ? LogicalType.MAX_INT64_DECIMAL_PRECISION
                : LogicalType.MAX_DECIMAL_PRECISION;
        return LogicalType.decimal(precision, Math.min(scale, precision - 1));
    }
}
