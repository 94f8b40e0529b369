package dev.mallard.api.mapping;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Converts a column's Java value ({@link dev.mallard.types.Values#toJava}: Long, Double,
 * BigDecimal, String, LocalDate, LocalDateTime ...) to the type a record component, setter, field
 * or array asks for; chosen once per column and target. Numbers convert between Java number types
 * only when the value fits exactly (a BIGINT 3_000_000_000 into an {@code int} or 2.5 into a
 * {@code long} is an error, never a silent wrap or truncation); DATE gives LocalDate (or
 * LocalDateTime at midnight), TIMESTAMP LocalDateTime or Instant (as UTC), DECIMAL BigDecimal,
 * VARCHAR String, char (one character), an enum constant (by name) or UUID. Anything becomes a
 * String by its text, and Object takes the value as it is. NULL is null; into a primitive it is
 * an error naming the boxed type to use instead.
 */
@FunctionalInterface
public interface ValueConverter {
    /** Converts a non-null value; throws {@link MallardException} (without row context) when it cannot. */
    Object convert(Object value);

    /** The converter of values of {@code column} (of SQL type {@code type}) to {@code target}, or an error now if none can exist. */
    static ValueConverter to(Class<?> target, LogicalType type, String column) {
        Class<?> t = target.isPrimitive() ? boxed(target) : target;
        if (t == Object.class) return v -> v;
        if (t == String.class) return v -> v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        boolean number = type.isNumeric();
        if (t == Long.class && number) return v -> exactLong(v);
        if (t == Integer.class && number) return v -> (int) fit(exactLong(v), Integer.MIN_VALUE, Integer.MAX_VALUE, v, "int");
        if (t == Short.class && number) return v -> (short) fit(exactLong(v), Short.MIN_VALUE, Short.MAX_VALUE, v, "short");
        if (t == Byte.class && number) return v -> (byte) fit(exactLong(v), Byte.MIN_VALUE, Byte.MAX_VALUE, v, "byte");
        if (t == Double.class && number) return v -> ((Number) v).doubleValue();
        if (t == Float.class && number) return v -> ((Number) v).floatValue();
        if (t == BigDecimal.class && number) {
            return v -> v instanceof BigDecimal d ? d : v instanceof Double || v instanceof Float
                    ? BigDecimal.valueOf(((Number) v).doubleValue()) : BigDecimal.valueOf(((Number) v).longValue());
        }
        if (t == BigInteger.class && type.isInteger()) return v -> BigInteger.valueOf(((Number) v).longValue());
        if (t == Boolean.class && type.equals(LogicalType.BOOLEAN)) return v -> v;
        if (t == LocalDate.class && type.equals(LogicalType.DATE)) return v -> v;
        if (t == LocalDateTime.class && type.equals(LogicalType.TIMESTAMP)) return v -> v;
        if (t == LocalDateTime.class && type.equals(LogicalType.DATE)) return v -> ((LocalDate) v).atStartOfDay();
        if (t == Instant.class && type.equals(LogicalType.TIMESTAMP)) return v -> ((LocalDateTime) v).toInstant(ZoneOffset.UTC);
        if (type.equals(LogicalType.VARCHAR)) {
            if (t == Character.class) {
                return v -> {
                    String s = (String) v;
                    if (s.length() != 1) throw MallardException.Data.conversion("'" + s + "' is not one character");
                    return s.charAt(0);
                };
            }
            if (t == UUID.class) {
                return v -> {
                    try {
                        return UUID.fromString((String) v);
                    } catch (IllegalArgumentException e) {
                        throw MallardException.Data.conversion("'" + v + "' is not a UUID");
                    }
                };
            }
            if (t.isEnum()) return v -> enumConstant(t, (String) v);
        }
        if (type.id() == dev.mallard.types.TypeId.NULL) return v -> v;
        throw MallardException.Data.conversion("column \"" + column + "\" is " + type + ", which cannot be read as " + target.getName());
    }

    private static Object enumConstant(Class<?> type, String name) {
        for (Object c : type.getEnumConstants()) if (((Enum<?>) c).name().equals(name)) return c;
        throw MallardException.Data.conversion("'" + name + "' is not a constant of " + type.getName());
    }

    /** The value as a long, if it is an integer that fits one. */
    private static long exactLong(Object v) {
        try {
            return switch (v) {
                case Long l -> l;
                case Integer i -> i;
                case Short s -> s;
                case Byte b -> b;
                case BigDecimal d -> d.longValueExact();
                case Double d when d == Math.rint(d) && Math.abs(d) < 0x1p63 -> d.longValue();
                case Float f when f == Math.rint(f) && Math.abs(f) < 0x1p63 -> f.longValue();
                default -> throw new ArithmeticException();
            };
        } catch (ArithmeticException e) {
            throw MallardException.Data.outOfRange(v + " is not an integer that fits a long");
        }
    }

    private static long fit(long l, long min, long max, Object v, String target) {
        if (l < min || l > max) throw MallardException.Data.outOfRange(v + " does not fit " + target);
        return l;
    }

    private static Class<?> boxed(Class<?> primitive) {
        if (primitive == long.class) return Long.class;
        if (primitive == int.class) return Integer.class;
        if (primitive == short.class) return Short.class;
        if (primitive == byte.class) return Byte.class;
        if (primitive == double.class) return Double.class;
        if (primitive == float.class) return Float.class;
        if (primitive == boolean.class) return Boolean.class;
        if (primitive == char.class) return Character.class;
        throw new IllegalArgumentException(primitive.getName());
    }
}
