package dev.mallard.function.scalar;

import static dev.mallard.types.TypeId.BIGINT;
import static dev.mallard.types.TypeId.DATE;
import static dev.mallard.types.TypeId.DOUBLE;
import static dev.mallard.types.TypeId.INTERVAL;
import static dev.mallard.types.TypeId.TIMESTAMP;
import static dev.mallard.types.TypeId.VARCHAR;

import dev.mallard.MallardException;
import dev.mallard.function.ConstantAwareBinding;
import dev.mallard.function.FunctionCatalog;
import dev.mallard.function.Kernels;
import dev.mallard.function.RowKernel;
import dev.mallard.function.ScalarFunction;
import dev.mallard.function.Signature;
import dev.mallard.types.DateTimes;
import dev.mallard.types.Interval;
import dev.mallard.types.Intervals;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Date and time functions with DuckDB's names and types: date_part / extract (BIGINT; DOUBLE for
 * epoch and julian when the part is a constant), the named part functions (year, month, …),
 * date_trunc (TIMESTAMP), date_diff / datediff (part boundaries crossed), date_sub (whole parts
 * elapsed), date_add, make_date, make_timestamp, strftime, strptime / try_strptime, epoch, epoch_ms,
 * to_timestamp, last_day, dayname, monthname, age, to_years … to_microseconds, and the clock
 * functions current_date, current_timestamp / now / get_current_timestamp / today.
 *
 * <p>Deviations: to_timestamp, now and current_timestamp return TIMESTAMP (DuckDB: TIMESTAMP WITH
 * TIME ZONE) holding the JVM's local wall-clock time, read once when the statement is bound.
 */
public final class DateFunctions {
    private DateFunctions() {}

    private static final LogicalType TS = LogicalType.TIMESTAMP;

    public static void register(FunctionCatalog c) {
        for (TypeId t : new TypeId[] {DATE, TIMESTAMP, INTERVAL}) {
            c.addScalar("date_part", Signature.of(VARCHAR, t), (ConstantAwareBinding) (n, args, k) -> bindDatePart(n, args, k));
        }
        c.alias("datepart", "date_part");
        namedParts(c);

        LastCompiled<DatePart> parts = new LastCompiled<>(DatePart::parse);
        c.addScalar("date_trunc", Signature.of(VARCHAR, TIMESTAMP), TS, Kernels.strict((a, i, o) ->
                o.longs[i] = parts.get(a[0].strings[i]).truncate(a[1].longs[i])));
        c.addScalar("date_trunc", Signature.of(VARCHAR, DATE), TS, Kernels.strict((a, i, o) ->
                o.longs[i] = DateTimes.dateToTimestamp(parts.get(a[0].strings[i]).truncateDays(a[1].ints[i]))));
        c.alias("datetrunc", "date_trunc");
        for (String name : List.of("date_diff", "date_sub")) {
            boolean diff = name.equals("date_diff");
            c.addScalar(name, Signature.of(VARCHAR, DATE, DATE), LogicalType.BIGINT, Kernels.strict((a, i, o) -> {
                DatePart p = parts.get(a[0].strings[i]);
                long x = a[1].ints[i] * DateTimes.MICROS_PER_DAY, y = a[2].ints[i] * DateTimes.MICROS_PER_DAY;
                o.longs[i] = diff ? p.difference(x, y) : p.elapsed(x, y);
            }));
            c.addScalar(name, Signature.of(VARCHAR, TIMESTAMP, TIMESTAMP), LogicalType.BIGINT, Kernels.strict((a, i, o) -> {
                DatePart p = parts.get(a[0].strings[i]);
                o.longs[i] = diff ? p.difference(a[1].longs[i], a[2].longs[i]) : p.elapsed(a[1].longs[i], a[2].longs[i]);
            }));
        }
        c.alias("datediff", "date_diff");
        c.alias("datesub", "date_sub");
        c.addScalar("date_add", Signature.of(DATE, INTERVAL), TS, Kernels.strict((a, i, o) ->
                o.longs[i] = DateTimes.addInterval(DateTimes.dateToTimestamp(a[0].ints[i]), (Interval) a[1].objects[i])));
        c.addScalar("date_add", Signature.of(TIMESTAMP, INTERVAL), TS, Kernels.strict((a, i, o) ->
                o.longs[i] = DateTimes.addInterval(a[0].longs[i], (Interval) a[1].objects[i])));

        c.addScalar("make_date", Signature.of(BIGINT, BIGINT, BIGINT), LogicalType.DATE, Kernels.strict((a, i, o) ->
                o.ints[i] = makeDate(a[0].longs[i], a[1].longs[i], a[2].longs[i])));
        c.addScalar("make_timestamp", Signature.of(BIGINT, BIGINT, BIGINT, BIGINT, BIGINT, DOUBLE), TS, Kernels.strict((a, i, o) -> {
            long h = a[3].longs[i], m = a[4].longs[i];
            double sec = a[5].doubles[i];
            if (h < 0 || h > 23 || m < 0 || m > 59 || !(sec >= 0 && sec < 60)) {
                throw MallardException.Data.conversion("Time out of range: " + h + ":" + m + ":" + sec);
            }
            long days = makeDate(a[0].longs[i], a[1].longs[i], a[2].longs[i]);
            o.longs[i] = DateTimes.timestampOf(days, h, m, Math.round(sec * 1e6));
        }));
        c.addScalar("make_timestamp", Signature.of(BIGINT), TS, Kernels.strict((a, i, o) -> o.longs[i] = a[0].longs[i]));

        LastCompiled<StrfTime> formats = new LastCompiled<>(StrfTime::compile);
        c.addScalar("strftime", Signature.of(TIMESTAMP, VARCHAR), LogicalType.VARCHAR, Kernels.strict((a, i, o) ->
                o.strings[i] = formats.get(a[1].strings[i]).format(a[0].longs[i])));
        c.addScalar("strftime", Signature.of(DATE, VARCHAR), LogicalType.VARCHAR, Kernels.strict((a, i, o) ->
                o.strings[i] = formats.get(a[1].strings[i]).format(a[0].ints[i] * DateTimes.MICROS_PER_DAY)));
        c.addScalar("strftime", Signature.of(VARCHAR, TIMESTAMP), LogicalType.VARCHAR, Kernels.strict((a, i, o) ->
                o.strings[i] = formats.get(a[0].strings[i]).format(a[1].longs[i])));
        c.addScalar("strptime", Signature.of(VARCHAR, VARCHAR), TS, Kernels.strict(strptime(formats, false)));
        c.addScalar("try_strptime", Signature.of(VARCHAR, VARCHAR), TS, Kernels.strict(strptime(formats, true)));

        c.addScalar("epoch", Signature.of(TIMESTAMP), LogicalType.DOUBLE, Kernels.strict((a, i, o) -> o.doubles[i] = a[0].longs[i] / 1e6));
        c.addScalar("epoch", Signature.of(DATE), LogicalType.DOUBLE, Kernels.strict((a, i, o) -> o.doubles[i] = a[0].ints[i] * 86_400.0));
        c.addScalar("epoch", Signature.of(INTERVAL), LogicalType.DOUBLE, Kernels.strict((a, i, o) ->
                o.doubles[i] = DatePart.EPOCH.fractionalOf((Interval) a[0].objects[i])));
        c.addScalar("epoch_ms", Signature.of(TIMESTAMP), LogicalType.BIGINT, Kernels.strict((a, i, o) -> o.longs[i] = Math.floorDiv(a[0].longs[i], 1000L)));
        c.addScalar("epoch_us", Signature.of(TIMESTAMP), LogicalType.BIGINT, Kernels.strict((a, i, o) -> o.longs[i] = a[0].longs[i]));
        c.addScalar("epoch_ms", Signature.of(BIGINT), TS, Kernels.strict((a, i, o) -> o.longs[i] = Math.multiplyExact(a[0].longs[i], 1000L)));
        c.addScalar("to_timestamp", Signature.of(DOUBLE), TS, Kernels.strict((a, i, o) -> {
            double s = a[0].doubles[i];
            if (!(Math.abs(s) < 9.2e12)) throw MallardException.Data.outOfRange("to_timestamp(" + s + ") is out of range");
            o.longs[i] = Math.round(s * 1e6);
        }));

        c.addScalar("last_day", Signature.of(DATE), LogicalType.DATE, Kernels.strict((a, i, o) -> o.ints[i] = lastDay(a[0].ints[i])));
        c.addScalar("last_day", Signature.of(TIMESTAMP), LogicalType.DATE, Kernels.strict((a, i, o) ->
                o.ints[i] = lastDay(DateTimes.daysOf(a[0].longs[i]))));
        c.addScalar("dayname", Signature.of(DATE), LogicalType.VARCHAR, Kernels.strict((a, i, o) ->
                o.strings[i] = StrfTime.DAY_NAMES[DateTimes.dayOfWeek(a[0].ints[i])]));
        c.addScalar("dayname", Signature.of(TIMESTAMP), LogicalType.VARCHAR, Kernels.strict((a, i, o) ->
                o.strings[i] = StrfTime.DAY_NAMES[DateTimes.dayOfWeek(DateTimes.daysOf(a[0].longs[i]))]));
        c.addScalar("monthname", Signature.of(DATE), LogicalType.VARCHAR, Kernels.strict((a, i, o) ->
                o.strings[i] = StrfTime.MONTH_NAMES[(int) DatePart.MONTH.ofDays(a[0].ints[i]) - 1]));
        c.addScalar("monthname", Signature.of(TIMESTAMP), LogicalType.VARCHAR, Kernels.strict((a, i, o) ->
                o.strings[i] = StrfTime.MONTH_NAMES[(int) DatePart.MONTH.of(a[0].longs[i]) - 1]));
        c.addScalar("age", Signature.of(TIMESTAMP, TIMESTAMP), LogicalType.INTERVAL, Kernels.strict((a, i, o) ->
                o.objects[i] = age(a[0].longs[i], a[1].longs[i])));
        c.addScalar("age", Signature.of(TIMESTAMP), (n, args) -> {
            long midnight = DateTimes.daysOf(now()) * DateTimes.MICROS_PER_DAY;
            return new ScalarFunction(n, args, LogicalType.INTERVAL, Kernels.strict((a, i, o) ->
                    o.objects[i] = age(midnight, a[0].longs[i])), false);
        });

        intervalOf(c, "to_years", "year");
        intervalOf(c, "to_months", "month");
        intervalOf(c, "to_days", "day");
        intervalOf(c, "to_hours", "hour");
        intervalOf(c, "to_minutes", "minute");
        intervalOf(c, "to_milliseconds", "millisecond");
        intervalOf(c, "to_microseconds", "microsecond");
        c.addScalar("to_seconds", Signature.of(DOUBLE), LogicalType.INTERVAL, Kernels.strict((a, i, o) ->
                o.objects[i] = new Interval(0, 0, Math.round(a[0].doubles[i] * 1e6))));
        c.addScalar("to_weeks", Signature.of(BIGINT), LogicalType.INTERVAL, Kernels.strict((a, i, o) ->
                o.objects[i] = Intervals.of(a[0].longs[i], "week")));

        // The clock is read when the call is bound, which happens once per statement execution, so
        // every row (and every thread) of a statement sees the same time, as in DuckDB.
        c.addScalar("current_date", Signature.of(), (n, args) -> {
            int today = (int) DateTimes.daysOf(now());
            return new ScalarFunction(n, args, LogicalType.DATE, Kernels.strict((a, i, o) -> o.ints[i] = today), false);
        });
        c.alias("today", "current_date");
        c.addScalar("current_timestamp", Signature.of(), (n, args) -> {
            long now = now();
            return new ScalarFunction(n, args, TS, Kernels.strict((a, i, o) -> o.longs[i] = now), false);
        });
        c.alias("now", "current_timestamp");
        c.alias("get_current_timestamp", "current_timestamp");
        c.alias("localtimestamp", "current_timestamp");
    }

    // ---- date_part and the named parts -----------------------------------------------------------

    private static ScalarFunction bindDatePart(String name, List<LogicalType> args, List<Object> constants) {
        LogicalType source = args.get(1);
        Object part = ConstantAwareBinding.constant(constants, 0);
        boolean fractional = part instanceof String s && DatePart.parse(s).isFractional();
        LastCompiled<DatePart> parts = new LastCompiled<>(DatePart::parse);
        RowKernel body = switch (source.id()) {
            case DATE -> fractional ? (a, i, o) -> o.doubles[i] = parts.get(a[0].strings[i]).ofDays(a[1].ints[i])
                    : (a, i, o) -> o.longs[i] = parts.get(a[0].strings[i]).ofDays(a[1].ints[i]);
            case TIMESTAMP -> fractional ? (a, i, o) -> o.doubles[i] = parts.get(a[0].strings[i]).fractionalOf(a[1].longs[i])
                    : (a, i, o) -> o.longs[i] = parts.get(a[0].strings[i]).of(a[1].longs[i]);
            default -> fractional ? (a, i, o) -> o.doubles[i] = parts.get(a[0].strings[i]).fractionalOf((Interval) a[1].objects[i])
                    : (a, i, o) -> o.longs[i] = parts.get(a[0].strings[i]).of((Interval) a[1].objects[i]);
        };
        return new ScalarFunction(name, args, fractional ? LogicalType.DOUBLE : LogicalType.BIGINT, Kernels.strict(body), true);
    }

    /** year(x), month(x), …: date_part with a fixed part, over DATE, TIMESTAMP and (where defined) INTERVAL. */
    private static void namedParts(FunctionCatalog c) {
        record Named(String name, DatePart part, boolean interval) {}
        List<Named> named = List.of(new Named("year", DatePart.YEAR, true), new Named("month", DatePart.MONTH, true),
                new Named("day", DatePart.DAY, true), new Named("dayofmonth", DatePart.DAY, false),
                new Named("hour", DatePart.HOUR, true), new Named("minute", DatePart.MINUTE, true),
                new Named("second", DatePart.SECOND, true), new Named("millisecond", DatePart.MILLISECOND, true),
                new Named("microsecond", DatePart.MICROSECOND, true), new Named("quarter", DatePart.QUARTER, false),
                new Named("dayofweek", DatePart.DOW, false), new Named("dow", DatePart.DOW, false),
                new Named("weekday", DatePart.DOW, false), new Named("isodow", DatePart.ISODOW, false),
                new Named("dayofyear", DatePart.DOY, false), new Named("doy", DatePart.DOY, false),
                new Named("week", DatePart.WEEK, false), new Named("weekofyear", DatePart.WEEK, false),
                new Named("isoyear", DatePart.ISOYEAR, false), new Named("yearweek", DatePart.YEARWEEK, false),
                new Named("decade", DatePart.DECADE, true), new Named("century", DatePart.CENTURY, true),
                new Named("millennium", DatePart.MILLENNIUM, true), new Named("era", DatePart.ERA, false));
        for (Named n : named) {
            DatePart p = n.part;
            c.addScalar(n.name, Signature.of(DATE), LogicalType.BIGINT, Kernels.strict((a, i, o) -> o.longs[i] = p.ofDays(a[0].ints[i])));
            c.addScalar(n.name, Signature.of(TIMESTAMP), LogicalType.BIGINT, Kernels.strict((a, i, o) -> o.longs[i] = p.of(a[0].longs[i])));
            if (n.interval) {
                c.addScalar(n.name, Signature.of(INTERVAL), LogicalType.BIGINT, Kernels.strict((a, i, o) ->
                        o.longs[i] = p.of((Interval) a[0].objects[i])));
            }
        }
        c.addScalar("julian", Signature.of(DATE), LogicalType.DOUBLE, Kernels.strict((a, i, o) -> o.doubles[i] = DatePart.JULIAN.ofDays(a[0].ints[i])));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static int makeDate(long year, long month, long day) {
        if (month < 1 || month > 12 || day < 1 || Math.abs(year) > 10_000_000 || day > DateTimes.daysInMonth(year, (int) month)
                || !DateTimes.isValidDate(DateTimes.daysFromCivil(year, (int) month, (int) day))) {
            throw MallardException.Data.conversion("Date out of range: " + year + "-" + month + "-" + day);
        }
        return (int) DateTimes.daysFromCivil(year, (int) month, (int) day);
    }

    private static int lastDay(long days) {
        long civil = DateTimes.civilFromDays(days);
        long year = DateTimes.yearOf(civil);
        int month = DateTimes.monthOf(civil);
        return (int) DateTimes.daysFromCivil(year, month, DateTimes.daysInMonth(year, month));
    }

    private static RowKernel strptime(LastCompiled<StrfTime> formats, boolean tryParse) {
        return (a, i, o) -> {
            String[] why = new String[1];
            String text = a[0].strings[i], format = a[1].strings[i];
            long t = formats.get(format).parse(text, why);
            if (t != DateTimes.INVALID) {
                o.longs[i] = t;
            } else if (tryParse) {
                o.setNull(i);
            } else {
                throw MallardException.Data.invalidArgument("Could not parse string \"" + text
                        + "\" according to format specifier \"" + format + "\": " + why[0]);
            }
        };
    }

    /** age(end, start): the difference as years, months, days and time, negated when end is before start. */
    static Interval age(long end, long start) {
        boolean negative = end < start;
        long hi = negative ? start : end, lo = negative ? end : start;
        long hiDays = DateTimes.daysOf(hi), loDays = DateTimes.daysOf(lo);
        long hiTod = DateTimes.timeOfDay(hi), loTod = DateTimes.timeOfDay(lo);
        long hc = DateTimes.civilFromDays(hiDays), lc = DateTimes.civilFromDays(loDays);
        long years = DateTimes.yearOf(hc) - DateTimes.yearOf(lc);
        long months = DateTimes.monthOf(hc) - DateTimes.monthOf(lc);
        long days = DateTimes.dayOf(hc) - DateTimes.dayOf(lc);
        long micros = hiTod - loTod;
        if (micros < 0) {
            micros += DateTimes.MICROS_PER_DAY;
            days--;
        }
        if (days < 0) {
            // DuckDB borrows the length of the earlier date's month (PostgreSQL: the month before the later date).
            days += DateTimes.daysInMonth(DateTimes.yearOf(lc), DateTimes.monthOf(lc));
            months--;
        }
        if (months < 0) {
            months += 12;
            years--;
        }
        Interval iv = new Interval((int) (years * 12 + months), (int) days, micros);
        return negative ? Intervals.negate(iv) : iv;
    }

    private static void intervalOf(FunctionCatalog c, String name, String unit) {
        c.addScalar(name, Signature.of(BIGINT), LogicalType.INTERVAL, Kernels.strict((a, i, o) ->
                o.objects[i] = Intervals.of(a[0].longs[i], unit)));
    }

    /** The local wall-clock time as a TIMESTAMP. */
    static long now() {
        LocalDateTime t = LocalDateTime.now();
        return DateTimes.timestampOf(t.toLocalDate().toEpochDay(), t.getHour(), t.getMinute(),
                t.getSecond() * DateTimes.MICROS_PER_SECOND + t.getNano() / 1000);
    }
}
