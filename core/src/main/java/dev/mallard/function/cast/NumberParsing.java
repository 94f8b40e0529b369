package dev.mallard.function.cast;

import dev.mallard.function.DecimalMath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Text → numbers with DuckDB's leniency: surrounding whitespace, a leading {@code +}, digit group
 * underscores ({@code 1_000}), and for integer targets a fraction or exponent that is rounded half
 * away from zero ({@code '2.5'} → 3, {@code '1e3'} → 1000) and hexadecimal / binary prefixes
 * ({@code 0x1F}, {@code 0b101}). Plain digit strings — what files mostly hold — take a fast path
 * that allocates nothing. Failures throw {@link CastFailed#INVALID}.
 */
final class NumberParsing {
    private NumberParsing() {}

    /** An integer within [min, max]. */
    static long parseInteger(String s, long min, long max) {
        int start = 0, end = s.length();
        while (start < end && isSpace(s.charAt(start))) start++;
        while (end > start && isSpace(s.charAt(end - 1))) end--;
        if (start == end) throw CastFailed.INVALID;
        int i = start;
        boolean negative = false;
        char c = s.charAt(i);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        if (i == end) throw CastFailed.INVALID;
        // Accumulate negatively so Long.MIN_VALUE parses without overflow.
        long acc = 0;
        int digitsStart = i;
        for (; i < end; i++) {
            c = s.charAt(i);
            if (c < '0' || c > '9') break;
            int d = c - '0';
            if (acc < (Long.MIN_VALUE + d) / 10) throw CastFailed.INVALID;
            acc = acc * 10 - d;
        }
        if (i < end) return parseIntegerSlow(s.substring(start, end), min, max);
        if (i == digitsStart) throw CastFailed.INVALID;
        long v;
        if (negative) {
            v = acc;
        } else {
            if (acc == Long.MIN_VALUE) throw CastFailed.INVALID;
            v = -acc;
        }
        if (v < min || v > max) throw CastFailed.INVALID;
        return v;
    }

    private static long parseIntegerSlow(String s, long min, long max) {
        String t = s.replace("_", "");
        if (t.length() != s.length() && !underscoresBetweenDigits(s)) throw CastFailed.INVALID;
        boolean negative = t.startsWith("-");
        String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        BigInteger value;
        String lower = body.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("0x") && lower.length() > 2) {
                value = new BigInteger(lower.substring(2), 16);
            } else if (lower.startsWith("0b") && lower.length() > 2) {
                value = new BigInteger(lower.substring(2), 2);
            } else {
                if (!isPlainNumber(body)) throw CastFailed.INVALID;
                value = new BigDecimal(body).setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw CastFailed.INVALID;
        }
        if (negative) value = value.negate();
        if (value.bitLength() > 63) throw CastFailed.INVALID;
        long v = value.longValue();
        if (v < min || v > max) throw CastFailed.INVALID;
        return v;
    }

    /** Digits with at most one point and an optional exponent: what BigDecimal may parse (no sign). */
    private static boolean isPlainNumber(String s) {
        int i = 0, n = s.length();
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int expStart = i;
            while (i < n && Character.isDigit(s.charAt(i))) i++;
            if (i == expStart) return false;
        }
        return i == n;
    }

    private static boolean underscoresBetweenDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '_') continue;
            if (i == 0 || i == s.length() - 1) return false;
            if (!Character.isLetterOrDigit(s.charAt(i - 1)) || !Character.isLetterOrDigit(s.charAt(i + 1))) return false;
        }
        return true;
    }

    /** A double: decimal or scientific notation, {@code inf}, {@code infinity}, {@code nan} in any case. */
    static double parseDouble(String s) {
        String t = s.strip();
        if (t.isEmpty()) throw CastFailed.INVALID;
        char first = t.charAt(0);
        boolean signed = first == '-' || first == '+';
        String body = signed ? t.substring(1) : t;
        if (!body.isEmpty() && Character.isLetter(body.charAt(0))) {
            double special = switch (body.toLowerCase(Locale.ROOT)) {
                case "inf", "infinity" -> Double.POSITIVE_INFINITY;
                case "nan" -> Double.NaN;
                default -> throw CastFailed.INVALID;
            };
            return first == '-' ? -special : special;
        }
        if (body.indexOf('_') >= 0) {
            if (!underscoresBetweenDigits(body)) throw CastFailed.INVALID;
            body = body.replace("_", "");
        }
        if (!isPlainNumber(body)) throw CastFailed.INVALID;
        double v = Double.parseDouble(body);
        return first == '-' ? -v : v;
    }

    /**
     * A decimal as its unscaled value at {@code scale}, rounded half away from zero; fails when
     * |value| does not fit {@code precision} digits. Returns the unscaled value as a long when
     * {@code precision ≤ 18}; see {@link #parseDecimalWide} otherwise.
     */
    static long parseDecimal(String s, int precision, int scale) {
        int start = 0, end = s.length();
        while (start < end && isSpace(s.charAt(start))) start++;
        while (end > start && isSpace(s.charAt(end - 1))) end--;
        int i = start;
        boolean negative = false;
        if (i < end && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long unscaled = 0;
        boolean anyDigit = false;
        boolean seenPoint = false;
        int fraction = 0;
        boolean dropped = false;
        boolean roundUp = false;
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.' && !seenPoint) {
                seenPoint = true;
                continue;
            }
            if (c < '0' || c > '9') return parseDecimalSlow(s, precision, scale).longValue();
            anyDigit = true;
            if (seenPoint) {
                if (fraction == scale) {
                    // The first digit past the scale decides half-away-from-zero rounding.
                    if (!dropped) roundUp = c >= '5';
                    dropped = true;
                    continue;
                }
                fraction++;
            }
            if (unscaled > (Long.MAX_VALUE - 9) / 10) return parseDecimalSlow(s, precision, scale).longValue();
            unscaled = unscaled * 10 + (c - '0');
        }
        if (!anyDigit) throw CastFailed.INVALID;
        for (int k = fraction; k < scale; k++) {
            if (unscaled > Long.MAX_VALUE / 10) throw CastFailed.INVALID;
            unscaled *= 10;
        }
        if (roundUp) unscaled++;
        if (!DecimalMath.fits(unscaled, precision)) throw CastFailed.INVALID;
        return negative ? -unscaled : unscaled;
    }

    /** Any decimal text (exponents, underscores, wide values) as an unscaled BigInteger. */
    static BigInteger parseDecimalWide(String s, int precision, int scale) {
        return parseDecimalSlow(s, precision, scale);
    }

    private static BigInteger parseDecimalSlow(String s, int precision, int scale) {
        String t = s.strip();
        if (t.indexOf('_') >= 0) {
            if (!underscoresBetweenDigits(t)) throw CastFailed.INVALID;
            t = t.replace("_", "");
        }
        boolean signed = !t.isEmpty() && (t.charAt(0) == '-' || t.charAt(0) == '+');
        if (!isPlainNumber(signed ? t.substring(1) : t)) throw CastFailed.INVALID;
        BigInteger v;
        try {
            v = new BigDecimal(t).setScale(scale, RoundingMode.HALF_UP).unscaledValue();
        } catch (NumberFormatException | ArithmeticException e) {
            throw CastFailed.INVALID;
        }
        if (!DecimalMath.fits(v, precision)) throw CastFailed.INVALID;
        return v;
    }

    static boolean parseBoolean(String s) {
        String t = s.strip();
        return switch (t.length()) {
            case 1 -> switch (Character.toLowerCase(t.charAt(0))) {
                case 't', 'y', '1' -> true;
                case 'f', 'n', '0' -> false;
                default -> throw CastFailed.INVALID;
            };
            default -> {
                if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("yes")) yield true;
                if (t.equalsIgnoreCase("false") || t.equalsIgnoreCase("no")) yield false;
                throw CastFailed.INVALID;
            }
        };
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
