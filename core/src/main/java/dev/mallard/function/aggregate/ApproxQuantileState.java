package dev.mallard.function.aggregate;

import dev.mallard.MallardException;
import dev.mallard.function.AggregateFunction;
import dev.mallard.function.DecimalMath;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * approx_quantile(x, q) as DuckDB answers it, computed exactly. DuckDB keeps a t-digest; with
 * every value its own centroid, a t-digest puts the k-th smallest of n values at rank k + 0.5 and
 * interpolates between those ranks, so q falls at the 0-based position {@code q·n - 0.5} (clamped
 * to the first and last values), not at quantile_cont's {@code q·(n-1)}. This state keeps the
 * values and interpolates at that position, which is what the digest approximates (and what it
 * gives exactly on small inputs, where SUMMARIZE is usually compared).
 *
 * <p>The result has the input's type, as in DuckDB: integers, dates and timestamps round the
 * interpolated value half to even (C's nearbyint, which DuckDB's cast uses); DECIMAL input, which
 * DuckDB binds to the BIGINT overload (HUGEINT past 18 digits), is rounded to whole numbers first
 * and gives BIGINT (DECIMAL(38,0), Mallard's HUGEINT). Values are held as doubles: exact for
 * integers and timestamps up to 2^53.
 */
final class ApproxQuantileState extends GroupSamples {
    private final LogicalType result;

    private ApproxQuantileState(LogicalType type, LogicalType result) {
        super(type, null, "APPROXIMATE QUANTILE");
        this.result = result;
    }

    /** The approx_quantile(ANY, DOUBLE) overload for {@code args}; numbers, dates and timestamps only. */
    static AggregateFunction function(String name, List<LogicalType> args) {
        LogicalType t = args.get(0);
        LogicalType result = switch (t.id()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DATE, TIMESTAMP -> t;
            case DECIMAL -> t.precision() <= LogicalType.MAX_INT64_DECIMAL_PRECISION ? LogicalType.BIGINT : LogicalType.decimal(38, 0);
            default -> throw MallardException.Binder.typeMismatch(name + " is not defined for " + t
                    + ": it takes numbers, dates and timestamps");
        };
        return new AggregateFunction(name, args, result, () -> new ApproxQuantileState(t, result));
    }

    private double value(Vector v, int i) {
        return switch (type.id()) {
            case TINYINT, SMALLINT, INTEGER, DATE -> v.ints[i];
            case BIGINT, TIMESTAMP -> v.longs[i];
            case REAL, DOUBLE -> v.doubles[i];
            // DECIMAL → BIGINT rounds half away from zero, as CAST does.
            case DECIMAL -> new BigDecimal(DecimalMath.unscaled(v, i), type.scale()).setScale(0, RoundingMode.HALF_UP).doubleValue();
            default -> throw new IllegalStateException("approx_quantile of " + type);
        };
    }

    @Override
    public void finalize(int group, Vector out, int pos) {
        int n = sizes[group];
        if (n == 0) {
            out.setNull(pos);
            return;
        }
        double[] sorted = new double[n];
        for (int k = 0; k < n; k++) sorted[k] = value(values[group], k);
        Arrays.sort(sorted);
        double position = quantiles[group] * n - 0.5;
        double r;
        if (position <= 0) {
            r = sorted[0];
        } else if (position >= n - 1) {
            r = sorted[n - 1];
        } else {
            int lo = (int) Math.floor(position);
            double f = position - lo;
            r = f == 0 ? sorted[lo] : sorted[lo] + (sorted[lo + 1] - sorted[lo]) * f;
        }
        out.setNull(pos, false);
        switch (type.id()) {
            case TINYINT, SMALLINT, INTEGER, DATE -> out.ints[pos] = (int) Math.rint(r);
            case BIGINT, TIMESTAMP -> out.longs[pos] = (long) Math.rint(r);
            case DECIMAL -> {
                if (result.id() == dev.mallard.types.TypeId.BIGINT) out.longs[pos] = (long) Math.rint(r);
                else DecimalMath.store(out, pos, new BigDecimal(r).setScale(0, RoundingMode.HALF_EVEN).toBigInteger());
            }
            case REAL -> out.doubles[pos] = (float) r;
            case DOUBLE -> out.doubles[pos] = r;
            default -> throw new IllegalStateException("approx_quantile of " + type);
        }
    }
}
