package dev.mallard.function.aggregate;

import dev.mallard.function.AggregateState;
import dev.mallard.vector.Vector;
import java.util.Arrays;

/** sum, avg and product of DOUBLE (REAL arrives cast to DOUBLE): a {@code double} and a count per group. */
final class DoubleSumState implements AggregateState {
    enum Mode { SUM, AVG, PRODUCT }

    private final Mode mode;
    private double[] values = new double[0];
    private long[] counts = new long[0];

    DoubleSumState(Mode mode) {
        this.mode = mode;
    }

    @Override
    public void ensureGroups(int groups) {
        int before = values.length;
        values = Capacity.grow(values, groups);
        counts = Capacity.grow(counts, groups);
        if (mode == Mode.PRODUCT) Arrays.fill(values, before, values.length, 1.0);
    }

    @Override
    public void update(Vector[] args, int[] sel, int count, int[] groups) {
        Vector v = args[0];
        boolean nulls = v.mayHaveNulls();
        double[] x = v.doubles, s = values;
        long[] c = counts;
        boolean product = mode == Mode.PRODUCT;
        if (!nulls && !product && GroupIds.single(groups, count)) {
            int g = groups[0];
            double acc = s[g];
            if (sel == null) for (int k = 0; k < count; k++) acc += x[k];
            else for (int k = 0; k < count; k++) acc += x[sel[k]];
            s[g] = acc;
            c[g] += count;
            return;
        }
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            if (nulls && v.isNull(i)) continue;
            int g = groups[k];
            if (product) s[g] *= x[i];
            else s[g] += x[i];
            c[g]++;
        }
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        DoubleSumState o = (DoubleSumState) other;
        for (int i = 0; i < count; i++) {
            int g = sources == null ? i : sources[i];
            int t = targets[i];
            if (mode == Mode.PRODUCT) values[t] *= o.values[g];
            else values[t] += o.values[g];
            counts[t] += o.counts[g];
        }
    }

    @Override
    public void finalize(int group, Vector out, int pos) {
        long n = counts[group];
        if (n == 0) {
            out.setNull(pos);
            return;
        }
        out.setNull(pos, false);
        out.doubles[pos] = mode == Mode.AVG ? values[group] / n : values[group];
    }

    @Override
    public void clear(int group) {
        values[group] = mode == Mode.PRODUCT ? 1.0 : 0.0;
        counts[group] = 0;
    }
}
