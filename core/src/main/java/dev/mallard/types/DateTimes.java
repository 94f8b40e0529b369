package dev.mallard.types;

import dev.mallard.MallardException;

/**
 * Calendar arithmetic and text for DATE (days since 1970-01-01) and TIMESTAMP (microseconds since
 * 1970-01-01 00:00:00, no zone), in the proleptic Gregorian calendar with year 0 = 1 BC, as DuckDB
 * and PostgreSQL count. Everything here works on primitives and allocates nothing, so kernels can
 * call it per row; {@code java.time} would allocate an object per value.
 *
 * <p>Text follows DuckDB: {@code 1995-03-15}, {@code 0044-03-15 (BC)},
 * {@code 1995-03-15 10:00:00[.ffffff]} with the fraction only when non-zero and trailing zeros
 * dropped; {@code infinity} and {@code -infinity} are accepted and printed.
 */
public final class DateTimes {
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    public static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

    /** DATE 'infinity' and '-infinity' (DuckDB's encoding). */
    public static final int DATE_INFINITY = Integer.MAX_VALUE;
    public static final int DATE_NEGATIVE_INFINITY = -Integer.MAX_VALUE;
    /** TIMESTAMP 'infinity' and '-infinity'. */
    public static final long TIMESTAMP_INFINITY = Long.MAX_VALUE;
    public static final long TIMESTAMP_NEGATIVE_INFINITY = -Long.MAX_VALUE;

    /** Returned by the {@code try} parsers when the text is not a valid value. */
    public static final long INVALID = Long.MIN_VALUE;

    /** DuckDB's DATE range: 5877642-06-25 (BC) to 5881580-07-10, the finite values of an int day number. */
    private static final long MIN_DATE_DAYS = daysFromCivil(-5_877_641, 6, 25);
    private static final long MAX_DATE_DAYS = daysFromCivil(5_881_580, 7, 10);

    private static final int[] DAYS_BEFORE_MONTH = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    private DateTimes() {}

    // ---- civil calendar ------------------------------------------------------------------------

    public static boolean isLeapYear(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    public static int daysInMonth(long year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (day may be out of the month: it just counts on). */
    public static long daysFromCivil(long year, int month, int day) {
        // Shift the year to start in March so the leap day is the last day of the year.
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        int mp = (month + 9) % 12;
        long doy = (153L * mp + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /**
     * The civil date of a day number, packed as {@code year << 9 | month << 5 | day}; unpack with
     * {@link #yearOf}, {@link #monthOf}, {@link #dayOf}. Packing keeps the per-row path allocation-free.
     */
    public static long civilFromDays(long days) {
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return year << 9 | (long) month << 5 | day;
    }

    public static long yearOf(long civil) {
        return civil >> 9;
    }

    public static int monthOf(long civil) {
        return (int) (civil >> 5) & 15;
    }

    public static int dayOf(long civil) {
        return (int) civil & 31;
    }

    /** Year of a day number. */
    public static long year(long days) {
        return yearOf(civilFromDays(days));
    }

    /** Day of the week with Sunday = 0 .. Saturday = 6 (DuckDB's dayofweek / dow). */
    public static int dayOfWeek(long days) {
        // 1970-01-01 was a Thursday (4).
        return (int) Math.floorMod(days + 4, 7L);
    }

    /** ISO day of the week, Monday = 1 .. Sunday = 7. */
    public static int isoDayOfWeek(long days) {
        int d = dayOfWeek(days);
        return d == 0 ? 7 : d;
    }

    /** 1-based day of the year. */
    public static int dayOfYear(long days) {
        long c = civilFromDays(days);
        int month = monthOf(c);
        long year = yearOf(c);
        return DAYS_BEFORE_MONTH[month] + (month > 2 && isLeapYear(year) ? 1 : 0) + dayOf(c);
    }

    /** Day number of the Monday of ISO week 1 of an ISO year. */
    private static long isoWeekOneMonday(long isoYear) {
        long jan4 = daysFromCivil(isoYear, 1, 4);
        return jan4 - (isoDayOfWeek(jan4) - 1);
    }

    /** ISO-8601 year (the year that owns the ISO week the day falls in). */
    public static long isoYear(long days) {
        long year = year(days);
        if (days >= isoWeekOneMonday(year + 1)) return year + 1;
        if (days < isoWeekOneMonday(year)) return year - 1;
        return year;
    }

    /** ISO-8601 week number 1..53. */
    public static int isoWeek(long days) {
        long y = isoYear(days);
        return (int) ((days - isoWeekOneMonday(y)) / 7) + 1;
    }

    /**
     * Adds months to a date, clamping the day to the end of the target month
     * (Jan 31 + 1 month = Feb 28 or 29), as PostgreSQL and DuckDB do.
     */
    public static long addMonths(long days, long months) {
        if (months == 0) return days;
        long c = civilFromDays(days);
        long total = yearOf(c) * 12 + (monthOf(c) - 1) + months;
        long year = Math.floorDiv(total, 12);
        int month = Math.floorMod(total, 12) + 1;
        int day = Math.min(dayOf(c), daysInMonth(year, month));
        return daysFromCivil(year, month, day);
    }

    /** True for day numbers inside DuckDB's finite DATE range. */
    public static boolean isValidDate(long days) {
        return days >= MIN_DATE_DAYS && days <= MAX_DATE_DAYS;
    }

    /** Days of a timestamp (floor: times before 1970 belong to the earlier day). */
    public static long daysOf(long micros) {
        return Math.floorDiv(micros, MICROS_PER_DAY);
    }

    /** Microseconds since midnight of a timestamp. */
    public static long timeOfDay(long micros) {
        return Math.floorMod(micros, MICROS_PER_DAY);
    }

    /** Timestamp of midnight at the start of a date; an error when it does not fit. */
    public static long dateToTimestamp(long days) {
        if (days == DATE_INFINITY) return TIMESTAMP_INFINITY;
        if (days == DATE_NEGATIVE_INFINITY) return TIMESTAMP_NEGATIVE_INFINITY;
        try {
            long t = Math.multiplyExact(days, MICROS_PER_DAY);
            if (t == TIMESTAMP_INFINITY || t <= TIMESTAMP_NEGATIVE_INFINITY) throw new ArithmeticException();
            return t;
        } catch (ArithmeticException e) {
            throw MallardException.Data.conversion("Date " + formatDate(days) + " is not in timestamp range");
        }
    }

    /** The date a timestamp falls on. */
    public static int timestampToDate(long micros) {
        if (micros == TIMESTAMP_INFINITY) return DATE_INFINITY;
        if (micros == TIMESTAMP_NEGATIVE_INFINITY) return DATE_NEGATIVE_INFINITY;
        return (int) daysOf(micros);
    }

    /** Timestamp from its parts; seconds may carry a fraction in micros. */
    public static long timestampOf(long days, long hour, long minute, long micros) {
        return Math.addExact(Math.multiplyExact(days, MICROS_PER_DAY),
                hour * MICROS_PER_HOUR + minute * MICROS_PER_MINUTE + micros);
    }

    /** TIMESTAMP + INTERVAL: months first (clamping the day), then days, then microseconds; an error past the range. */
    public static long addInterval(long micros, Interval iv) {
        if (micros == TIMESTAMP_INFINITY || micros == TIMESTAMP_NEGATIVE_INFINITY) return micros;
        try {
            long result = micros;
            if (iv.months() != 0) {
                long days = addMonths(daysOf(micros), iv.months());
                result = Math.addExact(Math.multiplyExact(days, MICROS_PER_DAY), timeOfDay(micros));
            }
            result = Math.addExact(result, Math.multiplyExact((long) iv.days(), MICROS_PER_DAY));
            result = Math.addExact(result, iv.micros());
            if (result == TIMESTAMP_INFINITY || result <= TIMESTAMP_NEGATIVE_INFINITY) throw new ArithmeticException();
            return result;
        } catch (ArithmeticException e) {
            throw MallardException.Data.outOfRange("Timestamp " + formatTimestamp(micros) + " + " + Intervals.format(iv)
                    + " is out of range");
        }
    }

    /** TIMESTAMP - INTERVAL. */
    public static long subtractInterval(long micros, Interval iv) {
        return addInterval(micros, Intervals.negate(iv));
    }

    // ---- DATE text -----------------------------------------------------------------------------

    /** Parses DuckDB/ISO date text; an error naming the text when it is not a date. */
    public static int parseDate(String text) {
        long d = tryParseDate(text);
        if (d == INVALID) {
            throw MallardException.Data.conversion("invalid date field format: \"" + text
                    + "\", expected format is (YYYY-MM-DD)");
        }
        return (int) d;
    }

    /**
     * Parses a date: optional spaces, {@code [-]Y+<sep>M{1,2}<sep>D{1,2}} with sep one of
     * {@code - / space \}, used the same both times, an optional {@code (BC)} and, like DuckDB,
     * an ignored time part; or infinity / -infinity / epoch. Returns {@link #INVALID} otherwise.
     */
    public static long tryParseDate(String text) {
        Cursor c = new Cursor(text);
        c.skipSpaces();
        long special = specialDate(c);
        if (special != INVALID) return special;
        long days = parseDatePart(c);
        if (days == INVALID) return INVALID;
        c.skipSpaces();
        if (!c.atEnd()) {
            // A time part is allowed and ignored (DuckDB accepts '2020-01-01 10:00:00'::DATE).
            int save = c.pos;
            if (c.peek() == 'T' || c.peek() == 't') c.pos++;
            if (tryParseTime(c) < 0) {
                c.pos = save;
                return INVALID;
            }
            skipZone(c);
            c.skipSpaces();
            if (!c.atEnd()) return INVALID;
        }
        return days;
    }

    private static long specialDate(Cursor c) {
        if (!c.atSpecialWord()) return INVALID;
        String rest = c.rest().trim().toLowerCase(java.util.Locale.ROOT);
        return switch (rest) {
            case "infinity" -> DATE_INFINITY;
            case "-infinity" -> DATE_NEGATIVE_INFINITY;
            case "epoch" -> 0;
            default -> INVALID;
        };
    }

    /** Parses the date part at the cursor (plus an optional "(BC)" suffix). */
    private static long parseDatePart(Cursor c) {
        boolean negative = false;
        if (c.peek() == '-') {
            negative = true;
            c.pos++;
        }
        int start = c.pos;
        long year = c.digits(7);
        if (year < 0) return INVALID;
        if (c.pos - start > 7) return INVALID;
        char sep = c.peek();
        if (sep != '-' && sep != '/' && sep != ' ' && sep != '\\') return INVALID;
        c.pos++;
        long month = c.digits(2);
        if (month < 0 || c.peek() != sep) return INVALID;
        c.pos++;
        long day = c.digits(2);
        if (day < 0) return INVALID;
        if (negative) year = -year;
        int save = c.pos;
        c.skipSpaces();
        if (c.consumeIgnoreCase("(BC)")) {
            if (negative || year == 0) return INVALID;
            year = 1 - year;
        } else {
            c.pos = save;
        }
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, (int) month)) return INVALID;
        long days = daysFromCivil(year, (int) month, (int) day);
        return isValidDate(days) ? days : INVALID;
    }

    /** DuckDB's date text: at least four year digits, and "(BC)" for years before 1 AD. */
    public static String formatDate(long days) {
        if (days == DATE_INFINITY) return "infinity";
        if (days == DATE_NEGATIVE_INFINITY) return "-infinity";
        StringBuilder sb = new StringBuilder(16);
        appendDate(sb, days);
        return sb.toString();
    }

    private static void appendDate(StringBuilder sb, long days) {
        long c = civilFromDays(days);
        long year = yearOf(c);
        boolean bc = year <= 0;
        long shown = bc ? 1 - year : year;
        pad(sb, shown, 4);
        sb.append('-');
        pad(sb, monthOf(c), 2);
        sb.append('-');
        pad(sb, dayOf(c), 2);
        if (bc) sb.append(" (BC)");
    }

    // ---- TIMESTAMP text ------------------------------------------------------------------------

    /** Parses timestamp text; an error naming the text when it is not a timestamp. */
    public static long parseTimestamp(String text) {
        long t = tryParseTimestamp(text);
        if (t == INVALID) {
            throw MallardException.Data.conversion("invalid timestamp field format: \"" + text
                    + "\", expected format is (YYYY-MM-DD HH:MM:SS[.US])");
        }
        return t;
    }

    /**
     * Parses {@code date[( |T)H{1,2}:MM[:SS[.fraction]]][zone]}: a date alone is midnight, 24:00:00
     * is the next midnight, digits past microseconds are dropped, and a trailing {@code Z},
     * {@code UTC} or {@code ±HH[:MM]} offset is accepted and ignored (DuckDB's TIMESTAMP behaviour).
     */
    public static long tryParseTimestamp(String text) {
        Cursor c = new Cursor(text);
        c.skipSpaces();
        String special = c.atSpecialWord() ? c.rest().trim().toLowerCase(java.util.Locale.ROOT) : "";
        switch (special) {
            case "infinity": return TIMESTAMP_INFINITY;
            case "-infinity": return TIMESTAMP_NEGATIVE_INFINITY;
            case "epoch": return 0;
            default: break;
        }
        long days = parseDatePart(c);
        if (days == INVALID) return INVALID;
        long tod = 0;
        if (!c.atEnd() && (c.peek() == 'T' || c.peek() == ' ' || c.peek() == 't')) {
            int save = c.pos;
            c.pos++;
            c.skipSpaces();
            if (c.atEnd()) {
                c.pos = save;
            } else {
                tod = tryParseTime(c);
                if (tod < 0) return INVALID;
            }
        }
        skipZone(c);
        c.skipSpaces();
        if (!c.atEnd()) return INVALID;
        long hi = Math.multiplyHigh(days, MICROS_PER_DAY), lo = days * MICROS_PER_DAY;
        long t = lo + tod;
        if (hi != (lo >> 63) || ((lo ^ t) & (tod ^ t)) < 0 || t == TIMESTAMP_INFINITY || t <= TIMESTAMP_NEGATIVE_INFINITY) return INVALID;
        return t;
    }

    /** Parses H{1,2}:M{1,2}[:S{1,2}[.f*]] at the cursor; micros since midnight, or -1. */
    private static long tryParseTime(Cursor c) {
        long hour = c.digits(2);
        if (hour < 0 || c.peek() != ':') return -1;
        c.pos++;
        long minute = c.digits(2);
        if (minute < 0) return -1;
        long second = 0, fraction = 0;
        if (c.peek() == ':') {
            c.pos++;
            second = c.digits(2);
            if (second < 0) return -1;
            if (c.peek() == '.') {
                c.pos++;
                long scale = 100_000;
                while (!c.atEnd() && Character.isDigit(c.peek())) {
                    fraction += (c.peek() - '0') * scale;
                    scale /= 10;
                    c.pos++;
                }
            }
        }
        if (minute > 59 || second > 59) return -1;
        if (hour > 24 || hour == 24 && (minute != 0 || second != 0 || fraction != 0)) return -1;
        return hour * MICROS_PER_HOUR + minute * MICROS_PER_MINUTE + second * MICROS_PER_SECOND + fraction;
    }

    /** Skips a UTC marker or numeric offset (accepted and ignored, as DuckDB does for TIMESTAMP). */
    private static void skipZone(Cursor c) {
        int save = c.pos;
        c.skipSpaces();
        if (c.consumeIgnoreCase("UTC") || c.consumeIgnoreCase("GMT") || c.consumeIgnoreCase("Z")) return;
        if (!c.atEnd() && (c.peek() == '+' || c.peek() == '-')) {
            c.pos++;
            if (c.digits(2) >= 0) {
                if (c.peek() == ':') {
                    c.pos++;
                    c.digits(2);
                } else {
                    c.digits(2);
                }
                return;
            }
        }
        c.pos = save;
    }

    /** DuckDB's timestamp text: the date (with "(BC)" before 1 AD), a space, HH:MM:SS, and .ffffff without trailing zeros when non-zero. */
    public static String formatTimestamp(long micros) {
        if (micros == TIMESTAMP_INFINITY) return "infinity";
        if (micros == TIMESTAMP_NEGATIVE_INFINITY) return "-infinity";
        long days = daysOf(micros);
        long tod = timeOfDay(micros);
        StringBuilder sb = new StringBuilder(32);
        long c = civilFromDays(days);
        long year = yearOf(c);
        boolean bc = year <= 0;
        pad(sb, bc ? 1 - year : year, 4);
        sb.append('-');
        pad(sb, monthOf(c), 2);
        sb.append('-');
        pad(sb, dayOf(c), 2);
        if (bc) sb.append(" (BC)");
        sb.append(' ');
        appendTime(sb, tod);
        return sb.toString();
    }

    /** Appends HH:MM:SS[.ffffff] for a non-negative microsecond count; hours may exceed 23. */
    static void appendTime(StringBuilder sb, long micros) {
        long hours = micros / MICROS_PER_HOUR;
        long rest = micros % MICROS_PER_HOUR;
        pad(sb, hours, 2);
        sb.append(':');
        pad(sb, rest / MICROS_PER_MINUTE, 2);
        sb.append(':');
        rest %= MICROS_PER_MINUTE;
        pad(sb, rest / MICROS_PER_SECOND, 2);
        long fraction = rest % MICROS_PER_SECOND;
        if (fraction != 0) {
            sb.append('.');
            int len = sb.length();
            pad(sb, fraction, 6);
            int end = sb.length();
            while (end > len && sb.charAt(end - 1) == '0') end--;
            sb.setLength(end);
        }
    }

    static void pad(StringBuilder sb, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) sb.append('0');
        sb.append(s);
    }

    // ---- INTERVAL entry points the binder uses ---------------------------------------------------

    /** Parses interval text such as '1 year 2 months', '3 days 04:05:06', '90 minutes'; see {@link Intervals#parse}. */
    public static Interval parseInterval(String text) {
        return Intervals.parse(text);
    }

    /** {@code amount} units, e.g. intervalOf(90, "MINUTE") for INTERVAL 90 MINUTE. */
    public static Interval intervalOf(long amount, String unit) {
        return Intervals.of(amount, unit);
    }

    /** A minimal scanner over text; the parsers above share it. */
    static final class Cursor {
        final String s;
        int pos;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        String rest() {
            return s.substring(pos);
        }

        /** True when a word such as infinity or epoch (not a number) starts here. */
        boolean atSpecialWord() {
            int p = pos < s.length() && s.charAt(pos) == '-' ? pos + 1 : pos;
            return p < s.length() && Character.isLetter(s.charAt(p));
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        /** Reads 1..max digits (more are read for years); -1 if there is no digit. */
        long digits(int max) {
            int start = pos;
            long v = 0;
            while (pos < s.length() && pos - start < Math.max(max, 1) && Character.isDigit(s.charAt(pos))) {
                v = v * 10 + (s.charAt(pos) - '0');
                pos++;
            }
            return pos == start ? -1 : v;
        }

        boolean consumeIgnoreCase(String word) {
            if (s.regionMatches(true, pos, word, 0, word.length())) {
                pos += word.length();
                return true;
            }
            return false;
        }
    }
}
