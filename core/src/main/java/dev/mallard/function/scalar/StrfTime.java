package dev.mallard.function.scalar;

import dev.mallard.MallardException;
import dev.mallard.types.DateTimes;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled strftime / strptime format (DuckDB's specifiers): %Y %y %m %d %H %I %M %S (a {@code -}
 * flag drops zero padding, e.g. %-d), %f microseconds, %g milliseconds, %n nanoseconds, %p AM/PM,
 * %a %A %b %B %h names, %j day of year, %w %u weekday numbers, %U %W week of year, %V %G ISO week and
 * year, %c %x %X the ISO date-time / date / time, %z (+00) and %Z (empty) zones, %% a percent sign.
 */
final class StrfTime {
    static final String[] DAY_NAMES = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static final String[] MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};

    /** Either literal text (spec == 0) or one specifier. */
    private record Token(char spec, boolean noPad, String literal) {}

    private final String source;
    private final List<Token> tokens;

    private StrfTime(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    static StrfTime compile(String format) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        for (int k = 0; k < format.length(); k++) {
            char ch = format.charAt(k);
            if (ch != '%') {
                lit.append(ch);
                continue;
            }
            if (++k >= format.length()) throw badFormat(format, "ends with %");
            boolean noPad = false;
            char spec = format.charAt(k);
            if (spec == '-') {
                noPad = true;
                if (++k >= format.length()) throw badFormat(format, "ends with %-");
                spec = format.charAt(k);
            }
            if (spec == '%') {
                lit.append('%');
                continue;
            }
            if ("aAwubBhmyYHIpMSfgnzZjUWVGcxXde".indexOf(spec) < 0) throw badFormat(format, "unknown specifier %" + spec);
            if (!lit.isEmpty()) {
                tokens.add(new Token((char) 0, false, lit.toString()));
                lit.setLength(0);
            }
            tokens.add(new Token(spec, noPad, null));
        }
        if (!lit.isEmpty()) tokens.add(new Token((char) 0, false, lit.toString()));
        return new StrfTime(format, tokens);
    }

    private static MallardException badFormat(String format, String why) {
        return MallardException.Data.invalidArgument("Failed to parse format specifier " + format + ": " + why);
    }

    String format(long micros) {
        long days = DateTimes.daysOf(micros);
        long tod = DateTimes.timeOfDay(micros);
        long civil = DateTimes.civilFromDays(days);
        long year = DateTimes.yearOf(civil);
        int month = DateTimes.monthOf(civil), day = DateTimes.dayOf(civil);
        long hour = tod / DateTimes.MICROS_PER_HOUR, minute = tod / DateTimes.MICROS_PER_MINUTE % 60;
        long second = tod / DateTimes.MICROS_PER_SECOND % 60, fraction = tod % DateTimes.MICROS_PER_SECOND;
        int dow = DateTimes.dayOfWeek(days);
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            switch (t.spec) {
                case 0 -> sb.append(t.literal);
                case 'a' -> sb.append(DAY_NAMES[dow], 0, 3);
                case 'A' -> sb.append(DAY_NAMES[dow]);
                case 'w' -> sb.append(dow);
                case 'u' -> sb.append(DateTimes.isoDayOfWeek(days));
                case 'b', 'h' -> sb.append(MONTH_NAMES[month - 1], 0, 3);
                case 'B' -> sb.append(MONTH_NAMES[month - 1]);
                case 'd', 'e' -> num(sb, day, 2, t.noPad);
                case 'm' -> num(sb, month, 2, t.noPad);
                case 'y' -> num(sb, Math.floorMod(year, 100), 2, t.noPad);
                case 'Y' -> num(sb, year, 4, t.noPad);
                case 'H' -> num(sb, hour, 2, t.noPad);
                case 'I' -> num(sb, hour % 12 == 0 ? 12 : hour % 12, 2, t.noPad);
                case 'p' -> sb.append(hour < 12 ? "AM" : "PM");
                case 'M' -> num(sb, minute, 2, t.noPad);
                case 'S' -> num(sb, second, 2, t.noPad);
                case 'f' -> num(sb, fraction, 6, false);
                case 'g' -> num(sb, fraction / 1000, 3, false);
                case 'n' -> num(sb, fraction * 1000, 9, false);
                case 'z' -> sb.append("+00");
                case 'Z' -> { }
                case 'j' -> num(sb, DateTimes.dayOfYear(days), 3, t.noPad);
                case 'U' -> num(sb, (DateTimes.dayOfYear(days) + 6 - dow) / 7, 2, t.noPad);
                case 'W' -> num(sb, (DateTimes.dayOfYear(days) + 6 - (dow + 6) % 7) / 7, 2, t.noPad);
                case 'V' -> num(sb, DateTimes.isoWeek(days), 2, t.noPad);
                case 'G' -> num(sb, DateTimes.isoYear(days), 4, t.noPad);
                case 'c' -> sb.append(DateTimes.formatDate(days)).append(' ').append(time(hour, minute, second));
                case 'x' -> sb.append(DateTimes.formatDate(days));
                case 'X' -> sb.append(time(hour, minute, second));
                default -> throw badFormat(source, "unknown specifier %" + t.spec);
            }
        }
        return sb.toString();
    }

    private static String time(long h, long m, long s) {
        StringBuilder sb = new StringBuilder(8);
        num(sb, h, 2, false);
        sb.append(':');
        num(sb, m, 2, false);
        sb.append(':');
        num(sb, s, 2, false);
        return sb.toString();
    }

    private static void num(StringBuilder sb, long v, int width, boolean noPad) {
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        String s = Long.toString(v);
        if (!noPad) for (int k = s.length(); k < width; k++) sb.append('0');
        sb.append(s);
    }

    /** Parses text; returns the timestamp or {@link DateTimes#INVALID} with the reason in {@code why[0]}. */
    long parse(String text, String[] why) {
        int pos = 0;
        long year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, micros = 0, dayOfYear = -1;
        boolean pm = false, twelveHour = false;
        for (Token t : tokens) {
            if (t.spec == 0) {
                for (int k = 0; k < t.literal.length(); k++) {
                    char want = t.literal.charAt(k);
                    if (Character.isWhitespace(want)) {
                        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
                    } else {
                        if (pos >= text.length() || text.charAt(pos) != want) {
                            why[0] = "Literal does not match, expected " + t.literal;
                            return DateTimes.INVALID;
                        }
                        pos++;
                    }
                }
                continue;
            }
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos)) && t.spec != 'n') pos++;
            switch (t.spec) {
                case 'a', 'A', 'b', 'B', 'h' -> {
                    String[] names = t.spec == 'a' || t.spec == 'A' ? DAY_NAMES : MONTH_NAMES;
                    int found = -1, len = 0;
                    for (int k = 0; k < names.length; k++) {
                        String full = names[k];
                        if (text.regionMatches(true, pos, full, 0, full.length())) {
                            found = k;
                            len = full.length();
                            break;
                        }
                        if (text.regionMatches(true, pos, full, 0, 3)) {
                            found = k;
                            len = 3;
                        }
                    }
                    if (found < 0) {
                        why[0] = "Expected a " + (names == DAY_NAMES ? "day" : "month") + " name";
                        return DateTimes.INVALID;
                    }
                    pos += len;
                    if (names == MONTH_NAMES) month = found + 1;
                }
                case 'p' -> {
                    if (text.regionMatches(true, pos, "AM", 0, 2)) pm = false;
                    else if (text.regionMatches(true, pos, "PM", 0, 2)) pm = true;
                    else {
                        why[0] = "Expected AM/PM";
                        return DateTimes.INVALID;
                    }
                    pos += 2;
                }
                case 'z' -> {
                    if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                        pos++;
                        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == ':')) pos++;
                    } else if (pos < text.length() && (text.charAt(pos) == 'Z' || text.charAt(pos) == 'z')) {
                        pos++;
                    }
                }
                case 'Z' -> {
                    while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) pos++;
                }
                default -> {
                    int maxDigits = switch (t.spec) {
                        case 'Y', 'G' -> 4;
                        case 'j' -> 3;
                        case 'f' -> 6;
                        case 'g' -> 3;
                        case 'n' -> 9;
                        default -> 2;
                    };
                    boolean negative = false;
                    if ((t.spec == 'Y') && pos < text.length() && text.charAt(pos) == '-') {
                        negative = true;
                        pos++;
                    }
                    int start = pos;
                    long v = 0;
                    while (pos < text.length() && pos - start < maxDigits && Character.isDigit(text.charAt(pos))) {
                        v = v * 10 + (text.charAt(pos) - '0');
                        pos++;
                    }
                    if (pos == start) {
                        why[0] = "Expected a number";
                        return DateTimes.INVALID;
                    }
                    int digits = pos - start;
                    if (negative) v = -v;
                    switch (t.spec) {
                        case 'Y', 'G' -> year = v;
                        case 'y' -> year = v < 69 ? 2000 + v : 1900 + v;
                        case 'm' -> month = v;
                        case 'd', 'e' -> day = v;
                        case 'H' -> hour = v;
                        case 'I' -> {
                            hour = v;
                            twelveHour = true;
                        }
                        case 'M' -> minute = v;
                        case 'S' -> second = v;
                        case 'f' -> micros = v * pow10(6 - digits);
                        case 'g' -> micros = v * pow10(3 - digits) * 1000;
                        case 'n' -> micros = v * pow10(9 - digits) / 1000;
                        case 'j' -> dayOfYear = v;
                        default -> { }
                    }
                }
            }
        }
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
        if (pos < text.length()) {
            why[0] = "Full specifier did not match: trailing characters";
            return DateTimes.INVALID;
        }
        if (twelveHour) {
            if (hour < 1 || hour > 12) {
                why[0] = "Hour out of range for %I";
                return DateTimes.INVALID;
            }
            hour = hour % 12 + (pm ? 12 : 0);
        } else if (pm && hour < 12) {
            hour += 12;
        }
        long days;
        if (dayOfYear > 0) {
            days = DateTimes.daysFromCivil(year, 1, 1) + dayOfYear - 1;
        } else {
            if (month < 1 || month > 12 || day < 1 || day > DateTimes.daysInMonth(year, (int) month)) {
                why[0] = "Date out of range";
                return DateTimes.INVALID;
            }
            days = DateTimes.daysFromCivil(year, (int) month, (int) day);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            why[0] = "Time out of range";
            return DateTimes.INVALID;
        }
        return DateTimes.timestampOf(days, hour, minute, second * DateTimes.MICROS_PER_SECOND + micros);
    }

    private static long pow10(int k) {
        long p = 1;
        for (int i = 0; i < k; i++) p *= 10;
        return p;
    }

    String source() {
        return source;
    }
}
