package dev.mallard.function.aggregate;

import dev.mallard.MallardException;
import dev.mallard.function.AggregateFunction;
import dev.mallard.function.AggregateState;
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
final class ApproxQuantileState implements AggregateState {
    private final LogicalType type;
    private final LogicalType result;
    private double[][] values = new double[0][];
    private int[] sizes = new int[0];
    private double[] quantiles = new double[0];

    private ApproxQuantileState(LogicalType type, LogicalType result) {
        this.type = type;
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

    @Override
    public void ensureGroups(int groups) {
        values = Capacity.grow(values, groups);
        sizes = Capacity.grow(sizes, groups);
        int before = quantiles.length;
        quantiles = Capacity.grow(quantiles, groups);
        Arrays.fill(quantiles, before, quantiles.length, Double.NaN);
    }

    @Override
    public void update(Vector[] args, int[] sel, int count, int[] groups) {
        Vector v = args[0];
        Vector q = args[1];
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            if (v.isNull(i)) continue;
            int g = groups[k];
            if (Double.isNaN(quantiles[g])) quantiles[g] = quantile(q, i);
            add(g, value(v, i));
        }
    }

    private static double quantile(Vector q, int i) {
        if (q.isNull(i)) throw MallardException.Data.invalidArgument("APPROXIMATE QUANTILE parameter cannot be NULL");
        double d = q.doubles[i];
        if (d < 0 || d > 1) throw MallardException.Data.invalidArgument("APPROXIMATE QUANTILE can only take parameters in the range [0, 1]");
        return d;
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

    private void add(int g, double x) {
        double[] store = values[g];
        int n = sizes[g];
        if (store == null) {
            store = new double[8];
            values[g] = store;
        } else if (n == store.length) {
            store = Arrays.copyOf(store, n * 2);
            values[g] = store;
        }
        store[n] = x;
        sizes[g] = n + 1;
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        ApproxQuantileState o = (ApproxQuantileState) other;
        for (int i = 0; i < count; i++) {
            int g = sources == null ? i : sources[i];
            int t = targets[i];
            if (Double.isNaN(quantiles[t])) quantiles[t] = o.quantiles[g];
            for (int k = 0; k < o.sizes[g]; k++) add(t, o.values[g][k]);
        }
    }

    @Override
    public void finalize(int group, Vector out, int pos) {
        int n = sizes[group];
        if (n == 0) {
            out.setNull(pos);
            return;
        }
        double[] sorted = Arrays.copyOf(values[group], n);
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

    @Override
    public void clear(int group) {
        sizes[group] = 0;
        quantiles[group] = Double.NaN;
    }
}
