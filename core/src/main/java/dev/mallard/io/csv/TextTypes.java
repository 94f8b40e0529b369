package dev.mallard.io.csv;

import dev.mallard.function.ScalarKernel;
import dev.mallard.function.cast.CastFunctions;
import dev.mallard.types.DateTimes;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.nio.charset.StandardCharsets;

/**
 * Field bytes → values. Each parser returns its value and reports failure through
 * {@link #failed} rather than an exception: on dirty files (and while sniffing, where most
 * attempts fail) exceptions would dominate the cost. One instance per reader thread.
 *
 * <p>The fast parsers take the plain forms files mostly hold; {@link #castText} handles the
 * rest (hex integers, digit underscores, DECIMAL, INTERVAL...) with the rules of SQL CAST, so a
 * value reads the same from a file as {@code CAST('...' AS type)} would give.
 */
final class TextTypes {
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
        1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    boolean failed;

    private LogicalType castType;
    private ScalarKernel castKernel;
    private final Vector castIn = new Vector(LogicalType.VARCHAR, 1);
    private Vector castOut;

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t';
    }

    /** A whole number: optional spaces and sign, digits only. Overflow fails. */
    long parseLong(byte[] b, int s, int e) {
        while (s < e && isSpace(b[s])) s++;
        while (e > s && isSpace(b[e - 1])) e--;
        if (s == e) return fail();
        boolean neg = false;
        if (b[s] == '-' || b[s] == '+') {
            neg = b[s] == '-';
            s++;
            if (s == e) return fail();
        }
        if (e - s <= 18) {
            // Up to 18 digits cannot overflow: no range check per digit.
            long v = 0;
            for (int i = s; i < e; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) return fail();
                v = v * 10 + d;
            }
            failed = false;
            return neg ? -v : v;
        }
        if (e - s > 19) return fail();
        // Accumulated negatively so that Long.MIN_VALUE fits.
        long acc = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return fail();
            if (acc < (Long.MIN_VALUE + d) / 10) return fail();
            acc = acc * 10 - d;
        }
        if (!neg) {
            if (acc == Long.MIN_VALUE) return fail();
            acc = -acc;
        }
        failed = false;
        return acc;
    }

    private long fail() {
        failed = true;
        return 0;
    }

    /**
     * A decimal or scientific number with {@code point} as the decimal separator. Exact without
     * going through a String when the digits fit a double's mantissa and the power of ten is
     * exact (Clinger's fast path); otherwise the JDK's correctly rounded parser decides.
     */
    double parseDouble(byte[] b, int s, int e, byte point) {
        while (s < e && isSpace(b[s])) s++;
        while (e > s && isSpace(b[e - 1])) e--;
        if (s == e) return failD();
        int i = s;
        boolean neg = false;
        if (b[i] == '-' || b[i] == '+') {
            neg = b[i] == '-';
            i++;
        }
        long mant = 0;
        int digits = 0, significant = 0, scale = 0;
        boolean seenPoint = false;
        for (; i < e; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                digits++;
                if (significant > 0 || c != '0') {
                    significant++;
                    if (significant <= 18) mant = mant * 10 + (c - '0');
                    else if (!seenPoint) scale--; // digits past 18 only shift the magnitude (slow path below is exact)
                }
                if (seenPoint) scale++;
            } else if (c == point && !seenPoint) {
                seenPoint = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return special(b, s, e);
        }
        int exp = 0;
        if (i < e) {
            if (b[i] != 'e' && b[i] != 'E') return failD();
            i++;
            boolean eneg = false;
            if (i < e && (b[i] == '-' || b[i] == '+')) {
                eneg = b[i] == '-';
                i++;
            }
            int es = i;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                if (exp < 100_000) exp = exp * 10 + (b[i] - '0');
                i++;
            }
            if (i == es || i != e) return failD();
            if (eneg) exp = -exp;
        }
        failed = false;
        int p10 = exp - scale;
        if (significant <= 15 && p10 >= -22 && p10 <= 22) {
            double v = p10 >= 0 ? mant * POW10[p10] : mant / POW10[-p10];
            return neg ? -v : v;
        }
        String text = new String(b, s, e - s, StandardCharsets.ISO_8859_1);
        if (point != '.') text = text.replace((char) point, '.');
        return Double.parseDouble(text);
    }

    private double special(byte[] b, int s, int e) {
        String t = new String(b, s, e - s, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        boolean neg = t.startsWith("-");
        if (neg || t.startsWith("+")) t = t.substring(1);
        failed = false;
        switch (t) {
            case "inf", "infinity": return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            case "nan": return Double.NaN;
            default: return failD();
        }
    }

    private double failD() {
        failed = true;
        return 0;
    }

    /**
     * A decimal as its unscaled value at {@code scale} (precision up to 18), rounded half away
     * from zero like CAST; plain {@code [sign]digits[point digits]} only, the rest fails here and
     * goes to {@link #castText}.
     */
    long parseDecimal(byte[] b, int s, int e, int precision, int scale, byte point) {
        while (s < e && isSpace(b[s])) s++;
        while (e > s && isSpace(b[e - 1])) e--;
        int i = s;
        boolean neg = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        long unscaled = 0;
        int fraction = 0, digits = 0;
        boolean seenPoint = false, roundUp = false, dropped = false;
        for (; i < e; i++) {
            byte c = b[i];
            if (c == point && !seenPoint) {
                seenPoint = true;
                continue;
            }
            if (c < '0' || c > '9') return fail();
            digits++;
            if (seenPoint && fraction == scale) {
                if (!dropped) roundUp = c >= '5';
                dropped = true;
                continue;
            }
            if (seenPoint) fraction++;
            if (unscaled > (Long.MAX_VALUE - 9) / 10) return fail();
            unscaled = unscaled * 10 + (c - '0');
        }
        if (digits == 0) return fail();
        for (int k = fraction; k < scale; k++) {
            if (unscaled > Long.MAX_VALUE / 10) return fail();
            unscaled *= 10;
        }
        if (roundUp) unscaled++;
        if (!dev.mallard.function.DecimalMath.fits(unscaled, precision)) return fail();
        failed = false;
        return neg ? -unscaled : unscaled;
    }

    /** true/false/t/f in any case: what the sniffer calls BOOLEAN (0 and 1 stay numbers, as in DuckDB). */
    boolean parseBoolStrict(byte[] b, int s, int e) {
        while (s < e && isSpace(b[s])) s++;
        while (e > s && isSpace(b[e - 1])) e--;
        int n = e - s;
        failed = false;
        if (n == 1) {
            int c = b[s] | 0x20;
            if (c == 't') return true;
            if (c == 'f') return false;
        } else if (n == 4 && equalsIgnoreCase(b, s, "true")) {
            return true;
        } else if (n == 5 && equalsIgnoreCase(b, s, "false")) {
            return false;
        }
        failed = true;
        return false;
    }

    /** What a BOOLEAN column accepts once declared: also 1/0, y/n, yes/no, as CAST does. */
    boolean parseBool(byte[] b, int s, int e) {
        boolean v = parseBoolStrict(b, s, e);
        if (!failed) return v;
        while (s < e && isSpace(b[s])) s++;
        while (e > s && isSpace(b[e - 1])) e--;
        int n = e - s;
        failed = false;
        if (n == 1) {
            int c = b[s] | 0x20;
            if (c == '1' || c == 'y') return true;
            if (c == '0' || c == 'n') return false;
        } else if (n == 3 && equalsIgnoreCase(b, s, "yes")) {
            return true;
        } else if (n == 2 && equalsIgnoreCase(b, s, "no")) {
            return false;
        }
        failed = true;
        return false;
    }

    private static boolean equalsIgnoreCase(byte[] b, int s, String word) {
        for (int i = 0; i < word.length(); i++) if ((b[s + i] | 0x20) != word.charAt(i)) return false;
        return true;
    }

    /** An ISO date {@code Y-M-D} (one or two digit month and day), nothing else. */
    long isoDate(byte[] b, int s, int e) {
        while (s < e && isSpace(b[s])) s++;
        while (e > s && isSpace(b[e - 1])) e--;
        long days = isoDatePart(b, s, e);
        if (days == DateTimes.INVALID || pos != e) return DateTimes.INVALID;
        return days;
    }

    /** Where the last {@link #isoDatePart} stopped. */
    private int pos;

    private long isoDatePart(byte[] b, int s, int e) {
        if (e - s >= 10 && b[s + 4] == '-' && b[s + 7] == '-' && (e - s == 10 || b[s + 10] < '0' || b[s + 10] > '9')) {
            // YYYY-MM-DD, the form nearly every file uses: eight digits checked at once
            int y0 = b[s] - '0', y1 = b[s + 1] - '0', y2 = b[s + 2] - '0', y3 = b[s + 3] - '0';
            int m0 = b[s + 5] - '0', m1 = b[s + 6] - '0', d0 = b[s + 8] - '0', d1 = b[s + 9] - '0';
            // a digit d has both d and 9 - d non-negative: OR-ing them all is negative if one is not a digit
            int bad = y0 | 9 - y0 | y1 | 9 - y1 | y2 | 9 - y2 | y3 | 9 - y3 | m0 | 9 - m0 | m1 | 9 - m1 | d0 | 9 - d0 | d1 | 9 - d1;
            if (bad >= 0) {
                pos = s + 10;
                return days(((y0 * 10 + y1) * 10 + y2) * 10 + y3, m0 * 10 + m1, d0 * 10 + d1);
            }
        }
        int i = s;
        long year = 0;
        while (i < e && i - s < 7 && b[i] >= '0' && b[i] <= '9') year = year * 10 + (b[i++] - '0');
        if (i - s < 4 || i >= e || b[i] != '-') return DateTimes.INVALID;
        i++;
        int month = 0, ms = i;
        while (i < e && i - ms < 2 && b[i] >= '0' && b[i] <= '9') month = month * 10 + (b[i++] - '0');
        if (i == ms || i >= e || b[i] != '-') return DateTimes.INVALID;
        i++;
        int day = 0, ds = i;
        while (i < e && i - ds < 2 && b[i] >= '0' && b[i] <= '9') day = day * 10 + (b[i++] - '0');
        if (i == ds) return DateTimes.INVALID;
        pos = i;
        return days(year, month, day);
    }

    /** The month last converted: dates in files come in runs of the same month, and the civil-calendar math is not free. */
    private long cachedYear = Long.MIN_VALUE;
    private int cachedMonth, cachedMonthLength;
    private long cachedFirstDay;

    private long days(long year, int month, int day) {
        if (year != cachedYear || month != cachedMonth) {
            if (month < 1 || month > 12) return DateTimes.INVALID;
            cachedYear = year;
            cachedMonth = month;
            cachedMonthLength = DateTimes.daysInMonth(year, month);
            cachedFirstDay = DateTimes.daysFromCivil(year, month, 1);
        }
        if (day < 1 || day > cachedMonthLength) return DateTimes.INVALID;
        return cachedFirstDay + day - 1;
    }

    /**
     * An ISO timestamp {@code Y-M-D(T| )H:M[:S[.f]]} with an optional {@code Z} or UTC offset
     * (ignored, as DuckDB does for TIMESTAMP). {@code needTime}: whether a date alone is refused,
     * which the sniffer wants so that date columns stay DATE.
     */
    long isoTimestamp(byte[] b, int s, int e, boolean needTime) {
        while (s < e && isSpace(b[s])) s++;
        while (e > s && isSpace(b[e - 1])) e--;
        long days = isoDatePart(b, s, e);
        if (days == DateTimes.INVALID) return DateTimes.INVALID;
        int i = pos;
        if (i == e) return needTime ? DateTimes.INVALID : days * DateTimes.MICROS_PER_DAY;
        if (b[i] != 'T' && b[i] != ' ') return DateTimes.INVALID;
        i++;
        int h = 0, hs = i;
        while (i < e && i - hs < 2 && b[i] >= '0' && b[i] <= '9') h = h * 10 + (b[i++] - '0');
        if (i == hs || i >= e || b[i] != ':') return DateTimes.INVALID;
        i++;
        int m = 0, mst = i;
        while (i < e && i - mst < 2 && b[i] >= '0' && b[i] <= '9') m = m * 10 + (b[i++] - '0');
        if (i - mst != 2) return DateTimes.INVALID;
        int sec = 0;
        long frac = 0;
        if (i < e && b[i] == ':') {
            i++;
            int ss = i;
            while (i < e && i - ss < 2 && b[i] >= '0' && b[i] <= '9') sec = sec * 10 + (b[i++] - '0');
            if (i - ss != 2) return DateTimes.INVALID;
            if (i < e && b[i] == '.') {
                i++;
                long scale = 100_000;
                int fs = i;
                while (i < e && b[i] >= '0' && b[i] <= '9') {
                    frac += (b[i++] - '0') * scale;
                    scale /= 10;
                }
                if (i == fs) return DateTimes.INVALID;
            }
        }
        if (i < e) {
            // A zone marker: Z, or +HH[:MM] / -HH[MM].
            if (b[i] == 'Z' || b[i] == 'z') {
                i++;
            } else if (b[i] == '+' || b[i] == '-') {
                i++;
                int zs = i;
                while (i < e && (b[i] >= '0' && b[i] <= '9' || b[i] == ':') && i - zs < 5) i++;
                if (i - zs < 2) return DateTimes.INVALID;
            }
            if (i != e) return DateTimes.INVALID;
        }
        if (h > 24 || m > 59 || sec > 59 || h == 24 && (m != 0 || sec != 0 || frac != 0)) return DateTimes.INVALID;
        return days * DateTimes.MICROS_PER_DAY + h * DateTimes.MICROS_PER_HOUR + m * DateTimes.MICROS_PER_MINUTE
                + sec * DateTimes.MICROS_PER_SECOND + frac;
    }

    /**
     * SQL CAST from text, for forms the fast parsers leave out; the value in physical form
     * ({@link Vector#getObject}), or null when the text does not convert.
     */
    Object castText(String text, LogicalType to) {
        if (!to.equals(castType)) {
            castType = to;
            castKernel = CastFunctions.kernel(LogicalType.VARCHAR, to, true);
            castOut = new Vector(to, 1);
        }
        castIn.strings[0] = text;
        castOut.reset();
        castKernel.execute(new Vector[] {castIn}, null, 1, castOut);
        return castOut.isNull(0) ? null : castOut.getObject(0);
    }

    /** Whether {@code b[s..e)} is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
    static boolean validUtf8(byte[] b, int s, int e) {
        int i = s;
        while (i < e) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + n >= e) return false;
            int cp = c & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) return false;
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) return false;
            i += n + 1;
        }
        return true;
    }

    /** Field bytes as a String: Latin-1 decoding (a plain copy) when all ASCII, the common case. */
    static String string(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] < 0) return new String(b, s, e - s, StandardCharsets.UTF_8);
        }
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }
}
