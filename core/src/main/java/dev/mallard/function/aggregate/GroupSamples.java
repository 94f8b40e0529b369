package dev.mallard.function.aggregate;

import dev.mallard.MallardException;
import dev.mallard.function.AggregateState;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.util.Arrays;

/**
 * What the quantile aggregates share: every non-NULL value of each group, kept in a vector of the
 * input type, and the quantile q the group's first row asked for (a constant, as DuckDB requires).
 * Subclasses decide how a group's sorted values become the answer.
 */
abstract class GroupSamples implements AggregateState {
    protected final LogicalType type;
    /** q for every group (median's 0.5), or null when it comes from the second argument. */
    private final Double fixedQuantile;
    /** The function as error messages name it: QUANTILE, APPROXIMATE QUANTILE. */
    private final String label;
    protected Vector[] values = new Vector[0];
    protected int[] sizes = new int[0];
    protected double[] quantiles = new double[0];

    GroupSamples(LogicalType type, Double fixedQuantile, String label) {
        this.type = type;
        this.fixedQuantile = fixedQuantile;
        this.label = label;
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
        Vector q = args.length > 1 ? args[1] : null;
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            if (v.isNull(i)) continue;
            int g = groups[k];
            if (Double.isNaN(quantiles[g])) quantiles[g] = fixedQuantile != null ? fixedQuantile : quantile(q, i);
            add(g, v, i);
        }
    }

    private double quantile(Vector q, int i) {
        if (q.isNull(i)) throw MallardException.Data.invalidArgument(label + " parameter cannot be NULL");
        double d = q.doubles[i];
        if (d < 0 || d > 1) throw MallardException.Data.invalidArgument(label + " can only take parameters in the range [0, 1]");
        return d;
    }

    private void add(int g, Vector from, int i) {
        Vector store = values[g];
        int n = sizes[g];
        if (store == null) {
            store = new Vector(type, 8);
            values[g] = store;
        } else if (n == store.capacity()) {
            store.ensureCapacity(n * 2);
        }
        store.copyFrom(from, i, n);
        sizes[g] = n + 1;
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        GroupSamples o = (GroupSamples) other;
        for (int i = 0; i < count; i++) {
            int g = sources == null ? i : sources[i];
            int t = targets[i];
            if (Double.isNaN(quantiles[t])) quantiles[t] = o.quantiles[g];
            for (int k = 0; k < o.sizes[g]; k++) add(t, o.values[g], k);
        }
    }

    @Override
    public void clear(int group) {
        sizes[group] = 0;
        quantiles[group] = Double.NaN;
    }
}
