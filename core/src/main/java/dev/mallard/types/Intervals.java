package dev.mallard.types;

import dev.mallard.MallardException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * INTERVAL text and arithmetic. An interval keeps months, days and microseconds apart; fractions
 * cascade down (a month is 30 days, a day 24 hours) the way DuckDB and PostgreSQL do it, so
 * {@code '1.5 months'} is 1 month 15 days.
 *
 * <p>Text (DuckDB's spelling): {@code 1 year 2 months 3 days 04:05:06.5}, negative parts carry their
 * own sign ({@code 1 day -01:00:00}), hours are not folded into days ({@code 36:00:00}), and the zero
 * interval is {@code 00:00:00}.
 */
public final class Intervals {
    public static final Interval ZERO = new Interval(0, 0, 0);
    private static final int DAYS_PER_MONTH = 30;

    private Intervals() {}

    /** The units interval text and {@code INTERVAL n unit} understand. */
    enum Unit {
        MICROSECOND(0, 0, 1), MILLISECOND(0, 0, 1000), SECOND(0, 0, DateTimes.MICROS_PER_SECOND),
        MINUTE(0, 0, DateTimes.MICROS_PER_MINUTE), HOUR(0, 0, DateTimes.MICROS_PER_HOUR),
        DAY(0, 1, 0), WEEK(0, 7, 0), MONTH(1, 0, 0), QUARTER(3, 0, 0), YEAR(12, 0, 0),
        DECADE(120, 0, 0), CENTURY(1200, 0, 0), MILLENNIUM(12000, 0, 0);

        final int months;
        final int days;
        final long micros;

        Unit(int months, int days, long micros) {
            this.months = months;
            this.days = days;
            this.micros = micros;
        }

        /** The unit for a (case-insensitive, singular, plural or abbreviated) name, or null. */
        static Unit parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "us", "usec", "usecs", "microsecond", "microseconds", "microsec", "microsecs" -> MICROSECOND;
                case "ms", "msec", "msecs", "millisecond", "milliseconds", "millisec", "millisecs" -> MILLISECOND;
                case "s", "sec", "secs", "second", "seconds" -> SECOND;
                case "m", "min", "mins", "minute", "minutes" -> MINUTE;
                case "h", "hr", "hrs", "hour", "hours" -> HOUR;
                case "d", "day", "days" -> DAY;
                case "w", "week", "weeks" -> WEEK;
                case "mon", "mons", "month", "months" -> MONTH;
                case "quarter", "quarters" -> QUARTER;
                case "y", "yr", "yrs", "year", "years" -> YEAR;
                case "decade", "decades" -> DECADE;
                case "c", "century", "centuries" -> CENTURY;
                case "millennium", "millennia", "millenniums" -> MILLENNIUM;
                default -> null;
            };
        }
    }

    /** {@code amount} units, e.g. of(90, "minute"); an error for an unknown unit or an overflow. */
    public static Interval of(long amount, String unit) {
        Unit u = Unit.parse(unit.trim());
        if (u == null) throw MallardException.Data.conversion("unknown interval unit \"" + unit + "\"");
        try {
            return new Interval(Math.toIntExact(Math.multiplyExact(amount, (long) u.months)),
                    Math.toIntExact(Math.multiplyExact(amount, (long) u.days)),
                    Math.multiplyExact(amount, u.micros));
        } catch (ArithmeticException e) {
            throw MallardException.Data.outOfRange("Interval value " + amount + " " + unit.toLowerCase(Locale.ROOT)
                    + " is out of range");
        }
    }

    /** Parses interval text; an error naming the text when it is not an interval. */
    public static Interval parse(String text) {
        Interval iv = tryParse(text);
        if (iv == null) throw MallardException.Data.conversion("Could not convert string '" + text + "' to INTERVAL");
        return iv;
    }

    /**
     * Parses PostgreSQL/DuckDB interval text: an optional {@code @}, then any number of
     * {@code <number> <unit>} pairs (the unit may be attached: {@code 1h 30m}) and time parts
     * {@code [-]H:MM[:SS[.f]]}, and an optional trailing {@code ago} that negates the whole value.
     * Returns null when the text is not an interval.
     */
    public static Interval tryParse(String text) {
        DateTimes.Cursor c = new DateTimes.Cursor(text);
        c.skipSpaces();
        if (c.peek() == '@') c.pos++;
        long months = 0, days = 0;
        BigDecimal micros = BigDecimal.ZERO;
        boolean any = false;
        try {
            while (true) {
                c.skipSpaces();
                if (c.atEnd()) break;
                if (any && c.consumeIgnoreCase("ago")) {
                    c.skipSpaces();
                    if (!c.atEnd()) return null;
                    return checked(-months, -days, micros.negate());
                }
                int start = c.pos;
                boolean negative = false;
                if (c.peek() == '-' || c.peek() == '+') {
                    negative = c.peek() == '-';
                    c.pos++;
                }
                int numStart = c.pos;
                while (!c.atEnd() && (Character.isDigit(c.peek()) || c.peek() == '.')) c.pos++;
                String number = text.substring(numStart, c.pos);
                if (number.isEmpty() || number.equals(".")) return null;
                if (c.peek() == ':') {
                    c.pos = start;
                    long t = parseTime(c);
                    if (t == Long.MIN_VALUE) return null;
                    micros = micros.add(BigDecimal.valueOf(t));
                    any = true;
                    continue;
                }
                BigDecimal value = new BigDecimal(number);
                if (negative) value = value.negate();
                c.skipSpaces();
                int unitStart = c.pos;
                while (!c.atEnd() && Character.isLetter(c.peek())) c.pos++;
                Unit unit = Unit.parse(text.substring(unitStart, c.pos));
                if (unit == null) return null;
                // Whole units first, then cascade the fraction: months → days → microseconds.
                BigDecimal m = value.multiply(BigDecimal.valueOf(unit.months));
                BigDecimal wholeMonths = m.setScale(0, RoundingMode.DOWN);
                BigDecimal d = value.multiply(BigDecimal.valueOf(unit.days))
                        .add(m.subtract(wholeMonths).multiply(BigDecimal.valueOf(DAYS_PER_MONTH)));
                BigDecimal wholeDays = d.setScale(0, RoundingMode.DOWN);
                BigDecimal us = value.multiply(BigDecimal.valueOf(unit.micros))
                        .add(d.subtract(wholeDays).multiply(BigDecimal.valueOf(DateTimes.MICROS_PER_DAY)));
                months += wholeMonths.longValueExact();
                days += wholeDays.longValueExact();
                micros = micros.add(us);
                any = true;
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        return any ? checked(months, days, micros) : null;
    }

    private static Interval checked(long months, long days, BigDecimal micros) {
        long us = micros.setScale(0, RoundingMode.HALF_UP).longValueExact();
        if (months != (int) months || days != (int) days) throw new ArithmeticException("interval out of range");
        return new Interval((int) months, (int) days, us);
    }

    /** [-]H+:MM[:SS[.f]] at the cursor, as signed micros; Long.MIN_VALUE if malformed. */
    private static long parseTime(DateTimes.Cursor c) {
        boolean negative = false;
        if (c.peek() == '-' || c.peek() == '+') {
            negative = c.peek() == '-';
            c.pos++;
        }
        long hours = c.digits(9);
        if (hours < 0 || c.peek() != ':') return Long.MIN_VALUE;
        c.pos++;
        long minutes = c.digits(2);
        if (minutes < 0) return Long.MIN_VALUE;
        long seconds = 0, fraction = 0;
        if (c.peek() == ':') {
            c.pos++;
            seconds = c.digits(2);
            if (seconds < 0) return Long.MIN_VALUE;
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
        if (minutes > 59 || seconds > 59) return Long.MIN_VALUE;
        long t = hours * DateTimes.MICROS_PER_HOUR + minutes * DateTimes.MICROS_PER_MINUTE
                + seconds * DateTimes.MICROS_PER_SECOND + fraction;
        return negative ? -t : t;
    }

    /** DuckDB's interval text. */
    public static String format(Interval iv) {
        StringBuilder sb = new StringBuilder(32);
        int years = iv.months() / 12;
        int months = iv.months() % 12;
        if (years != 0) part(sb, years, "year");
        if (months != 0) part(sb, months, "month");
        if (iv.days() != 0) part(sb, iv.days(), "day");
        long micros = iv.micros();
        if (micros != 0 || sb.isEmpty()) {
            if (!sb.isEmpty()) sb.append(' ');
            if (micros < 0) {
                sb.append('-');
                // -Long.MIN_VALUE overflows; such an interval is never produced by arithmetic we allow.
                micros = -micros;
            }
            DateTimes.appendTime(sb, micros);
        }
        return sb.toString();
    }

    private static void part(StringBuilder sb, long n, String unit) {
        if (!sb.isEmpty()) sb.append(' ');
        sb.append(n).append(' ').append(unit);
        if (n != 1 && n != -1) sb.append('s');
    }

    // ---- arithmetic ------------------------------------------------------------------------------

    public static Interval negate(Interval iv) {
        try {
            return new Interval(Math.negateExact(iv.months()), Math.negateExact(iv.days()), Math.negateExact(iv.micros()));
        } catch (ArithmeticException e) {
            throw MallardException.Data.outOfRange("Overflow in negation of INTERVAL " + format(iv));
        }
    }

    public static Interval add(Interval a, Interval b) {
        try {
            return new Interval(Math.addExact(a.months(), b.months()), Math.addExact(a.days(), b.days()),
                    Math.addExact(a.micros(), b.micros()));
        } catch (ArithmeticException e) {
            throw MallardException.Data.outOfRange("Overflow in addition of INTERVAL (" + format(a) + " + " + format(b) + ")");
        }
    }

    public static Interval subtract(Interval a, Interval b) {
        try {
            return new Interval(Math.subtractExact(a.months(), b.months()), Math.subtractExact(a.days(), b.days()),
                    Math.subtractExact(a.micros(), b.micros()));
        } catch (ArithmeticException e) {
            throw MallardException.Data.outOfRange("Overflow in subtraction of INTERVAL (" + format(a) + " - " + format(b) + ")");
        }
    }

    /** Exact multiplication by an integer. */
    public static Interval multiply(Interval iv, long factor) {
        try {
            return new Interval(Math.toIntExact(Math.multiplyExact(iv.months(), factor)),
                    Math.toIntExact(Math.multiplyExact(iv.days(), factor)), Math.multiplyExact(iv.micros(), factor));
        } catch (ArithmeticException e) {
            throw MallardException.Data.outOfRange("Overflow in multiplication of INTERVAL (" + format(iv) + " * " + factor + ")");
        }
    }

    /**
     * Multiplication by a fraction, as PostgreSQL's interval_mul (which DuckDB follows): each part
     * is scaled; the fraction of the months becomes days (30 per month) and the fraction of the days
     * becomes time; a time carry of a whole day or more from that cascade moves into the days (so
     * '9 months -27 days 12:34:56' × 0.3 is '2 months 13 days 01:22:28.8'), while the scaled time
     * part itself is not folded into days.
     */
    public static Interval multiply(Interval iv, double factor) {
        if (Double.isNaN(factor) || Double.isInfinite(factor)) {
            throw MallardException.Data.outOfRange("Cannot multiply INTERVAL by " + factor);
        }
        return scale(iv, factor, false);
    }

    /** Division by a number, with the same cascade as {@link #multiply(Interval, double)}. */
    public static Interval divide(Interval iv, double divisor) {
        if (divisor == 0) throw MallardException.Data.divisionByZero();
        if (Double.isNaN(divisor)) throw MallardException.Data.outOfRange("Cannot divide INTERVAL by NaN");
        return scale(iv, divisor, true);
    }

    private static Interval scale(Interval iv, double factor, boolean divide) {
        double months = divide ? iv.months() / factor : iv.months() * factor;
        double days = divide ? iv.days() / factor : iv.days() * factor;
        if (Math.abs(months) >= Integer.MAX_VALUE || Math.abs(days) >= Integer.MAX_VALUE) throw multiplyOverflow(iv, factor);
        int wholeMonths = (int) months;
        double monthRemainderDays = microRound((months - wholeMonths) * DAYS_PER_MONTH);
        int wholeDays = (int) days;
        double secondRemainder = microRound((days - wholeDays + monthRemainderDays - (int) monthRemainderDays) * 86_400.0);
        if (Math.abs(secondRemainder) >= 86_400) {
            wholeDays += (int) (secondRemainder / 86_400);
            secondRemainder -= (int) (secondRemainder / 86_400) * 86_400.0;
        }
        wholeDays += (int) monthRemainderDays;
        double micros = Math.rint((divide ? iv.micros() / factor : iv.micros() * factor) + secondRemainder * 1e6);
        if (Math.abs(micros) >= 9.2e18) throw multiplyOverflow(iv, factor);
        return new Interval(wholeMonths, wholeDays, (long) micros);
    }

    /** Rounds to whole microseconds of the unit, as PostgreSQL's TSROUND does before cascading. */
    private static double microRound(double v) {
        return Math.rint(v * 1e6) / 1e6;
    }

    private static MallardException multiplyOverflow(Interval iv, double factor) {
        return MallardException.Data.outOfRange("Overflow in multiplication of INTERVAL (" + format(iv) + " * " + factor + ")");
    }


    /** TIMESTAMP - TIMESTAMP: whole days and the remaining microseconds, both truncated toward zero. */
    public static Interval between(long fromMicros, long toMicros) {
        long diff;
        try {
            diff = Math.subtractExact(toMicros, fromMicros);
        } catch (ArithmeticException e) {
            throw MallardException.Data.outOfRange("Overflow in subtraction of TIMESTAMP");
        }
        long days = diff / DateTimes.MICROS_PER_DAY;
        return new Interval(0, (int) days, diff - days * DateTimes.MICROS_PER_DAY);
    }

    /** Total length in microseconds, with a month as 30 days (for epoch and ordering). */
    public static long totalMicros(Interval iv) {
        return iv.normalizedMicros();
    }
}
