package dev.mallard.io;

import dev.mallard.MallardException;
import dev.mallard.types.DateTimes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A strptime-style format ({@code %d.%m.%Y}, {@code %m/%d/%Y %I:%M:%S %p}) compiled once and
 * applied to raw bytes: the dateformat and timestampformat options of the CSV and JSON readers.
 * Only the specifiers dates in data files actually use are supported ({@code %T} and {@code %F}
 * as their expansions, {@code %n} as {@code %f}); an unknown one fails at bind time rather than
 * on the first row.
 *
 * <p>Numbers take one or two digits where the format says two ({@code %m}, {@code %d},
 * {@code %H}...), as DuckDB's strptime does, so {@code 1/2/2020} reads with {@code %m/%d/%Y}.
 */
public final class TextDateFormat {
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private final String pattern;
    /** Specifier letters, or -1 - c for a literal char c. */
    private final int[] tokens;

    private TextDateFormat(String pattern, int[] tokens) {
        this.pattern = pattern;
        this.tokens = tokens;
    }

    public String pattern() {
        return pattern;
    }

    public static TextDateFormat of(String pattern) {
        List<Integer> out = new ArrayList<>();
        String spelled = pattern.replace("%T", "%H:%M:%S").replace("%F", "%Y-%m-%d");
        for (int i = 0; i < spelled.length(); i++) {
            char c = spelled.charAt(i);
            if (c != '%') {
                out.add(-1 - c);
                continue;
            }
            if (i + 1 >= spelled.length()) throw bad(pattern, "it ends with a lone %");
            char s = spelled.charAt(++i);
            if (s == '-' && i + 1 < spelled.length()) s = spelled.charAt(++i); // %-d: no padding, which parsing allows anyway
            switch (s) {
                case 'Y', 'y', 'm', 'd', 'H', 'I', 'M', 'S', 'f', 'g', 'p', 'b', 'B', 'a', 'A', 'z', 'Z', 'j' -> out.add((int) s);
                case 'n' -> out.add((int) 'f'); // nanoseconds: the fraction's digits past the sixth are dropped
                case '%' -> out.add(-1 - '%');
                default -> throw bad(pattern, "%" + s + " is not a supported specifier");
            }
        }
        int[] t = new int[out.size()];
        for (int i = 0; i < t.length; i++) t[i] = out.get(i);
        return new TextDateFormat(pattern, t);
    }

    private static MallardException bad(String pattern, String why) {
        return MallardException.Data.invalidArgument("invalid date format '" + pattern + "': " + why
                + " (supported: %Y %y %m %d %H %I %M %S %f %g %n %p %b %B %a %A %z %Z %j %T %F %%)");
    }

    /** Days since the epoch, or {@link DateTimes#INVALID}. Time fields, if the format has them, must be valid but are dropped. */
    public long parseDate(byte[] b, int start, int end) {
        long micros = parse(b, start, end);
        return micros == DateTimes.INVALID ? DateTimes.INVALID : Math.floorDiv(micros, DateTimes.MICROS_PER_DAY);
    }

    /** Microseconds since the epoch, or {@link DateTimes#INVALID}. */
    public long parseTimestamp(byte[] b, int start, int end) {
        return parse(b, start, end);
    }

    private long parse(byte[] b, int start, int end) {
        while (start < end && b[start] == ' ') start++;
        while (end > start && b[end - 1] == ' ') end--;
        int p = start;
        long year = 1970;
        int month = 1, day = 1, hour = 0, minute = 0, second = 0, dayOfYear = -1;
        long fraction = 0;
        int pm = -1;
        boolean twelveHour = false;
        long offsetMinutes = 0;
        for (int ti = 0; ti < tokens.length; ti++) {
            int t = tokens[ti];
            if (t < 0) {
                char lit = (char) (-1 - t);
                if (lit == ' ') {
                    // A space in the format matches any run of spaces and tabs in the text.
                    if (p >= end || b[p] != ' ' && b[p] != '\t') return DateTimes.INVALID;
                    while (p < end && (b[p] == ' ' || b[p] == '\t')) p++;
                    continue;
                }
                if (p >= end || b[p] != lit) return DateTimes.INVALID;
                p++;
                continue;
            }
            switch (t) {
                case 'Y', 'y', 'm', 'd', 'H', 'I', 'M', 'S', 'j' -> {
                    // a year runs to 6 digits, but only 4 when a number follows with nothing between (%Y%m%d)
                    int max = t == 'Y' ? (numeric(ti + 1) ? 4 : 6) : t == 'j' ? 3 : 2;
                    long v = 0;
                    int q = p;
                    boolean neg = false;
                    if (t == 'Y' && q < end && b[q] == '-') {
                        neg = true;
                        q++;
                    }
                    int digitsStart = q;
                    while (q < end && q - digitsStart < max && b[q] >= '0' && b[q] <= '9') v = v * 10 + (b[q++] - '0');
                    if (q == digitsStart) return DateTimes.INVALID;
                    if (t == 'y' && q - digitsStart != 2) return DateTimes.INVALID;
                    p = q;
                    switch (t) {
                        case 'Y' -> year = neg ? -v : v;
                        case 'y' -> year = v < 69 ? 2000 + v : 1900 + v;
                        case 'm' -> month = (int) v;
                        case 'd' -> day = (int) v;
                        case 'H' -> hour = (int) v;
                        case 'I' -> {
                            hour = (int) v;
                            twelveHour = true;
                        }
                        case 'M' -> minute = (int) v;
                        case 'S' -> {
                            second = (int) v;
                            // Seconds may carry a fraction the format does not spell (%S matching "05.123").
                            boolean nextIsDot = ti + 1 < tokens.length && tokens[ti + 1] == -1 - '.';
                            if (!nextIsDot && p < end && b[p] == '.') {
                                int r = p + 1;
                                long f = 0, scale = 100_000;
                                while (r < end && b[r] >= '0' && b[r] <= '9') {
                                    f += (b[r] - '0') * scale;
                                    scale /= 10;
                                    r++;
                                }
                                if (r > p + 1) {
                                    fraction = f;
                                    p = r;
                                }
                            }
                        }
                        default -> dayOfYear = (int) v;
                    }
                }
                case 'f', 'g' -> {
                    long f = 0, scale = 100_000;
                    int q = p;
                    while (q < end && b[q] >= '0' && b[q] <= '9' && q - p < 9) {
                        f += (b[q] - '0') * scale;
                        scale /= 10;
                        q++;
                    }
                    if (q == p) return DateTimes.INVALID;
                    fraction = f;
                    p = q;
                }
                case 'p' -> {
                    if (p + 2 > end) return DateTimes.INVALID;
                    char a = (char) (b[p] | 0x20), m = (char) (b[p + 1] | 0x20);
                    if (m != 'm' || a != 'a' && a != 'p') return DateTimes.INVALID;
                    pm = a == 'p' ? 1 : 0;
                    p += 2;
                }
                case 'b', 'B' -> {
                    if (p + 3 > end) return DateTimes.INVALID;
                    String head = new String(b, p, 3, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                    int found = -1;
                    for (int k = 0; k < 12; k++) if (MONTHS[k].equals(head)) found = k;
                    if (found < 0) return DateTimes.INVALID;
                    month = found + 1;
                    p += 3;
                    while (p < end && Character.isLetter(b[p])) p++; // the rest of a full month name
                }
                case 'a', 'A', 'Z' -> {
                    int q = p;
                    while (q < end && (Character.isLetter(b[q]))) q++;
                    if (q == p) return DateTimes.INVALID;
                    p = q;
                }
                case 'z' -> {
                    if (p < end && (b[p] == 'Z' || b[p] == 'z')) {
                        p++;
                    } else {
                        if (p >= end || b[p] != '+' && b[p] != '-') return DateTimes.INVALID;
                        int sign = b[p] == '-' ? -1 : 1;
                        p++;
                        int q = p;
                        int v = 0;
                        while (q < end && b[q] >= '0' && b[q] <= '9' && q - p < 4) v = v * 10 + (b[q++] - '0');
                        int nd = q - p;
                        int mins;
                        if (nd == 2 && q < end && b[q] == ':') {
                            int r = q + 1, mm = 0;
                            while (r < end && b[r] >= '0' && b[r] <= '9' && r - q - 1 < 2) mm = mm * 10 + (b[r++] - '0');
                            if (r - q - 1 != 2) return DateTimes.INVALID;
                            mins = v * 60 + mm;
                            q = r;
                        } else if (nd == 2) {
                            mins = v * 60;
                        } else if (nd == 4) {
                            mins = v / 100 * 60 + v % 100;
                        } else {
                            return DateTimes.INVALID;
                        }
                        offsetMinutes = sign * mins;
                        p = q;
                    }
                }
                default -> {
                    return DateTimes.INVALID;
                }
            }
        }
        if (p != end) return DateTimes.INVALID;
        if (twelveHour) {
            if (hour < 1 || hour > 12) return DateTimes.INVALID;
            if (pm == 1 && hour != 12) hour += 12;
            if (pm == 0 && hour == 12) hour = 0;
        } else if (pm >= 0) {
            if (hour > 12) return DateTimes.INVALID;
            if (pm == 1 && hour < 12) hour += 12;
        }
        if (hour > 23 || minute > 59 || second > 59) return DateTimes.INVALID;
        long days;
        if (dayOfYear >= 0) {
            if (dayOfYear < 1 || dayOfYear > (DateTimes.isLeapYear(year) ? 366 : 365)) return DateTimes.INVALID;
            days = DateTimes.daysFromCivil(year, 1, 1) + dayOfYear - 1;
        } else {
            if (month < 1 || month > 12 || day < 1 || day > DateTimes.daysInMonth(year, month)) return DateTimes.INVALID;
            days = DateTimes.daysFromCivil(year, month, day);
        }
        if (!DateTimes.isValidDate(days)) return DateTimes.INVALID;
        // The offset says what UTC time the text means, and a TIMESTAMP holds that UTC time.
        return days * DateTimes.MICROS_PER_DAY + hour * DateTimes.MICROS_PER_HOUR + minute * DateTimes.MICROS_PER_MINUTE
                + second * DateTimes.MICROS_PER_SECOND + fraction - offsetMinutes * DateTimes.MICROS_PER_MINUTE;
    }

    /** Whether token {@code i} reads digits. */
    private boolean numeric(int i) {
        if (i >= tokens.length) return false;
        return switch (tokens[i]) {
            case 'Y', 'y', 'm', 'd', 'H', 'I', 'M', 'S', 'j', 'f', 'g' -> true;
            default -> false;
        };
    }

    /** Whether the format holds a time of day: such a format describes timestamps, not dates. */
    public boolean hasTime() {
        for (int t : tokens) if (t == 'H' || t == 'I' || t == 'M' || t == 'S') return true;
        return false;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
