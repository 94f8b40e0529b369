package dev.mallard.function.scalar;

import static dev.mallard.types.DateTimes.MICROS_PER_DAY;
import static dev.mallard.types.DateTimes.MICROS_PER_HOUR;
import static dev.mallard.types.DateTimes.MICROS_PER_MINUTE;
import static dev.mallard.types.DateTimes.MICROS_PER_SECOND;

import dev.mallard.MallardException;
import dev.mallard.types.DateTimes;
import dev.mallard.types.Interval;
import java.util.Locale;

/**
 * The parts date_part / extract / date_trunc / date_diff understand, with DuckDB's numbering:
 * dow is Sunday = 0, isodow Monday = 1, week is the ISO week, decade is year / 10, century and
 * millennium count from year 1 (2000 is in the 20th century), seconds are whole seconds and
 * milliseconds / microseconds include the seconds.
 */
enum DatePart {
    YEAR, QUARTER, MONTH, WEEK, DAY, DOW, ISODOW, DOY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND,
    DECADE, CENTURY, MILLENNIUM, ERA, ISOYEAR, YEARWEEK, EPOCH, JULIAN;

    static DatePart parse(String name) {
        DatePart p = switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "year", "years", "y", "yr", "yrs", "yyyy" -> YEAR;
            case "quarter", "quarters" -> QUARTER;
            case "month", "months", "mon", "mons" -> MONTH;
            case "week", "weeks", "w", "weekofyear" -> WEEK;
            case "day", "days", "d", "dayofmonth" -> DAY;
            case "dow", "dayofweek", "weekday" -> DOW;
            case "isodow" -> ISODOW;
            case "doy", "dayofyear" -> DOY;
            case "hour", "hours", "h", "hr", "hrs" -> HOUR;
            case "minute", "minutes", "min", "mins", "m" -> MINUTE;
            case "second", "seconds", "sec", "secs", "s" -> SECOND;
            case "millisecond", "milliseconds", "ms", "msec", "msecs", "millisec" -> MILLISECOND;
            case "microsecond", "microseconds", "us", "usec", "usecs", "microsec" -> MICROSECOND;
            case "decade", "decades" -> DECADE;
            case "century", "centuries" -> CENTURY;
            case "millennium", "millennia", "millenniums" -> MILLENNIUM;
            case "era" -> ERA;
            case "isoyear" -> ISOYEAR;
            case "yearweek" -> YEARWEEK;
            case "epoch" -> EPOCH;
            case "julian" -> JULIAN;
            default -> null;
        };
        if (p == null) throw MallardException.Data.invalidArgument("unsupported date part \"" + name + "\"");
        return p;
    }

    /** True for the parts whose natural value has a fraction (date_part returns DOUBLE for them). */
    boolean isFractional() {
        return this == EPOCH || this == JULIAN;
    }

    /** The part of a timestamp. */
    long of(long micros) {
        long days = DateTimes.daysOf(micros);
        long tod = DateTimes.timeOfDay(micros);
        return switch (this) {
            case HOUR -> tod / MICROS_PER_HOUR;
            case MINUTE -> tod % MICROS_PER_HOUR / MICROS_PER_MINUTE;
            case SECOND -> tod % MICROS_PER_MINUTE / MICROS_PER_SECOND;
            case MILLISECOND -> tod % MICROS_PER_MINUTE / 1000;
            case MICROSECOND -> tod % MICROS_PER_MINUTE;
            case EPOCH -> Math.floorDiv(micros, MICROS_PER_SECOND);
            case JULIAN -> days + 2_440_588;
            default -> ofDays(days);
        };
    }

    /** The part of a date (time parts are zero). */
    long ofDays(long days) {
        long civil = DateTimes.civilFromDays(days);
        long year = DateTimes.yearOf(civil);
        return switch (this) {
            case YEAR -> year;
            case QUARTER -> (DateTimes.monthOf(civil) - 1) / 3 + 1;
            case MONTH -> DateTimes.monthOf(civil);
            case DAY -> DateTimes.dayOf(civil);
            case WEEK -> DateTimes.isoWeek(days);
            case DOW -> DateTimes.dayOfWeek(days);
            case ISODOW -> DateTimes.isoDayOfWeek(days);
            case DOY -> DateTimes.dayOfYear(days);
            case HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND -> 0;
            case DECADE -> year / 10;
            case CENTURY -> year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100);
            case MILLENNIUM -> year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000);
            case ERA -> year > 0 ? 1 : 0;
            case ISOYEAR -> DateTimes.isoYear(days);
            case YEARWEEK -> DateTimes.isoYear(days) * 100 + DateTimes.isoWeek(days);
            case EPOCH -> days * 86_400;
            case JULIAN -> days + 2_440_588;
        };
    }

    /** The fractional value of epoch / julian for a timestamp. */
    double fractionalOf(long micros) {
        if (this == EPOCH) return micros / 1e6;
        if (this == JULIAN) return micros / (double) MICROS_PER_DAY + 2_440_588;
        return of(micros);
    }

    /** The part of an interval (DuckDB: a year is 365.25 days for epoch, a month 30 days). */
    long of(Interval iv) {
        long micros = iv.micros();
        return switch (this) {
            case YEAR -> iv.months() / 12;
            case QUARTER -> iv.months() % 12 / 3 + 1;
            case MONTH -> iv.months() % 12;
            case DAY -> iv.days();
            case HOUR -> micros / MICROS_PER_HOUR;
            case MINUTE -> micros % MICROS_PER_HOUR / MICROS_PER_MINUTE;
            case SECOND -> micros % MICROS_PER_MINUTE / MICROS_PER_SECOND;
            case MILLISECOND -> micros % MICROS_PER_MINUTE / 1000;
            case MICROSECOND -> micros % MICROS_PER_MINUTE;
            case DECADE -> iv.months() / 120;
            case CENTURY -> iv.months() / 1200;
            case MILLENNIUM -> iv.months() / 12000;
            case EPOCH -> (long) fractionalOf(iv);
            default -> throw MallardException.Data.invalidArgument("date part " + name().toLowerCase(Locale.ROOT)
                    + " is not defined for INTERVAL");
        };
    }

    double fractionalOf(Interval iv) {
        if (this != EPOCH) return of(iv);
        long years = iv.months() / 12, months = iv.months() % 12;
        double days = years * 365.25 + months * 30.0 + iv.days();
        return days * 86_400 + iv.micros() / 1e6;
    }

    /** date_trunc: the timestamp at the start of the part containing {@code micros}. */
    long truncate(long micros) {
        if (micros == DateTimes.TIMESTAMP_INFINITY || micros == DateTimes.TIMESTAMP_NEGATIVE_INFINITY) return micros;
        return switch (this) {
            case MICROSECOND -> micros;
            case MILLISECOND -> Math.floorDiv(micros, 1000L) * 1000;
            case SECOND -> Math.floorDiv(micros, MICROS_PER_SECOND) * MICROS_PER_SECOND;
            case MINUTE -> Math.floorDiv(micros, MICROS_PER_MINUTE) * MICROS_PER_MINUTE;
            case HOUR -> Math.floorDiv(micros, MICROS_PER_HOUR) * MICROS_PER_HOUR;
            default -> truncateDays(DateTimes.daysOf(micros)) * MICROS_PER_DAY;
        };
    }

    /** The first day of the part (day or longer) containing {@code days}. */
    long truncateDays(long days) {
        long civil = DateTimes.civilFromDays(days);
        long year = DateTimes.yearOf(civil);
        int month = DateTimes.monthOf(civil);
        return switch (this) {
            case WEEK, YEARWEEK -> days - (DateTimes.isoDayOfWeek(days) - 1);
            case MONTH -> DateTimes.daysFromCivil(year, month, 1);
            case QUARTER -> DateTimes.daysFromCivil(year, (month - 1) / 3 * 3 + 1, 1);
            case YEAR -> DateTimes.daysFromCivil(year, 1, 1);
            case DECADE -> DateTimes.daysFromCivil(year / 10 * 10, 1, 1);
            case CENTURY -> DateTimes.daysFromCivil(year / 100 * 100, 1, 1);
            case MILLENNIUM -> DateTimes.daysFromCivil(year / 1000 * 1000, 1, 1);
            case ISOYEAR -> {
                long jan4 = DateTimes.daysFromCivil(DateTimes.isoYear(days), 1, 4);
                yield jan4 - (DateTimes.isoDayOfWeek(jan4) - 1);
            }
            case ERA, EPOCH, JULIAN -> throw MallardException.Data.invalidArgument("date_trunc does not support "
                    + name().toLowerCase(Locale.ROOT));
            default -> days;
        };
    }

    /** date_diff: how many part boundaries lie between two timestamps (negative when end < start). */
    long difference(long start, long end) {
        return switch (this) {
            case YEAR -> ofDaysOf(end, YEAR) - ofDaysOf(start, YEAR);
            case QUARTER -> quarterIndex(end) - quarterIndex(start);
            case MONTH -> monthIndex(end) - monthIndex(start);
            case WEEK, YEARWEEK -> (DateTimes.daysOf(end) - DateTimes.daysOf(start)) / 7;
            case DAY, DOW, ISODOW, DOY, JULIAN -> DateTimes.daysOf(end) - DateTimes.daysOf(start);
            case HOUR -> Math.floorDiv(end, MICROS_PER_HOUR) - Math.floorDiv(start, MICROS_PER_HOUR);
            case MINUTE -> Math.floorDiv(end, MICROS_PER_MINUTE) - Math.floorDiv(start, MICROS_PER_MINUTE);
            case SECOND, EPOCH -> Math.floorDiv(end, MICROS_PER_SECOND) - Math.floorDiv(start, MICROS_PER_SECOND);
            case MILLISECOND -> Math.floorDiv(end, 1000) - Math.floorDiv(start, 1000);
            case MICROSECOND -> end - start;
            case DECADE -> ofDaysOf(end, YEAR) / 10 - ofDaysOf(start, YEAR) / 10;
            case CENTURY -> ofDaysOf(end, YEAR) / 100 - ofDaysOf(start, YEAR) / 100;
            case MILLENNIUM -> ofDaysOf(end, YEAR) / 1000 - ofDaysOf(start, YEAR) / 1000;
            case ERA -> ofDaysOf(end, ERA) - ofDaysOf(start, ERA);
            case ISOYEAR -> ofDaysOf(end, ISOYEAR) - ofDaysOf(start, ISOYEAR);
        };
    }

    /** date_sub: how many whole parts have elapsed from start to end (months respect day and time of day). */
    long elapsed(long start, long end) {
        return switch (this) {
            case YEAR, QUARTER, MONTH, DECADE, CENTURY, MILLENNIUM, ISOYEAR, ERA -> {
                long months = wholeMonths(start, end);
                yield switch (this) {
                    case QUARTER -> months / 3;
                    case MONTH -> months;
                    case DECADE -> months / 120;
                    case CENTURY -> months / 1200;
                    case MILLENNIUM -> months / 12000;
                    default -> months / 12;
                };
            }
            case WEEK, YEARWEEK -> (end - start) / (7 * MICROS_PER_DAY);
            case DAY, DOW, ISODOW, DOY, JULIAN -> (end - start) / MICROS_PER_DAY;
            case HOUR -> (end - start) / MICROS_PER_HOUR;
            case MINUTE -> (end - start) / MICROS_PER_MINUTE;
            case SECOND, EPOCH -> (end - start) / MICROS_PER_SECOND;
            case MILLISECOND -> (end - start) / 1000;
            case MICROSECOND -> end - start;
        };
    }

    private static long wholeMonths(long start, long end) {
        long months = monthIndex(end) - monthIndex(start);
        long startDays = DateTimes.daysOf(start);
        long tod = DateTimes.timeOfDay(start);
        if (months > 0 && DateTimes.addMonths(startDays, months) * MICROS_PER_DAY + tod > end) months--;
        else if (months < 0 && DateTimes.addMonths(startDays, months) * MICROS_PER_DAY + tod < end) months++;
        return months;
    }

    private static long ofDaysOf(long micros, DatePart part) {
        return part.ofDays(DateTimes.daysOf(micros));
    }

    private static long monthIndex(long micros) {
        long civil = DateTimes.civilFromDays(DateTimes.daysOf(micros));
        return DateTimes.yearOf(civil) * 12 + DateTimes.monthOf(civil) - 1;
    }

    private static long quarterIndex(long micros) {
        return Math.floorDiv(monthIndex(micros), 3);
    }
}
