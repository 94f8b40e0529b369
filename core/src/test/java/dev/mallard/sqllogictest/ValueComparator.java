package dev.mallard.sqllogictest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Judges whether an actual value's text matches the expected text, by DuckDB's rules: equal
 * text; a {@code <REGEX>:} / {@code <!REGEX>:} pattern matching the whole text; for numeric
 * columns both texts cast to the column's type and compared (floating point within 1 %); for
 * boolean columns {@code true}/{@code 1} and {@code false}/{@code 0} alike.
 */
public final class ValueComparator {

    private ValueComparator() {}

    public static boolean matches(String actual, String expected, ColumnKind kind, int scale) {
        if (actual.equals(expected)) {
            return true;
        }
        if (expected.startsWith("<REGEX>:") || expected.startsWith("<!REGEX>:")) {
            return regexMatches(actual, expected);
        }
        if (actual.equals("NULL") || expected.equals("NULL")) {
            return false;
        }
        return switch (kind) {
            case DOUBLE -> {
                Double a = parseDouble(actual);
                Double e = parseDouble(expected);
                yield a != null && e != null && approxEqual(a, e);
            }
            case FLOAT -> {
                Double a = parseDouble(actual);
                Double e = parseDouble(expected);
                yield a != null && e != null && approxEqual((float) (double) a, (float) (double) e);
            }
            case INTEGER -> {
                BigDecimal a = parseDecimal(actual);
                BigDecimal e = parseDecimal(expected);
                yield a != null && e != null
                        && a.setScale(0, RoundingMode.HALF_UP).compareTo(e.setScale(0, RoundingMode.HALF_UP)) == 0;
            }
            case DECIMAL -> {
                BigDecimal a = parseDecimal(actual);
                BigDecimal e = parseDecimal(expected);
                if (a == null || e == null) {
                    yield false;
                }
                if (scale >= 0) {
                    a = a.setScale(scale, RoundingMode.HALF_UP);
                    e = e.setScale(scale, RoundingMode.HALF_UP);
                }
                yield a.compareTo(e) == 0;
            }
            case BOOLEAN -> {
                Integer a = parseBoolean(actual);
                Integer e = parseBoolean(expected);
                yield a != null && a.equals(e);
            }
            case OTHER -> false;
        };
    }

    /**
     * DuckDB's {@code <REGEX>:pattern} (must match the whole text, {@code .} matching newlines
     * too) and {@code <!REGEX>:pattern} (must not match).
     */
    public static boolean regexMatches(String actual, String expected) {
        boolean wantMatch = expected.startsWith("<REGEX>:");
        String regex = expected.substring(wantMatch ? "<REGEX>:".length() : "<!REGEX>:".length());
        boolean found;
        try {
            found = Pattern.compile(regex, Pattern.DOTALL).matcher(actual).matches();
        } catch (java.util.regex.PatternSyntaxException e) {
            return false;
        }
        return found == wantMatch;
    }

    /**
     * For error messages: {@code <REGEX>:pattern} must occur somewhere in the message (not match
     * all of it), {@code <!REGEX>:pattern} nowhere. Drivers wrap the engine's message in context
     * (DuckDB's JDBC 1.5 prefixes a line), so a whole-text match would judge the driver.
     */
    public static boolean regexFound(String message, String expected) {
        boolean wantMatch = expected.startsWith("<REGEX>:");
        String regex = expected.substring(wantMatch ? "<REGEX>:".length() : "<!REGEX>:".length());
        boolean found;
        try {
            found = Pattern.compile(regex, Pattern.DOTALL).matcher(message).find();
        } catch (java.util.regex.PatternSyntaxException e) {
            return false;
        }
        return found == wantMatch;
    }

    /** DuckDB's approximate equality for floating point: within 1 % of the expected value. */
    static boolean approxEqual(double actual, double expected) {
        if (Double.isNaN(actual) && Double.isNaN(expected)) {
            return true;
        }
        if (Double.isInfinite(actual) || Double.isInfinite(expected) || Double.isNaN(actual) || Double.isNaN(expected)) {
            return actual == expected;
        }
        double epsilon = Math.abs(expected) * 0.01 + 0.00000001;
        return Math.abs(actual - expected) <= epsilon;
    }

    static Double parseDouble(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "nan", "+nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    if (t.isEmpty() || !(Character.isDigit(t.charAt(t.length() - 1)) || t.endsWith("."))) {
                        return null; // Java would accept "1d" or "1f"; SQL does not
                    }
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
    }

    static BigDecimal parseDecimal(String text) {
        try {
            String t = text.trim();
            if (t.startsWith("+")) {
                t = t.substring(1);
            }
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer parseBoolean(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("1")) {
            return 1;
        }
        if (t.equals("false") || t.equals("0")) {
            return 0;
        }
        return null;
    }
}
