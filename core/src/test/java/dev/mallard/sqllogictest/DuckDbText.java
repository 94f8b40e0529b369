package dev.mallard.sqllogictest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Renders JDBC values as DuckDB prints them when it casts them to VARCHAR, which is the text
 * DuckDB's test files expect: shortest round-trip doubles ({@code 1.0}, {@code 1e+20},
 * {@code nan}), decimals with their column's scale, dates with {@code (BC)}, blobs with
 * {@code \xNN} escapes.
 */
public final class DuckDbText {

    private DuckDbText() {}

    /** The text of one non-null value of a column with the given metadata. */
    public static String render(Object value, ResultTable.Column column, boolean booleansAsDigits) {
        String text = switch (value) {
            case Boolean b -> booleansAsDigits ? (b ? "1" : "0") : (b ? "true" : "false");
            case Double d -> formatDouble(d);
            case Float f -> formatFloat(f);
            case BigDecimal d -> formatDecimal(d, column);
            case Number n -> n.toString();
            case LocalDate d -> formatDate(d);
            case LocalDateTime t -> formatTimestamp(t);
            case LocalTime t -> formatTime(t);
            case OffsetDateTime t -> formatTimestamp(t.toLocalDateTime()) + formatOffset(t.getOffset());
            case OffsetTime t -> formatTime(t.toLocalTime()) + formatOffset(t.getOffset());
            case byte[] bytes -> formatBlob(bytes);
            case String s -> s.replace("\0", "\\0");
            default -> value.toString();
        };
        return text.isEmpty() ? "(empty)" : text;
    }

    /** A double the way DuckDB prints it: shortest digits, Python-style exponent rules. */
    public static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return formatShortest(Double.toString(d), d == 0 && 1 / d < 0);
    }

    /** A float (REAL) the way DuckDB prints it: the float's own shortest digits. */
    public static String formatFloat(float f) {
        if (Float.isNaN(f)) {
            return "nan";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "inf" : "-inf";
        }
        return formatShortest(Float.toString(f), f == 0 && 1 / f < 0);
    }

    /**
     * Reformats Java's shortest round-trip text ({@link Double#toString} gives the shortest
     * digits since JDK 19) into the layout DuckDB uses: positional notation for decimal
     * exponents -4..15 with at least one digit after the point, otherwise {@code d.ddde+XX}.
     */
    private static String formatShortest(String javaText, boolean negativeZero) {
        BigDecimal value = new BigDecimal(javaText);
        if (value.signum() == 0) {
            return negativeZero ? "-0.0" : "0.0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - stripped.scale();
        String sign = stripped.signum() < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = stripped.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }

    private static String formatDecimal(BigDecimal d, ResultTable.Column column) {
        String type = column.typeName().toUpperCase(Locale.ROOT);
        boolean decimalColumn = type.startsWith("DECIMAL") || type.startsWith("NUMERIC");
        if (decimalColumn && column.scale() >= 0 && d.scale() != column.scale()) {
            d = d.setScale(column.scale(), RoundingMode.HALF_UP);
        }
        return d.toPlainString();
    }

    // DuckDB's infinite dates and timestamps arrive through JDBC as these extreme values.
    private static final LocalDate DATE_INFINITY = LocalDate.of(5881580, 7, 11);
    private static final LocalDate DATE_MINUS_INFINITY = LocalDate.of(-5877641, 6, 24);
    private static final LocalDateTime TIMESTAMP_INFINITY = LocalDateTime.of(294247, 1, 10, 4, 0, 54, 775_807_000);
    private static final LocalDateTime TIMESTAMP_MINUS_INFINITY = LocalDateTime.of(-290308, 12, 21, 19, 59, 5, 224_193_000);

    public static String formatDate(LocalDate d) {
        if (d.equals(DATE_INFINITY)) {
            return "infinity";
        }
        if (d.equals(DATE_MINUS_INFINITY)) {
            return "-infinity";
        }
        int year = d.getYear();
        // ISO year 0 is 1 BC.
        String y = String.format(Locale.ROOT, "%04d", year > 0 ? year : 1 - year);
        String text = y + String.format(Locale.ROOT, "-%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
        return year > 0 ? text : text + " (BC)";
    }

    public static String formatTimestamp(LocalDateTime t) {
        if (t.equals(TIMESTAMP_INFINITY)) {
            return "infinity";
        }
        if (t.equals(TIMESTAMP_MINUS_INFINITY)) {
            return "-infinity";
        }
        return formatDate(t.toLocalDate()) + " " + formatTime(t.toLocalTime());
    }

    /** {@code HH:MM:SS} plus the fraction of a second without trailing zeros. */
    public static String formatTime(LocalTime t) {
        String text = String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        int nanos = t.getNano();
        if (nanos == 0) {
            return text;
        }
        String fraction = String.format(Locale.ROOT, "%09d", nanos).replaceAll("0+$", "");
        return text + "." + fraction;
    }

    /** {@code +00}, {@code -08} or {@code +05:30}. */
    public static String formatOffset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        String sign = total < 0 ? "-" : "+";
        total = Math.abs(total);
        String text = sign + String.format(Locale.ROOT, "%02d", total / 3600);
        int minutes = (total % 3600) / 60;
        int seconds = total % 60;
        if (minutes != 0 || seconds != 0) {
            text += String.format(Locale.ROOT, ":%02d", minutes);
        }
        if (seconds != 0) {
            text += String.format(Locale.ROOT, ":%02d", seconds);
        }
        return text;
    }

    /** Printable ASCII as is, everything else (and quotes and backslash) as {@code \xNN}. */
    public static String formatBlob(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int v = b & 0xff;
            if (v >= 32 && v <= 126 && v != '"' && v != '\'' && v != '\\') {
                sb.append((char) v);
            } else {
                sb.append(String.format(Locale.ROOT, "\\x%02X", v));
            }
        }
        return sb.toString();
    }
}
