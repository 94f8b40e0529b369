package dev.mallard.jdbc;

import dev.mallard.types.Interval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Conversions between the Java values {@code Values.toJava} produces and what a JDBC getter or
 * setter asks for. Numbers convert between numeric types (fractions truncate toward zero, as
 * JDBC drivers commonly do, and values out of the target's range fail with SQLSTATE 22003);
 * strings are parsed; anything else fails with SQLSTATE 22018. Null handling is the caller's.
 */
final class ValueConversions {
    private ValueConversions() {}

    // ---- to Java numbers ------------------------------------------------------------------

    static long toLong(Object v) throws SQLException {
        return switch (v) {
            case Long l -> l;
            case Integer i -> i;
            case Short s -> s;
            case Byte b -> b;
            case Boolean b -> b ? 1 : 0;
            case BigDecimal d -> exactLong(d.setScale(0, RoundingMode.DOWN), v);
            case BigInteger b -> exactLong(new BigDecimal(b), v);
            case Double d -> fromDouble(d, v);
            case Float f -> fromDouble(f, v);
            case String s -> parseLong(s);
            default -> throw cannot(v, "BIGINT");
        };
    }

    static int toInt(Object v) throws SQLException {
        long l = toLong(v);
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) throw outOfRange(v, "INTEGER");
        return (int) l;
    }

    static short toShort(Object v) throws SQLException {
        long l = toLong(v);
        if (l < Short.MIN_VALUE || l > Short.MAX_VALUE) throw outOfRange(v, "SMALLINT");
        return (short) l;
    }

    static byte toByte(Object v) throws SQLException {
        long l = toLong(v);
        if (l < Byte.MIN_VALUE || l > Byte.MAX_VALUE) throw outOfRange(v, "TINYINT");
        return (byte) l;
    }

    static double toDouble(Object v) throws SQLException {
        return switch (v) {
            case Number n -> n.doubleValue();
            case Boolean b -> b ? 1 : 0;
            case String s -> parseDouble(s);
            default -> throw cannot(v, "DOUBLE");
        };
    }

    static float toFloat(Object v) throws SQLException {
        double d = toDouble(v);
        float f = (float) d;
        if (Float.isInfinite(f) && !Double.isInfinite(d)) throw outOfRange(v, "REAL");
        return f;
    }

    static BigDecimal toBigDecimal(Object v) throws SQLException {
        return switch (v) {
            case BigDecimal d -> d;
            case BigInteger b -> new BigDecimal(b);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case Boolean b -> b ? BigDecimal.ONE : BigDecimal.ZERO;
            case Double d -> finite(d, v);
            case Float f -> finite(f, v);
            case String s -> parseDecimal(s);
            default -> throw cannot(v, "DECIMAL");
        };
    }

    static boolean toBoolean(Object v) throws SQLException {
        return switch (v) {
            case Boolean b -> b;
            case BigDecimal d -> d.signum() != 0;
            case Number n -> n.doubleValue() != 0;
            case String s -> switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "t", "yes", "y", "on", "1" -> true;
                case "false", "f", "no", "n", "off", "0" -> false;
                default -> throw cannot(v, "BOOLEAN");
            };
            default -> throw cannot(v, "BOOLEAN");
        };
    }

    // ---- to Java date/time ------------------------------------------------------------------

    static LocalDate toLocalDate(Object v) throws SQLException {
        return switch (v) {
            case LocalDate d -> d;
            case LocalDateTime t -> t.toLocalDate();
            case String s -> parseDateTime(s).toLocalDate();
            default -> throw cannot(v, "DATE");
        };
    }

    static LocalDateTime toLocalDateTime(Object v) throws SQLException {
        return switch (v) {
            case LocalDateTime t -> t;
            case LocalDate d -> d.atStartOfDay();
            case String s -> parseDateTime(s);
            default -> throw cannot(v, "TIMESTAMP");
        };
    }

    static LocalTime toLocalTime(Object v) throws SQLException {
        return switch (v) {
            case LocalDateTime t -> t.toLocalTime();
            case LocalDate d -> LocalTime.MIDNIGHT;
            case String s -> {
                try {
                    yield LocalTime.parse(s.trim());
                } catch (DateTimeParseException e) {
                    yield parseDateTime(s).toLocalTime();
                }
            }
            default -> throw cannot(v, "TIME");
        };
    }

    /**
     * {@code ResultSet.getObject(column, type)}: the value converted to {@code type}. Strings are
     * the caller's (they need the SQL type to format).
     */
    static Object convert(Object v, Class<?> type) throws SQLException {
        if (type == Object.class || type.isInstance(v)) return v;
        if (type == Long.class || type == long.class) return toLong(v);
        if (type == Integer.class || type == int.class) return toInt(v);
        if (type == Short.class || type == short.class) return toShort(v);
        if (type == Byte.class || type == byte.class) return toByte(v);
        if (type == Double.class || type == double.class) return toDouble(v);
        if (type == Float.class || type == float.class) return toFloat(v);
        if (type == Boolean.class || type == boolean.class) return toBoolean(v);
        if (type == BigDecimal.class) return toBigDecimal(v);
        if (type == BigInteger.class) return toBigDecimal(v).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
        if (type == Number.class) return v instanceof Number ? v : toBigDecimal(v);
        if (type == LocalDate.class) return toLocalDate(v);
        if (type == LocalDateTime.class) return toLocalDateTime(v);
        if (type == LocalTime.class) return toLocalTime(v);
        // TIMESTAMP has no zone; Mallard reads and writes instants as UTC (see Values.fromJava).
        if (type == Instant.class) return toLocalDateTime(v).toInstant(ZoneOffset.UTC);
        if (type == OffsetDateTime.class) return toLocalDateTime(v).atOffset(ZoneOffset.UTC);
        if (type == ZonedDateTime.class) return toLocalDateTime(v).atZone(ZoneOffset.UTC);
        if (type == java.sql.Date.class) return java.sql.Date.valueOf(toLocalDate(v));
        if (type == java.sql.Time.class) return java.sql.Time.valueOf(toLocalTime(v));
        if (type == java.sql.Timestamp.class || type == java.util.Date.class) return java.sql.Timestamp.valueOf(toLocalDateTime(v));
        if (type == Period.class && v instanceof Interval i && i.micros() == 0) return Period.of(0, i.months(), i.days());
        if (type == Duration.class && v instanceof Interval i && i.months() == 0) {
            return Duration.ofDays(i.days()).plusNanos(Math.multiplyExact(i.micros(), 1000L));
        }
        throw cannot(v, type.getName());
    }

    // ---- parameters ----------------------------------------------------------------------------

    /**
     * {@code setObject(index, x, targetSqlType, scaleOrLength)}: converts {@code x} to the Java
     * type that binds as {@code targetSqlType}.
     */
    static Object toParameter(Object x, int sqlType, int scaleOrLength) throws SQLException {
        if (x == null) return null;
        return switch (sqlType) {
            case Types.BOOLEAN, Types.BIT -> toBoolean(x);
            case Types.TINYINT -> toByte(x);
            case Types.SMALLINT -> toShort(x);
            case Types.INTEGER -> toInt(x);
            case Types.BIGINT -> toLong(x);
            case Types.REAL -> toFloat(x);
            case Types.FLOAT, Types.DOUBLE -> toDouble(x);
            case Types.DECIMAL, Types.NUMERIC -> {
                BigDecimal d = toBigDecimal(x);
                yield scaleOrLength > 0 || x instanceof String ? d.setScale(Math.max(scaleOrLength, 0), RoundingMode.HALF_UP) : d;
            }
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> text(x);
            case Types.DATE -> x instanceof java.util.Date d && !(d instanceof java.sql.Date) ? toLocalDate(timestampOf(d))
                    : toLocalDate(javaTime(x));
            case Types.TIMESTAMP -> x instanceof java.util.Date d ? toLocalDateTime(timestampOf(d)) : toLocalDateTime(javaTime(x));
            case Types.TIMESTAMP_WITH_TIMEZONE -> switch (x) {
                case OffsetDateTime o -> o;
                case ZonedDateTime z -> z;
                case Instant i -> i;
                default -> toLocalDateTime(javaTime(x));
            };
            case Types.TIME -> LocalDateTime.of(LocalDate.EPOCH, x instanceof java.sql.Time t ? t.toLocalTime() : toLocalTime(javaTime(x)));
            case Types.NULL -> null;
            case Types.OTHER, Types.JAVA_OBJECT -> x;
            default -> throw SqlExceptions.unsupported("binding a parameter as java.sql.Types code " + sqlType);
        };
    }

    private static Object javaTime(Object x) {
        return switch (x) {
            case java.sql.Date d -> d.toLocalDate();
            case java.sql.Timestamp t -> t.toLocalDateTime();
            default -> x;
        };
    }

    private static LocalDateTime timestampOf(java.util.Date d) {
        return d instanceof java.sql.Timestamp t ? t.toLocalDateTime() : new java.sql.Timestamp(d.getTime()).toLocalDateTime();
    }

    private static String text(Object x) {
        return switch (x) {
            case BigDecimal d -> d.toPlainString();
            case java.sql.Timestamp t -> t.toLocalDateTime().toString().replace('T', ' ');
            case LocalDateTime t -> t.toString().replace('T', ' ');
            default -> x.toString();
        };
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static long exactLong(BigDecimal d, Object original) throws SQLException {
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw outOfRange(original, "BIGINT");
        }
    }

    private static long fromDouble(double d, Object original) throws SQLException {
        if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) throw outOfRange(original, "BIGINT");
        return (long) d;
    }

    private static BigDecimal finite(double d, Object original) throws SQLException {
        if (Double.isNaN(d) || Double.isInfinite(d)) throw outOfRange(original, "DECIMAL");
        return BigDecimal.valueOf(d);
    }

    private static long parseLong(String s) throws SQLException {
        String t = s.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return exactLong(parseDecimal(s).setScale(0, RoundingMode.DOWN), s);
        }
    }

    private static BigDecimal parseDecimal(String s) throws SQLException {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw cannot(s, "DECIMAL");
        }
    }

    private static double parseDouble(String s) throws SQLException {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "nan" -> Double.NaN;
            case "inf", "infinity", "+inf", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw cannot(s, "DOUBLE");
                }
            }
        };
    }

    /** Accepts DuckDB's text ({@code 2024-01-31 12:00:00.5}) and ISO ({@code 2024-01-31T12:00}). */
    private static LocalDateTime parseDateTime(String s) throws SQLException {
        String t = s.trim();
        try {
            if (t.length() <= 10) return LocalDate.parse(t).atStartOfDay();
            return LocalDateTime.parse(t.replaceFirst(" ", "T"));
        } catch (DateTimeParseException e) {
            throw cannot(s, "TIMESTAMP");
        }
    }

    private static SQLException cannot(Object v, String target) {
        String shown = v instanceof String s ? "'" + s + "'" : String.valueOf(v);
        return SqlExceptions.conversion("cannot convert " + shown + " (" + v.getClass().getSimpleName() + ") to " + target);
    }

    private static SQLException outOfRange(Object v, String target) {
        return SqlExceptions.outOfRange("value " + v + " is out of range for " + target);
    }
}
