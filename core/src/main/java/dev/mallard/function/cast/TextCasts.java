package dev.mallard.function.cast;

import dev.mallard.function.DecimalMath;
import dev.mallard.function.RowKernel;
import dev.mallard.types.DateTimes;
import dev.mallard.types.Interval;
import dev.mallard.types.Intervals;
import dev.mallard.types.LogicalType;
import dev.mallard.types.NumericText;

/**
 * Casts between VARCHAR and every other type. Values print as {@link dev.mallard.types.Values#toText}
 * shows them; text parses with surrounding whitespace allowed (see {@link NumberParsing} and
 * {@link DateTimes}).
 */
final class TextCasts {
    private TextCasts() {}

    static RowKernel toText(LogicalType from) {
        return switch (from.id()) {
            case BOOLEAN -> (a, i, o) -> o.strings[i] = a[0].bools[i] ? "true" : "false";
            case TINYINT, SMALLINT, INTEGER -> (a, i, o) -> o.strings[i] = Integer.toString(a[0].ints[i]);
            case BIGINT -> (a, i, o) -> o.strings[i] = Long.toString(a[0].longs[i]);
            case REAL -> (a, i, o) -> o.strings[i] = NumericText.formatFloat((float) a[0].doubles[i]);
            case DOUBLE -> (a, i, o) -> o.strings[i] = NumericText.formatDouble(a[0].doubles[i]);
            case DECIMAL -> {
                int scale = from.scale();
                if (DecimalMath.isNarrow(from)) yield (a, i, o) -> o.strings[i] = NumericText.formatDecimal(a[0].longs[i], scale);
                yield (a, i, o) -> o.strings[i] = NumericText.formatDecimal(a[0].highs[i], a[0].longs[i], scale);
            }
            case VARCHAR -> (a, i, o) -> o.strings[i] = a[0].strings[i];
            case DATE -> (a, i, o) -> o.strings[i] = DateTimes.formatDate(a[0].ints[i]);
            case TIMESTAMP -> (a, i, o) -> o.strings[i] = DateTimes.formatTimestamp(a[0].longs[i]);
            case INTERVAL -> (a, i, o) -> o.strings[i] = Intervals.format((Interval) a[0].objects[i]);
            case NULL -> (a, i, o) -> o.setNull(i);
        };
    }

    static RowKernel fromText(LogicalType to) {
        return switch (to.id()) {
            case BOOLEAN -> (a, i, o) -> o.bools[i] = NumberParsing.parseBoolean(a[0].strings[i]);
            case TINYINT, SMALLINT, INTEGER -> {
                long min = NumericCasts.minOf(to.id()), max = NumericCasts.maxOf(to.id());
                yield (a, i, o) -> o.ints[i] = (int) NumberParsing.parseInteger(a[0].strings[i], min, max);
            }
            case BIGINT -> (a, i, o) -> o.longs[i] = NumberParsing.parseInteger(a[0].strings[i], Long.MIN_VALUE, Long.MAX_VALUE);
            case REAL -> (a, i, o) -> o.doubles[i] = NumericCasts.toFloat(NumberParsing.parseDouble(a[0].strings[i]));
            case DOUBLE -> (a, i, o) -> o.doubles[i] = NumberParsing.parseDouble(a[0].strings[i]);
            case DECIMAL -> {
                int p = to.precision(), s = to.scale();
                if (DecimalMath.isNarrow(to)) yield (a, i, o) -> o.longs[i] = NumberParsing.parseDecimal(a[0].strings[i], p, s);
                yield (a, i, o) -> DecimalMath.store(o, i, NumberParsing.parseDecimalWide(a[0].strings[i], p, s));
            }
            case VARCHAR -> (a, i, o) -> o.strings[i] = a[0].strings[i];
            case DATE -> (a, i, o) -> {
                long d = DateTimes.tryParseDate(a[0].strings[i]);
                if (d == DateTimes.INVALID) throw CastFailed.INVALID;
                o.ints[i] = (int) d;
            };
            case TIMESTAMP -> (a, i, o) -> {
                long t = DateTimes.tryParseTimestamp(a[0].strings[i]);
                if (t == DateTimes.INVALID) throw CastFailed.INVALID;
                o.longs[i] = t;
            };
            case INTERVAL -> (a, i, o) -> {
                Interval iv = Intervals.tryParse(a[0].strings[i]);
                if (iv == null) throw CastFailed.INVALID;
                o.objects[i] = iv;
            };
            case NULL -> (a, i, o) -> o.setNull(i);
        };
    }
}
