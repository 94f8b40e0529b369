package dev.mallard.function.aggregate;

import dev.mallard.MallardException;
import dev.mallard.function.DecimalMath;
import dev.mallard.function.ValueComparator;
import dev.mallard.types.DateTimes;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.vector.Vector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * median, quantile_cont(x, q) and quantile_disc(x, q): each group keeps its values and sorts them
 * once when finalized. quantile_disc takes the value at index ceil(n · q) - 1 (as DuckDB and
 * PostgreSQL's percentile_disc); quantile_cont (and median) interpolate between the values at
 * floor and ceil of (n - 1) · q for numbers, dates and timestamps —
 * integers and doubles give DOUBLE, decimals keep their type (truncated to the scale), dates give
 * TIMESTAMP — and fall back to the discrete value for other types (median of VARCHAR is the lower
 * middle value, as in DuckDB). q is read from the first row of each group (DuckDB requires a constant).
 * mad (median absolute deviation) is the median of |x - median(x)|: DOUBLE, or the input's DECIMAL type.
 */
final class QuantileState extends GroupSamples {
    private final boolean continuous;
    private final boolean mad;
    private final ValueComparator comparator;

    /** @param fixedQuantile 0.5 for median, null when q comes from the second argument */
    QuantileState(boolean continuous, Double fixedQuantile, LogicalType type) {
        this(continuous, fixedQuantile, type, false);
    }

    /** The median absolute deviation of a numeric type. */
    static QuantileState mad(LogicalType type) {
        return new QuantileState(true, 0.5, type, true);
    }

    private QuantileState(boolean continuous, Double fixedQuantile, LogicalType type, boolean mad) {
        super(type, fixedQuantile, "QUANTILE");
        this.mad = mad;
        this.continuous = continuous;
        this.comparator = ValueComparator.of(type);
    }

    /** The result type for a value type: see the class comment. */
    static LogicalType resultType(LogicalType t, boolean continuous) {
        if (!continuous) return t;
        return switch (t.id()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE -> LogicalType.DOUBLE;
            case DATE, TIMESTAMP -> LogicalType.TIMESTAMP;
            default -> t;
        };
    }

    @Override
    public void finalize(int group, Vector out, int pos) {
        int n = sizes[group];
        if (n == 0) {
            out.setNull(pos);
            return;
        }
        Vector store = values[group];
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        Arrays.sort(order, (x, y) -> comparator.compare(store, x, store, y));
        double q = quantiles[group];
        out.setNull(pos, false);
        if (mad) {
            writeMad(store, order, out, pos);
            return;
        }
        if (!continuous || !interpolable(type.id())) {
            int index = Math.max(0, (int) Math.ceil(n * q) - 1);
            out.copyFrom(store, order[Math.min(index, n - 1)], pos);
            return;
        }
        double position = (n - 1) * q;
        int lo = (int) Math.floor(position);
        int hi = (int) Math.ceil(position);
        double fraction = position - lo;
        int a = order[lo], b = order[hi];
        switch (type.id()) {
            case TINYINT, SMALLINT, INTEGER -> out.doubles[pos] = lerp(store.ints[a], store.ints[b], fraction);
            case BIGINT -> out.doubles[pos] = lerp(store.longs[a], store.longs[b], fraction);
            case REAL, DOUBLE -> out.doubles[pos] = lerp(store.doubles[a], store.doubles[b], fraction);
            case DATE -> out.longs[pos] = lerpMicros(store.ints[a] * DateTimes.MICROS_PER_DAY, store.ints[b] * DateTimes.MICROS_PER_DAY, fraction);
            case TIMESTAMP -> out.longs[pos] = lerpMicros(store.longs[a], store.longs[b], fraction);
            case DECIMAL -> {
                BigDecimal x = new BigDecimal(DecimalMath.unscaled(store, a), type.scale());
                BigDecimal y = new BigDecimal(DecimalMath.unscaled(store, b), type.scale());
                BigDecimal r = x.add(y.subtract(x).multiply(BigDecimal.valueOf(fraction))).setScale(type.scale(), RoundingMode.DOWN);
                DecimalMath.store(out, pos, r.unscaledValue());
            }
            default -> out.copyFrom(store, a, pos);
        }
    }

    private void writeMad(Vector store, Integer[] order, Vector out, int pos) {
        int n = order.length;
        BigDecimal[] sorted = new BigDecimal[n];
        for (int k = 0; k < n; k++) sorted[k] = numeric(store, order[k]);
        BigDecimal median = middle(sorted);
        BigDecimal[] deviations = new BigDecimal[n];
        for (int k = 0; k < n; k++) deviations[k] = sorted[k].subtract(median).abs();
        Arrays.sort(deviations);
        BigDecimal result = middle(deviations);
        switch (type.id()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE -> out.doubles[pos] = result.doubleValue();
            case DECIMAL -> DecimalMath.store(out, pos, result.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue());
            default -> throw new IllegalStateException("mad of " + type);
        }
    }

    private BigDecimal numeric(Vector v, int i) {
        return switch (type.id()) {
            case TINYINT, SMALLINT, INTEGER -> BigDecimal.valueOf(v.ints[i]);
            case BIGINT -> BigDecimal.valueOf(v.longs[i]);
            case REAL, DOUBLE -> new BigDecimal(v.doubles[i]);
            case DECIMAL -> new BigDecimal(DecimalMath.unscaled(v, i), type.scale());
            default -> throw MallardException.Data.invalidArgument("mad is not defined for " + type);
        };
    }

    /** Median of sorted numbers (the mean of the two middle values for an even count). */
    private static BigDecimal middle(BigDecimal[] sorted) {
        int n = sorted.length;
        if (n % 2 == 1) return sorted[n / 2];
        return sorted[n / 2 - 1].add(sorted[n / 2]).divide(BigDecimal.valueOf(2));
    }

    private static boolean interpolable(TypeId id) {
        return switch (id) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL, DATE, TIMESTAMP -> true;
            default -> false;
        };
    }

    private static double lerp(double x, double y, double f) {
        return f == 0 ? x : x + (y - x) * f;
    }

    private static long lerpMicros(long x, long y, double f) {
        return x + Math.round((y - x) * f);
    }
}
