package dev.mallard.function.cast;

import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;

/**
 * Which conversions happen without a CAST, what they cost, and which type two types meet in.
 *
 * <p>Implicit casts (DuckDB's set): integer widening; integers to DECIMAL, REAL and DOUBLE;
 * DECIMAL widening and to REAL/DOUBLE; REAL to DOUBLE; DATE to TIMESTAMP; NULL to anything. Nothing
 * converts implicitly from or to VARCHAR, BOOLEAN or INTERVAL (string literals are the binder's
 * business). Costs make the nearest target the cheapest: one integer step costs 1, integer → DECIMAL
 * 10, → DOUBLE 11, → REAL 12, so {@code INTEGER + DECIMAL} resolves to the DECIMAL overload,
 * {@code INTEGER + BIGINT} to BIGINT and {@code 7 / 2} (only REAL and DOUBLE overloads) to DOUBLE, as
 * in DuckDB, which prefers DOUBLE over FLOAT. {@code INTEGER + REAL} ties between (REAL, REAL) at 12
 * and (DOUBLE, DOUBLE) at 11 + 1; REAL overloads are declared first and win the tie, giving REAL. NULL prefers BIGINT, then INTEGER, so {@code NULL + NULL} is
 * BIGINT and {@code NULL + 1} is INTEGER, as in DuckDB.
 */
final class CastRules {
    private CastRules() {}

    static int implicitCastCost(LogicalType from, LogicalType to) {
        if (from.equals(to)) return 0;
        TypeId f = from.id(), t = to.id();
        if (f == TypeId.NULL) return nullCost(t);
        if (from.isInteger()) {
            if (to.isInteger()) return rank(t) > rank(f) ? rank(t) - rank(f) : -1;
            return switch (t) {
                case DECIMAL -> to.precision() - to.scale() >= from.integerDigits() ? 10 : -1;
                case DOUBLE -> 11;
                case REAL -> 12;
                default -> -1;
            };
        }
        if (f == TypeId.DECIMAL) {
            return switch (t) {
                case DECIMAL -> to.scale() >= from.scale() && to.precision() - to.scale() >= from.precision() - from.scale() ? 1 : -1;
                case DOUBLE -> 11;
                case REAL -> 12;
                default -> -1;
            };
        }
        if (f == TypeId.REAL && t == TypeId.DOUBLE) return 1;
        if (f == TypeId.DATE && t == TypeId.TIMESTAMP) return 1;
        return -1;
    }

    private static int nullCost(TypeId to) {
        return switch (to) {
            case BIGINT -> 1;
            case INTEGER -> 2;
            case DOUBLE -> 3;
            case VARCHAR -> 4;
            default -> 5;
        };
    }

    /** Integer widths in order. */
    private static int rank(TypeId t) {
        return switch (t) {
            case TINYINT -> 1;
            case SMALLINT -> 2;
            case INTEGER -> 3;
            case BIGINT -> 4;
            default -> throw new IllegalArgumentException(t + " is not an integer type");
        };
    }

    /**
     * The type two types meet in for UNION, CASE, COALESCE, IN and comparisons, or null:
     * NULL ⊔ x = x; integers widen; integer or DECIMAL ⊔ DECIMAL = DECIMAL(max integer digits + max
     * scale), losing scale first beyond 38 digits; exact ⊔ REAL = REAL; anything numeric ⊔ DOUBLE =
     * DOUBLE; BOOLEAN ⊔ numeric = the numeric type; DATE ⊔ TIMESTAMP = TIMESTAMP. VARCHAR meets
     * nothing else (see {@link CastFunctions#comparisonType} for comparisons).
     */
    static LogicalType commonSuperType(LogicalType a, LogicalType b) {
        if (a.equals(b)) return a;
        if (a.id() == TypeId.NULL) return b;
        if (b.id() == TypeId.NULL) return a;
        if (a.id() == TypeId.BOOLEAN && b.isNumeric()) return b;
        if (b.id() == TypeId.BOOLEAN && a.isNumeric()) return a;
        if (a.isNumeric() && b.isNumeric()) return numericSuperType(a, b);
        if (a.isTemporal() && b.isTemporal()) return LogicalType.TIMESTAMP;
        return null;
    }

    private static LogicalType numericSuperType(LogicalType a, LogicalType b) {
        if (a.id() == TypeId.DOUBLE || b.id() == TypeId.DOUBLE) return LogicalType.DOUBLE;
        if (a.id() == TypeId.REAL || b.id() == TypeId.REAL) return LogicalType.REAL;
        if (a.isInteger() && b.isInteger()) return rank(a.id()) >= rank(b.id()) ? a : b;
        int scale = Math.max(scaleOf(a), scaleOf(b));
        int digits = Math.max(a.integerDigits(), b.integerDigits());
        if (digits + scale > LogicalType.MAX_DECIMAL_PRECISION) {
            scale = Math.max(0, LogicalType.MAX_DECIMAL_PRECISION - digits);
            digits = Math.min(digits, LogicalType.MAX_DECIMAL_PRECISION);
        }
        return LogicalType.decimal(digits + scale, scale);
    }

    private static int scaleOf(LogicalType t) {
        return t.isDecimal() ? t.scale() : 0;
    }

    /** Like {@link #commonSuperType}, and VARCHAR compared with another type converts to that type (DuckDB). */
    static LogicalType comparisonType(LogicalType a, LogicalType b) {
        LogicalType t = commonSuperType(a, b);
        if (t != null) return t;
        if (a.id() == TypeId.VARCHAR) return b;
        if (b.id() == TypeId.VARCHAR) return a;
        return null;
    }
}
