package dev.mallard.types;

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
     * TIMESTAMP LocalDateTime, INTERVAL {@link Interval}; null stays null.
     */
    public static Object toJava(LogicalType type, Object physical) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Physical → the text CAST(x AS VARCHAR) gives (DuckDB's spelling); null gives null. */
    public static String toText(LogicalType type, Object physical) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Java → typed physical value, for parameters and the lazy API: the inverse of {@link #toJava},
     * also accepting java.sql.Date/Timestamp, Character, BigInteger, Instant (as UTC), null (type NULL).
     */
    public static Typed fromJava(Object javaValue) {
        throw new UnsupportedOperationException("TODO");
    }
}
