package dev.mallard.function.scalar;

import static dev.mallard.types.TypeId.BIGINT;
import static dev.mallard.types.TypeId.DATE;
import static dev.mallard.types.TypeId.DOUBLE;
import static dev.mallard.types.TypeId.INTEGER;
import static dev.mallard.types.TypeId.INTERVAL;
import static dev.mallard.types.TypeId.TIMESTAMP;

import dev.mallard.MallardException;
import dev.mallard.function.FunctionCatalog;
import dev.mallard.function.Kernels;
import dev.mallard.function.RowKernel;
import dev.mallard.function.Signature;
import dev.mallard.types.DateTimes;
import dev.mallard.types.Interval;
import dev.mallard.types.Intervals;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.vector.Vector;

/**
 * Operators on dates, timestamps and intervals (DuckDB's set): DATE ± INTEGER → DATE (days),
 * DATE - DATE → BIGINT (days), DATE ± INTERVAL → TIMESTAMP, TIMESTAMP ± INTERVAL → TIMESTAMP,
 * TIMESTAMP - TIMESTAMP → INTERVAL (days and microseconds), INTERVAL ± INTERVAL, INTERVAL × number,
 * INTERVAL / number and -INTERVAL. Adding months clamps the day to the month's end.
 */
public final class TemporalArithmetic {
    private TemporalArithmetic() {}

    public static void register(FunctionCatalog c) {
        c.addScalar("+", Signature.of(DATE, INTEGER), LogicalType.DATE,
                Kernels.strict((a, i, o) -> o.ints[i] = addDays(a[0].ints[i], a[1].ints[i])));
        c.addScalar("+", Signature.of(INTEGER, DATE), LogicalType.DATE,
                Kernels.strict((a, i, o) -> o.ints[i] = addDays(a[1].ints[i], a[0].ints[i])));
        c.addScalar("-", Signature.of(DATE, INTEGER), LogicalType.DATE,
                Kernels.strict((a, i, o) -> o.ints[i] = addDays(a[0].ints[i], -(long) a[1].ints[i])));
        c.addScalar("-", Signature.of(DATE, DATE), LogicalType.BIGINT,
                Kernels.strict((a, i, o) -> o.longs[i] = (long) a[0].ints[i] - a[1].ints[i]));

        c.addScalar("+", Signature.of(DATE, INTERVAL), LogicalType.TIMESTAMP, Kernels.strict((a, i, o) ->
                o.longs[i] = DateTimes.addInterval(DateTimes.dateToTimestamp(a[0].ints[i]), (Interval) a[1].objects[i])));
        c.addScalar("+", Signature.of(INTERVAL, DATE), LogicalType.TIMESTAMP, Kernels.strict((a, i, o) ->
                o.longs[i] = DateTimes.addInterval(DateTimes.dateToTimestamp(a[1].ints[i]), (Interval) a[0].objects[i])));
        c.addScalar("-", Signature.of(DATE, INTERVAL), LogicalType.TIMESTAMP, Kernels.strict((a, i, o) ->
                o.longs[i] = DateTimes.subtractInterval(DateTimes.dateToTimestamp(a[0].ints[i]), (Interval) a[1].objects[i])));

        c.addScalar("+", Signature.of(TIMESTAMP, INTERVAL), LogicalType.TIMESTAMP, Kernels.strict((a, i, o) ->
                o.longs[i] = DateTimes.addInterval(a[0].longs[i], (Interval) a[1].objects[i])));
        c.addScalar("+", Signature.of(INTERVAL, TIMESTAMP), LogicalType.TIMESTAMP, Kernels.strict((a, i, o) ->
                o.longs[i] = DateTimes.addInterval(a[1].longs[i], (Interval) a[0].objects[i])));
        c.addScalar("-", Signature.of(TIMESTAMP, INTERVAL), LogicalType.TIMESTAMP, Kernels.strict((a, i, o) ->
                o.longs[i] = DateTimes.subtractInterval(a[0].longs[i], (Interval) a[1].objects[i])));
        c.addScalar("-", Signature.of(TIMESTAMP, TIMESTAMP), LogicalType.INTERVAL, Kernels.strict((a, i, o) ->
                o.objects[i] = Intervals.between(a[1].longs[i], a[0].longs[i])));

        interval(c, "+", INTERVAL, (a, i, o) -> o.objects[i] = Intervals.add(iv(a, 0, i), iv(a, 1, i)));
        interval(c, "-", INTERVAL, (a, i, o) -> o.objects[i] = Intervals.subtract(iv(a, 0, i), iv(a, 1, i)));
        c.addScalar("-", Signature.of(INTERVAL), LogicalType.INTERVAL,
                Kernels.strict((a, i, o) -> o.objects[i] = Intervals.negate(iv(a, 0, i))));
        c.addScalar("+", Signature.of(INTERVAL), LogicalType.INTERVAL, Kernels.strict((a, i, o) -> o.objects[i] = iv(a, 0, i)));
        interval(c, "*", BIGINT, (a, i, o) -> o.objects[i] = Intervals.multiply(iv(a, 0, i), a[1].longs[i]));
        c.addScalar("*", Signature.of(BIGINT, INTERVAL), LogicalType.INTERVAL,
                Kernels.strict((a, i, o) -> o.objects[i] = Intervals.multiply(iv(a, 1, i), a[0].longs[i])));
        interval(c, "*", DOUBLE, (a, i, o) -> o.objects[i] = Intervals.multiply(iv(a, 0, i), a[1].doubles[i]));
        c.addScalar("*", Signature.of(DOUBLE, INTERVAL), LogicalType.INTERVAL,
                Kernels.strict((a, i, o) -> o.objects[i] = Intervals.multiply(iv(a, 1, i), a[0].doubles[i])));
        interval(c, "/", DOUBLE, (a, i, o) -> o.objects[i] = Intervals.divide(iv(a, 0, i), a[1].doubles[i]));
    }

    private static void interval(FunctionCatalog c, String name, TypeId right, RowKernel body) {
        c.addScalar(name, Signature.of(INTERVAL, right), LogicalType.INTERVAL, Kernels.strict(body));
    }

    private static Interval iv(Vector[] a, int arg, int i) {
        return (Interval) a[arg].objects[i];
    }

    private static int addDays(long days, long n) {
        long r = days + n;
        if (!DateTimes.isValidDate(r)) {
            throw MallardException.Data.outOfRange("Date out of range: " + DateTimes.formatDate(days) + " + " + n + " days");
        }
        return (int) r;
    }
}
