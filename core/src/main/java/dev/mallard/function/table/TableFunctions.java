package dev.mallard.function.table;

import dev.mallard.MallardException;
import dev.mallard.types.DateTimes;
import dev.mallard.types.Interval;
import dev.mallard.types.TypeId;
import dev.mallard.types.Values;
import java.util.List;
import java.util.Locale;

/**
 * Table functions by name. range(end), range(start, end[, step]) count up (or down, with a negative
 * step) excluding the end; generate_series includes it. Over BIGINT (the column is named after the
 * function) and over TIMESTAMP / DATE with an INTERVAL step (dates count as midnight, the column is
 * TIMESTAMP). A NULL argument gives no rows.
 */
public final class TableFunctions {
    private TableFunctions() {}

    public static BoundTableFunction bind(String name, List<Values.Typed> args) {
        String key = name.toLowerCase(Locale.ROOT);
        return switch (key) {
            case "range" -> series(key, args, false);
            case "generate_series" -> series(key, args, true);
            default -> throw MallardException.Catalog.undefinedFunction("table function " + name + " does not exist"
                    + ("range".startsWith(key) || key.startsWith("generate") ? ". Did you mean \"range\" or \"generate_series\"?" : ""));
        };
    }

    private static BoundTableFunction series(String name, List<Values.Typed> args, boolean inclusive) {
        if (args.isEmpty() || args.size() > 3) {
            throw MallardException.Catalog.undefinedFunction(name + " takes 1 to 3 arguments: " + name
                    + "(end), " + name + "(start, end) or " + name + "(start, end, step)");
        }
        boolean temporal = args.get(0).type().isTemporal();
        if (temporal) return temporalSeries(name, args, inclusive);
        for (Values.Typed a : args) {
            if (!(a.type().isInteger() || a.type().id() == TypeId.NULL)) {
                throw MallardException.Catalog.undefinedFunction("No function matches '" + name + "(" + typeList(args)
                        + ")'. Candidates: " + name + "(BIGINT), " + name + "(BIGINT, BIGINT), " + name
                        + "(BIGINT, BIGINT, BIGINT), " + name + "(TIMESTAMP, TIMESTAMP, INTERVAL)");
            }
        }
        for (Values.Typed a : args) {
            if (a.value() == null) return new IntegerSeries(name, 0, 0, 1, false, true);
        }
        long start = 0, end, step = 1;
        if (args.size() == 1) {
            end = asLong(args.get(0));
        } else {
            start = asLong(args.get(0));
            end = asLong(args.get(1));
            if (args.size() == 3) step = asLong(args.get(2));
        }
        if (step == 0) throw MallardException.Data.invalidArgument("the step of " + name + " must not be zero");
        return new IntegerSeries(name, start, end, step, inclusive, false);
    }

    private static BoundTableFunction temporalSeries(String name, List<Values.Typed> args, boolean inclusive) {
        if (args.size() != 3 || !args.get(1).type().isTemporal() && args.get(1).type().id() != TypeId.NULL
                || args.get(2).type().id() != TypeId.INTERVAL && args.get(2).type().id() != TypeId.NULL) {
            throw MallardException.Catalog.undefinedFunction("No function matches '" + name + "(" + typeList(args)
                    + ")'. Candidates: " + name + "(TIMESTAMP, TIMESTAMP, INTERVAL)");
        }
        for (Values.Typed a : args) {
            if (a.value() == null) return new TimestampSeries(name, 0, 0, new Interval(0, 1, 0), false, true);
        }
        Interval step = (Interval) args.get(2).value();
        if (step.months() == 0 && step.days() == 0 && step.micros() == 0) {
            throw MallardException.Data.invalidArgument("the interval step of " + name + " must not be zero");
        }
        return new TimestampSeries(name, asMicros(args.get(0)), asMicros(args.get(1)), step, inclusive, false);
    }

    private static long asLong(Values.Typed v) {
        return ((Number) v.value()).longValue();
    }

    private static long asMicros(Values.Typed v) {
        long x = ((Number) v.value()).longValue();
        return v.type().id() == TypeId.DATE ? DateTimes.dateToTimestamp(x) : x;
    }

    private static String typeList(List<Values.Typed> args) {
        return String.join(", ", args.stream().map(a -> a.type().toString()).toList());
    }
}
