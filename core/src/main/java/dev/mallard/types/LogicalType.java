package dev.mallard.types;

/**
 * A SQL type: a {@link TypeId} plus precision and scale for DECIMAL (zero otherwise).
 * Immutable and compared by value.
 */
public record LogicalType(TypeId id, int precision, int scale) {
    public static final LogicalType NULL = new LogicalType(TypeId.NULL, 0, 0);
    public static final LogicalType BOOLEAN = new LogicalType(TypeId.BOOLEAN, 0, 0);
    public static final LogicalType TINYINT = new LogicalType(TypeId.TINYINT, 0, 0);
    public static final LogicalType SMALLINT = new LogicalType(TypeId.SMALLINT, 0, 0);
    public static final LogicalType INTEGER = new LogicalType(TypeId.INTEGER, 0, 0);
    public static final LogicalType BIGINT = new LogicalType(TypeId.BIGINT, 0, 0);
    public static final LogicalType REAL = new LogicalType(TypeId.REAL, 0, 0);
    public static final LogicalType DOUBLE = new LogicalType(TypeId.DOUBLE, 0, 0);
    public static final LogicalType VARCHAR = new LogicalType(TypeId.VARCHAR, 0, 0);
    public static final LogicalType DATE = new LogicalType(TypeId.DATE, 0, 0);
    public static final LogicalType TIMESTAMP = new LogicalType(TypeId.TIMESTAMP, 0, 0);
    public static final LogicalType INTERVAL = new LogicalType(TypeId.INTERVAL, 0, 0);

    public static final int MAX_DECIMAL_PRECISION = 38;
    /** Decimals up to this precision are stored in a single long. */
    public static final int MAX_INT64_DECIMAL_PRECISION = 18;

    public LogicalType {
        if (id == TypeId.DECIMAL) {
            if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
                throw new dev.mallard.MallardException.Binder(
                        "DECIMAL precision must be between 1 and 38, got " + precision);
            }
            if (scale < 0 || scale > precision) {
                throw new dev.mallard.MallardException.Binder(
                        "DECIMAL scale must be between 0 and the precision " + precision + ", got " + scale);
            }
        } else if (precision != 0 || scale != 0) {
            throw new IllegalArgumentException(id + " takes no precision or scale");
        }
    }

    public static LogicalType decimal(int precision, int scale) {
        return new LogicalType(TypeId.DECIMAL, precision, scale);
    }

    public static LogicalType of(TypeId id) {
        return switch (id) {
            case NULL -> NULL;
            case BOOLEAN -> BOOLEAN;
            case TINYINT -> TINYINT;
            case SMALLINT -> SMALLINT;
            case INTEGER -> INTEGER;
            case BIGINT -> BIGINT;
            case REAL -> REAL;
            case DOUBLE -> DOUBLE;
            case DECIMAL -> decimal(18, 3);
            case VARCHAR -> VARCHAR;
            case DATE -> DATE;
            case TIMESTAMP -> TIMESTAMP;
            case INTERVAL -> INTERVAL;
        };
    }

    public PhysicalType physicalType() {
        return id == TypeId.DECIMAL ? physicalOf(id, precision) : PHYSICAL[id.ordinal()];
    }

    /** Physical type by {@link TypeId} ordinal (DECIMAL depends on the precision: see above). */
    private static final PhysicalType[] PHYSICAL = physicalTypes();

    private static PhysicalType[] physicalTypes() {
        PhysicalType[] all = new PhysicalType[TypeId.values().length];
        for (TypeId id : TypeId.values()) all[id.ordinal()] = id == TypeId.DECIMAL ? null : physicalOf(id, 0);
        return all;
    }

    private static PhysicalType physicalOf(TypeId id, int precision) {
        return switch (id) {
            case NULL -> PhysicalType.NONE;
            case BOOLEAN -> PhysicalType.BOOL;
            case TINYINT, SMALLINT, INTEGER, DATE -> PhysicalType.INT32;
            case BIGINT, TIMESTAMP -> PhysicalType.INT64;
            case DECIMAL -> precision <= MAX_INT64_DECIMAL_PRECISION ? PhysicalType.INT64 : PhysicalType.INT128;
            case REAL, DOUBLE -> PhysicalType.DOUBLE;
            case VARCHAR -> PhysicalType.STRING;
            case INTERVAL -> PhysicalType.OBJECT;
        };
    }

    /** TINYINT, SMALLINT, INTEGER, BIGINT. */
    public boolean isInteger() {
        return switch (id) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> true;
            default -> false;
        };
    }

    public boolean isNumeric() {
        return isInteger() || id == TypeId.DECIMAL || id == TypeId.REAL || id == TypeId.DOUBLE;
    }

    public boolean isDecimal() {
        return id == TypeId.DECIMAL;
    }

    public boolean isFloating() {
        return id == TypeId.REAL || id == TypeId.DOUBLE;
    }

    public boolean isTemporal() {
        return id == TypeId.DATE || id == TypeId.TIMESTAMP;
    }

    /** Decimal digits needed to hold every value of an integer type (DuckDB's rule for int → decimal). */
    public int integerDigits() {
        return switch (id) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            case DECIMAL -> precision - scale;
            default -> throw new IllegalStateException(id + " is not exact numeric");
        };
    }

    /** SQL spelling, as DESCRIBE and error messages show it. */
    @Override
    public String toString() {
        return switch (id) {
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            case REAL -> "FLOAT"; // DuckDB's spelling for 4-byte floats
            default -> id.name();
        };
    }
}
