package dev.mallard.api.table;

import dev.mallard.MallardException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;

/**
 * The column types the lazy table API creates, ordered by what they can hold: a value fits a
 * column when joining its type with the column's gives the column's type back
 * ({@link #join}). Integers widen to DOUBLE or DECIMAL, dates to timestamps, and everything to TEXT.
 * {@link #OTHER} stands for a column made by hand with a type the API does not manage: values go to
 * it unchanged and the database decides.
 */
public enum ColumnType {
    BOOLEAN,
    /** Every Java integer type (a column never narrows to INTEGER: it would only have to widen later). */
    BIGINT,
    DOUBLE,
    /**
     * {@code BigDecimal}s, as DECIMAL(38, 9) on both backends: one fixed precision so that a later value
     * with more digits still fits (fraction digits beyond 9 are rounded).
     */
    DECIMAL,
    TEXT,
    DATE,
    /** LocalDateTime; Instant, OffsetDateTime and ZonedDateTime are stored as their UTC time. */
    TIMESTAMP,
    /** Maps, lists and arrays, as JSON text (PostgreSQL: jsonb). */
    JSON,
    OTHER;

    /** The scale of {@link #DECIMAL} columns. */
    public static final int DECIMAL_SCALE = 9;

    /** The type a value asks for; null for null (a NULL never decides a column's type). */
    public static ColumnType of(Object value) {
        return switch (value) {
            case null -> null;
            case Boolean b -> BOOLEAN;
            case Byte b -> BIGINT;
            case Short s -> BIGINT;
            case Integer i -> BIGINT;
            case Long l -> BIGINT;
            case BigInteger b -> b.bitLength() < 64 ? BIGINT : DECIMAL;
            case Float f -> DOUBLE;
            case Double d -> DOUBLE;
            case BigDecimal d -> DECIMAL;
            case CharSequence s -> TEXT;
            case Character c -> TEXT;
            case Enum<?> e -> TEXT;
            case java.util.UUID u -> TEXT;
            case LocalDate d -> DATE;
            case LocalDateTime t -> TIMESTAMP;
            case Instant i -> TIMESTAMP;
            case OffsetDateTime o -> TIMESTAMP;
            case ZonedDateTime z -> TIMESTAMP;
            case Map<?, ?> m -> JSON;
            case Collection<?> c -> JSON;
            case Object[] a -> JSON;
            default -> throw MallardException.Data.invalidArgument("cannot store a value of Java type " + value.getClass().getName()
                    + " (" + value + "): use numbers, strings, booleans, java.time dates and times, BigDecimal, or Maps and Lists (stored as JSON)");
        };
    }

    /** The narrowest type that holds values of both types. */
    public ColumnType join(ColumnType other) {
        if (other == null || other == this) return this;
        if (this == OTHER || other == OTHER) return OTHER;
        if (this == TEXT || other == TEXT) return TEXT;
        if (isNumber() && other.isNumber()) {
            // DOUBLE wins over DECIMAL: a double's exponent range does not fit DECIMAL(38, 9).
            if (this == DOUBLE || other == DOUBLE) return DOUBLE;
            return DECIMAL;
        }
        if (isTime() && other.isTime()) return TIMESTAMP;
        return TEXT;
    }

    /** Whether a value of type {@code value} can be stored in a column of this type as it is. */
    public boolean holds(ColumnType value) {
        return value == null || this == OTHER || join(value) == this;
    }

    private boolean isNumber() {
        return this == BIGINT || this == DOUBLE || this == DECIMAL;
    }

    private boolean isTime() {
        return this == DATE || this == TIMESTAMP;
    }

    /**
     * {@code value} (which this type {@linkplain #holds holds}) in the one Java form bound for this
     * type: Long, Double, BigDecimal, String, Boolean, LocalDate, LocalDateTime, or JSON text.
     */
    Object convert(Object value) {
        if (value == null) return null;
        return switch (this) {
            case BOOLEAN -> (Boolean) value;
            case BIGINT -> value instanceof BigInteger b ? b.longValueExact() : ((Number) value).longValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case DECIMAL -> decimal(value).setScale(DECIMAL_SCALE, java.math.RoundingMode.HALF_EVEN);
            case TEXT -> text(value);
            case DATE -> (LocalDate) value;
            case TIMESTAMP -> timestamp(value);
            case JSON -> Json.write(value);
            case OTHER -> value;
        };
    }

    private static BigDecimal decimal(Object value) {
        return switch (value) {
            case BigDecimal d -> d;
            case BigInteger b -> new BigDecimal(b);
            case Number n -> BigDecimal.valueOf(n.longValue());
            default -> throw new IllegalArgumentException(String.valueOf(value));
        };
    }

    private static String text(Object value) {
        return switch (ColumnType.of(value)) {
            case JSON -> Json.write(value);
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case TIMESTAMP -> timestamp(value).toString();
            default -> value.toString();
        };
    }

    private static LocalDateTime timestamp(Object value) {
        return switch (value) {
            case LocalDateTime t -> t;
            case LocalDate d -> d.atStartOfDay();
            case Instant i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC);
            case OffsetDateTime o -> LocalDateTime.ofInstant(o.toInstant(), ZoneOffset.UTC);
            case ZonedDateTime z -> LocalDateTime.ofInstant(z.toInstant(), ZoneOffset.UTC);
            default -> throw new IllegalArgumentException(String.valueOf(value));
        };
    }
}
