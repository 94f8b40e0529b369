package dev.mallard.io.json;

import dev.mallard.MallardException;
import dev.mallard.types.DateTimes;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Converts parsed JSON values into a column's type. JSON says little about types, so the rules
 * are lenient where the meaning is plain (a number in a VARCHAR column is its text, "42" in a
 * BIGINT column is 42) and refuse only what has no sensible reading ("abc" as a DATE).
 */
final class JsonValues {
    private JsonValues() {}

    /** A value as JSON text: what a VARCHAR column holds for nested values, and rejected rows show. */
    static String toJson(Object v) {
        if (v == null) return "null";
        if (v instanceof String s) {
            StringBuilder sb = new StringBuilder(s.length() + 2);
            JsonText.appendQuoted(sb, s);
            return sb.toString();
        }
        return v.toString();
    }

    /**
     * Writes {@code v} at {@code row} of {@code out} (whose type is the column's); false, with
     * nothing written, when the value does not fit that type.
     */
    static boolean write(Vector out, int row, Object v, JsonTimeFormat dateFormat, JsonTimeFormat timestampFormat) {
        if (v == null) {
            out.setNull(row);
            return true;
        }
        LogicalType t = out.type();
        switch (t.id()) {
            case VARCHAR -> {
                out.setNull(row, false);
                out.strings[row] = v instanceof String s ? s : v.toString();
                return true;
            }
            case BIGINT -> {
                if (v instanceof Long l) {
                    out.setNull(row, false);
                    out.longs[row] = l;
                    return true;
                }
                return writeInteger(out, row, v, Long.MIN_VALUE, Long.MAX_VALUE);
            }
            case INTEGER -> {
                return writeInteger(out, row, v, Integer.MIN_VALUE, Integer.MAX_VALUE);
            }
            case SMALLINT -> {
                return writeInteger(out, row, v, Short.MIN_VALUE, Short.MAX_VALUE);
            }
            case TINYINT -> {
                return writeInteger(out, row, v, Byte.MIN_VALUE, Byte.MAX_VALUE);
            }
            case DOUBLE, REAL -> {
                double d;
                if (v instanceof Long l) d = l;
                else if (v instanceof JsonNumber n) d = n.value();
                else if (v instanceof String s) {
                    Double parsed = parseDouble(s);
                    if (parsed == null) return false;
                    d = parsed;
                } else return false;
                if (t.id() == dev.mallard.types.TypeId.REAL) {
                    if (Float.isInfinite((float) d) && !Double.isInfinite(d)) return false;
                    d = (float) d;
                }
                out.setNull(row, false);
                out.doubles[row] = d;
                return true;
            }
            case DECIMAL -> {
                BigDecimal b = decimal(v);
                if (b == null) return false;
                BigInteger unscaled = b.setScale(t.scale(), RoundingMode.HALF_UP).unscaledValue();
                if (unscaled.abs().compareTo(BigInteger.TEN.pow(t.precision())) >= 0) return false;
                out.setObject(row, t.precision() <= LogicalType.MAX_INT64_DECIMAL_PRECISION ? (Object) unscaled.longValue() : unscaled);
                return true;
            }
            case BOOLEAN -> {
                Boolean b = bool(v);
                if (b == null) return false;
                out.setNull(row, false);
                out.bools[row] = b;
                return true;
            }
            case DATE -> {
                if (!(v instanceof String s)) return false;
                long d = dateFormat != null ? dateFormat.parseDate(s) : DateTimes.tryParseDate(s);
                if (d == DateTimes.INVALID) return false;
                out.setNull(row, false);
                out.ints[row] = (int) d;
                return true;
            }
            case TIMESTAMP -> {
                if (!(v instanceof String s)) return false;
                long ts = timestampFormat != null ? timestampFormat.parseTimestamp(s) : DateTimes.tryParseTimestamp(s);
                if (ts == DateTimes.INVALID) return false;
                out.setNull(row, false);
                out.longs[row] = ts;
                return true;
            }
            case INTERVAL -> {
                if (!(v instanceof String s)) return false;
                try {
                    out.setObject(row, DateTimes.parseInterval(s));
                    return true;
                } catch (MallardException e) {
                    return false;
                }
            }
            default -> {
                return false;
            }
        }
    }

    /** Integers, integral numbers in any notation (1e3), and strings holding one; fractions round half away from zero. */
    private static boolean writeInteger(Vector out, int row, Object v, long min, long max) {
        long x;
        if (v instanceof Long l) {
            x = l;
        } else if (v instanceof JsonNumber || v instanceof String) {
            BigDecimal b = decimal(v);
            if (b == null) return false;
            BigDecimal r = b.setScale(0, RoundingMode.HALF_UP);
            if (r.compareTo(BigDecimal.valueOf(min)) < 0 || r.compareTo(BigDecimal.valueOf(max)) > 0) return false;
            x = r.longValueExact();
        } else if (v instanceof Boolean b) {
            x = b ? 1 : 0;
        } else {
            return false;
        }
        if (x < min || x > max) return false;
        out.setObject(row, out.physicalType() == dev.mallard.types.PhysicalType.INT32 ? (Object) (int) x : (Object) x);
        return true;
    }

    private static BigDecimal decimal(Object v) {
        try {
            if (v instanceof Long l) return BigDecimal.valueOf(l);
            if (v instanceof JsonNumber n) return new BigDecimal(n.text());
            if (v instanceof String s) return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static Double parseDouble(String s) {
        String x = s.trim().toLowerCase(Locale.ROOT);
        switch (x) {
            case "nan" -> { return Double.NaN; }
            case "inf", "infinity", "+inf", "+infinity" -> { return Double.POSITIVE_INFINITY; }
            case "-inf", "-infinity" -> { return Double.NEGATIVE_INFINITY; }
            default -> { }
        }
        // Java also reads "1d", "0x1p3" and "Infinity"-like spellings; only plain decimal notation is meant here.
        if (x.isEmpty() || !x.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) return null;
        return Double.parseDouble(x);
    }

    private static Boolean bool(Object v) {
        if (v instanceof Boolean b) return b;
        if (v instanceof Long l) return l != 0;
        if (v instanceof String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "t", "yes", "y", "1" -> Boolean.TRUE;
                case "false", "f", "no", "n", "0" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }
}
