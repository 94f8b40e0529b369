package dev.mallard.io.json;

import dev.mallard.MallardException;
import dev.mallard.types.DateTimes;
import java.util.Locale;

/**
 * A strptime-style format for the dateformat and timestampformat options ({@code '%d/%m/%Y'},
 * {@code '%Y-%m-%dT%H:%M:%S.%f%z'}). Supported: %Y %y %m %d %j %H %I %M %S %f %g %n %p %b %B
 * %a %A %z %Z %T %F %%, with %-x accepted for the unpadded forms; a space matches any run of
 * whitespace. A %z offset is applied, so times land in UTC.
 */
final class JsonTimeFormat {
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"};
    private static final String[] DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    private final String format;

    private JsonTimeFormat(String format) {
        this.format = format.replace("%T", "%H:%M:%S").replace("%F", "%Y-%m-%d").replace("%-", "%");
    }

    /** The format of an option, or null for automatic ISO 8601 detection. */
    static JsonTimeFormat of(String option, String name) {
        if (option == null || option.isEmpty() || option.equalsIgnoreCase("auto")) return null;
        if (!option.contains("%")) {
            throw MallardException.Data.invalidArgument("option " + name + " takes a strptime format such as '%d/%m/%Y', got '"
                    + option + "'");
        }
        return new JsonTimeFormat(option);
    }

    String format() {
        return format;
    }

    /** Days since 1970-01-01, or {@link DateTimes#INVALID}. */
    long parseDate(String text) {
        long ts = parseTimestamp(text);
        return ts == DateTimes.INVALID ? DateTimes.INVALID : Math.floorDiv(ts, DateTimes.MICROS_PER_DAY);
    }

    /** Microseconds since 1970-01-01 00:00:00 UTC, or {@link DateTimes#INVALID} when the text does not match. */
    long parseTimestamp(String text) {
        long year = 1970, month = 1, day = 1, dayOfYear = -1, hour = 0, minute = 0, second = 0, micros = 0, offsetMinutes = 0;
        int pm = -1; // -1 no %p, 0 AM, 1 PM
        int t = 0;
        for (int f = 0; f < format.length(); f++) {
            char fc = format.charAt(f);
            if (fc == ' ') {
                while (t < text.length() && Character.isWhitespace(text.charAt(t))) t++;
                continue;
            }
            if (fc != '%' || f + 1 == format.length()) {
                if (t >= text.length() || text.charAt(t) != fc) return DateTimes.INVALID;
                t++;
                continue;
            }
            char spec = format.charAt(++f);
            int maxDigits = switch (spec) {
                // Four digits when another number follows at once (%Y%m%d), else up to seven.
                case 'Y' -> f + 1 < format.length() && format.charAt(f + 1) == '%' ? 4 : 7;
                case 'j' -> 3;
                case 'f' -> 6;
                case 'g' -> 3;
                case 'n' -> 9;
                default -> 2;
            };
            switch (spec) {
                case 'Y', 'y', 'm', 'd', 'j', 'H', 'I', 'M', 'S', 'f', 'g', 'n' -> {
                    int start = t;
                    long v = 0;
                    while (t < text.length() && t - start < maxDigits && Character.isDigit(text.charAt(t))) {
                        v = v * 10 + (text.charAt(t) - '0');
                        t++;
                    }
                    int len = t - start;
                    if (len == 0) return DateTimes.INVALID;
                    switch (spec) {
                        case 'Y' -> year = v;
                        case 'y' -> year = v < 69 ? 2000 + v : 1900 + v;
                        case 'm' -> month = v;
                        case 'd' -> day = v;
                        case 'j' -> dayOfYear = v;
                        case 'H', 'I' -> hour = v;
                        case 'M' -> minute = v;
                        case 'S' -> second = v;
                        // Fractions are read as written: "5" after the point is half a second.
                        case 'f', 'g', 'n' -> {
                            long scaled = v;
                            for (int i = len; i < 6; i++) scaled *= 10;
                            for (int i = len; i > 6; i--) scaled /= 10;
                            micros = scaled;
                        }
                        default -> { }
                    }
                }
                case 'p' -> {
                    if (t + 2 > text.length()) return DateTimes.INVALID;
                    String ap = text.substring(t, t + 2).toUpperCase(Locale.ROOT);
                    if (!ap.equals("AM") && !ap.equals("PM")) return DateTimes.INVALID;
                    pm = ap.equals("PM") ? 1 : 0;
                    t += 2;
                }
                case 'b', 'B', 'h' -> {
                    int m = matchName(text, t, MONTHS);
                    if (m < 0) return DateTimes.INVALID;
                    month = m + 1;
                    t += matchedLength(text, t, MONTHS[m]);
                }
                case 'a', 'A' -> {
                    int d = matchName(text, t, DAYS);
                    if (d < 0) return DateTimes.INVALID;
                    t += matchedLength(text, t, DAYS[d]);
                }
                case 'z' -> {
                    if (t < text.length() && (text.charAt(t) == 'Z' || text.charAt(t) == 'z')) {
                        t++;
                        break;
                    }
                    if (t >= text.length() || text.charAt(t) != '+' && text.charAt(t) != '-') return DateTimes.INVALID;
                    int sign = text.charAt(t) == '-' ? -1 : 1;
                    t++;
                    int start = t;
                    long v = 0;
                    while (t < text.length() && (Character.isDigit(text.charAt(t)) || text.charAt(t) == ':')) {
                        if (text.charAt(t) != ':') v = v * 10 + (text.charAt(t) - '0');
                        t++;
                    }
                    int digits = text.substring(start, t).replace(":", "").length();
                    if (digits == 2) offsetMinutes = sign * v * 60;
                    else if (digits == 4) offsetMinutes = sign * ((v / 100) * 60 + v % 100);
                    else return DateTimes.INVALID;
                }
                case 'Z' -> {
                    while (t < text.length() && (Character.isLetter(text.charAt(t)) || text.charAt(t) == '/' || text.charAt(t) == '_')) t++;
                }
                case '%' -> {
                    if (t >= text.length() || text.charAt(t) != '%') return DateTimes.INVALID;
                    t++;
                }
                default -> throw MallardException.Data.invalidArgument("unsupported specifier %" + spec + " in format '" + format + "'");
            }
        }
        if (t != text.length()) return DateTimes.INVALID;
        if (pm >= 0) {
            if (hour < 1 || hour > 12) return DateTimes.INVALID;
            hour = hour % 12 + (pm == 1 ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) return DateTimes.INVALID;
        long days;
        if (dayOfYear >= 0) {
            if (dayOfYear < 1 || dayOfYear > (DateTimes.isLeapYear(year) ? 366 : 365)) return DateTimes.INVALID;
            days = DateTimes.daysFromCivil(year, 1, 1) + dayOfYear - 1;
        } else {
            if (month < 1 || month > 12 || day < 1 || day > DateTimes.daysInMonth(year, (int) month)) return DateTimes.INVALID;
            days = DateTimes.daysFromCivil(year, (int) month, (int) day);
        }
        return days * DateTimes.MICROS_PER_DAY + hour * DateTimes.MICROS_PER_HOUR + minute * DateTimes.MICROS_PER_MINUTE
                + second * DateTimes.MICROS_PER_SECOND + micros - offsetMinutes * DateTimes.MICROS_PER_MINUTE;
    }

    /** Index of the name (full, or its first three letters) at {@code t}, case-insensitive; -1 when none. */
    private static int matchName(String text, int t, String[] names) {
        for (int i = 0; i < names.length; i++) {
            if (text.regionMatches(true, t, names[i], 0, names[i].length())) return i;
        }
        for (int i = 0; i < names.length; i++) {
            if (text.regionMatches(true, t, names[i], 0, 3)) return i;
        }
        return -1;
    }

    private static int matchedLength(String text, int t, String name) {
        return text.regionMatches(true, t, name, 0, name.length()) ? name.length() : 3;
    }
}
