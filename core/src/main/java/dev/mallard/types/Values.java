package dev.mallard.types;

import dev.mallard.MallardException;
import dev.mallard.vector.Int128;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Conversions between the physical form of values (as {@link dev.mallard.vector.Vector#getObject}
 * returns them) and what users see: Java objects for JDBC and the lazy API, and text for the shell
 * and for CAST(... AS VARCHAR). One place, so every front door shows a value the same way.
 * (Owned by the function/cast implementer.)
 */
public final class Values {
    private Values() {}

    /** A value with its type, in physical form. */
    public record Typed(LogicalType type, Object value) {}

    /**
     * Physical → Java: BOOLEAN Boolean, TINYINT Byte, SMALLINT Short, INTEGER Integer, BIGINT Long,
     * REAL Float, DOUBLE Double, DECIMAL BigDecimal, VARCHAR String, DATE LocalDate,
     * TIMESTAMP LocalDateTime, INTERVAL {@link Interval}; null stays null. DATE and TIMESTAMP
     * infinity map to {@code LocalDate.MAX}/{@code MIN} and {@code LocalDateTime.MAX}/{@code MIN}.
     */
    public static Object toJava(LogicalType type, Object physical) {
        if (physical == null) return null;
        return switch (type.id()) {
            case NULL -> null;
            case BOOLEAN -> (Boolean) physical;
            case TINYINT -> ((Number) physical).byteValue();
            case SMALLINT -> ((Number) physical).shortValue();
            case INTEGER -> ((Number) physical).intValue();
            case BIGINT -> ((Number) physical).longValue();
            case REAL -> ((Number) physical).floatValue();
            case DOUBLE -> ((Number) physical).doubleValue();
            case DECIMAL -> new BigDecimal(unscaled(physical), type.scale());
            case VARCHAR -> (String) physical;
            case DATE -> toLocalDate(((Number) physical).intValue());
            case TIMESTAMP -> toLocalDateTime(((Number) physical).longValue());
            case INTERVAL -> (Interval) physical;
        };
    }

    private static BigInteger unscaled(Object physical) {
        return physical instanceof BigInteger b ? b : BigInteger.valueOf(((Number) physical).longValue());
    }

    public static LocalDate toLocalDate(int days) {
        if (days == DateTimes.DATE_INFINITY) return LocalDate.MAX;
        if (days == DateTimes.DATE_NEGATIVE_INFINITY) return LocalDate.MIN;
        return LocalDate.ofEpochDay(days);
    }

    public static LocalDateTime toLocalDateTime(long micros) {
        if (micros == DateTimes.TIMESTAMP_INFINITY) return LocalDateTime.MAX;
        if (micros == DateTimes.TIMESTAMP_NEGATIVE_INFINITY) return LocalDateTime.MIN;
        long seconds = Math.floorDiv(micros, DateTimes.MICROS_PER_SECOND);
        int nanos = (int) Math.floorMod(micros, DateTimes.MICROS_PER_SECOND) * 1000;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }

    /** Physical → the text CAST(x AS VARCHAR) gives (DuckDB's spelling); null gives null. */
    public static String toText(LogicalType type, Object physical) {
        if (physical == null) return null;
        return switch (type.id()) {
            case NULL -> null;
            case BOOLEAN -> ((Boolean) physical) ? "true" : "false";
            case TINYINT, SMALLINT, INTEGER, BIGINT -> physical.toString();
            case REAL -> NumericText.formatFloat(((Number) physical).floatValue());
            case DOUBLE -> NumericText.formatDouble(((Number) physical).doubleValue());
            case DECIMAL -> physical instanceof BigInteger b
                    ? NumericText.formatDecimal(Int128.high(b), b.longValue(), type.scale())
                    : NumericText.formatDecimal(((Number) physical).longValue(), type.scale());
            case VARCHAR -> (String) physical;
            case DATE -> DateTimes.formatDate(((Number) physical).intValue());
            case TIMESTAMP -> DateTimes.formatTimestamp(((Number) physical).longValue());
            case INTERVAL -> Intervals.format((Interval) physical);
        };
    }

    /**
     * Java → typed physical value, for parameters and the lazy API: the inverse of {@link #toJava},
     * also accepting java.sql.Date/Timestamp, java.util.Date, Character, BigInteger, Instant,
     * OffsetDateTime and ZonedDateTime (all as UTC), Period and Duration (as INTERVAL), null (type NULL).
     */
    public static Typed fromJava(Object v) {
        return switch (v) {
            case null -> new Typed(LogicalType.NULL, null);
            case Boolean b -> new Typed(LogicalType.BOOLEAN, b);
            case Byte b -> new Typed(LogicalType.TINYINT, (int) b);
            case Short s -> new Typed(LogicalType.SMALLINT, (int) s);
            case Integer i -> new Typed(LogicalType.INTEGER, i);
            case Long l -> new Typed(LogicalType.BIGINT, l);
            case Float f -> new Typed(LogicalType.REAL, (double) f);
            case Double d -> new Typed(LogicalType.DOUBLE, d);
            case BigDecimal d -> fromBigDecimal(d);
            case BigInteger b -> b.bitLength() < 64 ? new Typed(LogicalType.BIGINT, b.longValue())
                    : fromBigDecimal(new BigDecimal(b));
            case String s -> new Typed(LogicalType.VARCHAR, s);
            case Character c -> new Typed(LogicalType.VARCHAR, c.toString());
            case java.sql.Date d -> fromJava(d.toLocalDate());
            case java.sql.Timestamp t -> fromJava(t.toLocalDateTime());
            case java.util.Date d -> fromJava(d.toInstant());
            case LocalDate d -> new Typed(LogicalType.DATE, dateDays(d));
            case LocalDateTime t -> new Typed(LogicalType.TIMESTAMP, timestampMicros(t));
            case Instant i -> fromJava(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
            case OffsetDateTime o -> fromJava(o.toInstant());
            case ZonedDateTime z -> fromJava(z.toInstant());
            case Interval i -> new Typed(LogicalType.INTERVAL, i);
            case Period p -> new Typed(LogicalType.INTERVAL,
                    new Interval(Math.toIntExact(p.toTotalMonths()), p.getDays(), 0));
            case Duration d -> new Typed(LogicalType.INTERVAL, new Interval(0, 0, durationMicros(d)));
            default -> throw MallardException.Data.invalidArgument("cannot use a value of Java type "
                    + v.getClass().getName() + " as a SQL value");
        };
    }

    private static int dateDays(LocalDate d) {
        if (d.equals(LocalDate.MAX)) return DateTimes.DATE_INFINITY;
        if (d.equals(LocalDate.MIN)) return DateTimes.DATE_NEGATIVE_INFINITY;
        return Math.toIntExact(d.toEpochDay());
    }

    private static long timestampMicros(LocalDateTime t) {
        if (t.equals(LocalDateTime.MAX)) return DateTimes.TIMESTAMP_INFINITY;
        if (t.equals(LocalDateTime.MIN)) return DateTimes.TIMESTAMP_NEGATIVE_INFINITY;
        long seconds = t.toEpochSecond(ZoneOffset.UTC);
        return Math.addExact(Math.multiplyExact(seconds, DateTimes.MICROS_PER_SECOND), t.getNano() / 1000);
    }

    private static long durationMicros(Duration d) {
        return Math.addExact(Math.multiplyExact(d.getSeconds(), DateTimes.MICROS_PER_SECOND), d.getNano() / 1000);
    }

    /**
     * The narrowest DECIMAL that holds the value exactly, counting at least one integer digit as
     * decimal literals do; values needing more than 38 digits lose fraction digits, and values
     * beyond 38 integer digits become DOUBLE.
     */
    private static Typed fromBigDecimal(BigDecimal d) {
        if (d.scale() < 0) d = d.setScale(0);
        int scale = d.scale();
        int intDigits = Math.max(1, d.precision() - scale);
        if (intDigits > LogicalType.MAX_DECIMAL_PRECISION) return new Typed(LogicalType.DOUBLE, d.doubleValue());
        if (intDigits + scale > LogicalType.MAX_DECIMAL_PRECISION) {
            scale = LogicalType.MAX_DECIMAL_PRECISION - intDigits;
            d = d.setScale(scale, RoundingMode.HALF_UP);
        }
        LogicalType type = LogicalType.decimal(intDigits + scale, scale);
        BigInteger unscaled = d.unscaledValue();
        Object physical = type.precision() <= LogicalType.MAX_INT64_DECIMAL_PRECISION ? (Object) unscaled.longValue() : unscaled;
        return new Typed(type, physical);
    }
}
