package dev.mallard.sqllogictest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders JDBC values the way SQLite's sqllogictest driver does, by the column's letter in the
 * query's type string: {@code I} as a 64-bit integer (reals truncate toward zero, text reads its
 * numeric prefix), {@code R} as {@code %.3f} (SQLite's printf rounds half away from zero on the
 * exact binary value), {@code T} as text with the empty string as {@code (empty)} and every
 * character outside printable ASCII as {@code @}.
 */
public final class SqliteText {

    private SqliteText() {}

    private static final Pattern NUMERIC_PREFIX =
            Pattern.compile("^\\s*([+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?)");

    /** The text of one non-null value in a column typed {@code typeLetter}. */
    public static String render(Object value, char typeLetter) {
        return switch (typeLetter) {
            case 'I' -> asInteger(value);
            case 'R' -> asReal(value);
            default -> asText(value);
        };
    }

    static String asInteger(Object value) {
        return switch (value) {
            case Boolean b -> b ? "1" : "0";
            case BigDecimal d -> clampToLong(d.setScale(0, RoundingMode.DOWN).toBigInteger());
            case BigInteger i -> clampToLong(i);
            case Double d -> Long.toString(truncate(d));
            case Float f -> Long.toString(truncate(f));
            case Number n -> Long.toString(n.longValue());
            case String s -> {
                BigDecimal prefix = numericPrefix(s);
                yield clampToLong(prefix.setScale(0, RoundingMode.DOWN).toBigInteger());
            }
            default -> asInteger(value.toString());
        };
    }

    static String asReal(Object value) {
        BigDecimal exact = switch (value) {
            case Boolean b -> b ? BigDecimal.ONE : BigDecimal.ZERO;
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Double d -> finiteOrNull(d);
            case Float f -> finiteOrNull(f.doubleValue());
            case Number n -> BigDecimal.valueOf(n.longValue());
            case String s -> numericPrefix(s);
            default -> numericPrefix(value.toString());
        };
        if (exact == null) {
            double d = ((Number) value).doubleValue();
            return Double.isNaN(d) ? "NaN" : (d > 0 ? "Inf" : "-Inf");
        }
        String text = exact.setScale(3, RoundingMode.HALF_UP).toPlainString();
        // SQLite prints the sign of a negative value that rounds to zero ("-0.000").
        if (exact.signum() < 0 && !text.startsWith("-")) {
            text = "-" + text;
        }
        return text;
    }

    static String asText(Object value) {
        String text = switch (value) {
            case Boolean b -> b ? "1" : "0";
            case Double d -> realText(d);
            case Float f -> realText(f.doubleValue());
            case BigDecimal d -> d.toPlainString();
            default -> value.toString();
        };
        if (text.isEmpty()) {
            return "(empty)";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c < ' ' || c > '~' ? '@' : c);
        }
        return sb.toString();
    }

    /** SQLite's text of a REAL: 15 significant digits, always with a decimal point or exponent. */
    private static String realText(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.isNaN(d) ? "NaN" : (d > 0 ? "Inf" : "-Inf");
        }
        if (d == 0) {
            return "0.0";
        }
        BigDecimal rounded = new BigDecimal(d).round(new java.math.MathContext(15, RoundingMode.HALF_UP)).stripTrailingZeros();
        int exponent = rounded.precision() - 1 - rounded.scale();
        if (exponent < -4 || exponent >= 15) {
            String digits = rounded.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits + ".0" : digits.charAt(0) + "." + digits.substring(1);
            return (rounded.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format("%02d", Math.abs(exponent));
        }
        String plain = rounded.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static long truncate(double d) {
        if (Double.isNaN(d)) {
            return 0;
        }
        return (long) d; // Java's cast truncates toward zero and saturates, as SQLite does
    }

    private static BigDecimal finiteOrNull(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? null : new BigDecimal(d);
    }

    private static String clampToLong(BigInteger i) {
        if (i.bitLength() > 63) {
            return i.signum() < 0 ? Long.toString(Long.MIN_VALUE) : Long.toString(Long.MAX_VALUE);
        }
        return i.toString();
    }

    /** The number at the start of a text, as SQLite's numeric conversion reads it (0 if none). */
    private static BigDecimal numericPrefix(String s) {
        Matcher m = NUMERIC_PREFIX.matcher(s);
        if (!m.find()) {
            return BigDecimal.ZERO;
        }
        String number = m.group(1);
        if (number.startsWith("+")) {
            number = number.substring(1);
        }
        if (number.endsWith(".")) {
            number = number.substring(0, number.length() - 1);
        }
        return new BigDecimal(number);
    }
}
