package dev.mallard.function.aggregate;

import dev.mallard.function.AggregateState;
import dev.mallard.vector.Vector;

/**
 * var_samp, var_pop, stddev_samp, stddev_pop and sem (standard error of the mean,
 * √(var_pop / n)) over DOUBLE with Welford's online algorithm (count,
 * mean and sum of squared deviations per group), merged with Chan's parallel formula. The sample
 * forms are NULL for fewer than two values, the population forms for none.
 */
final class VarianceState implements AggregateState {
    enum Mode { VAR_SAMP, VAR_POP, STDDEV_SAMP, STDDEV_POP, SEM }

    private final Mode mode;
    private long[] counts = new long[0];
    private double[] means = new double[0];
    private double[] m2 = new double[0];

    VarianceState(Mode mode) {
        this.mode = mode;
    }

    @Override
    public void ensureGroups(int groups) {
        counts = Capacity.grow(counts, groups);
        means = Capacity.grow(means, groups);
        m2 = Capacity.grow(m2, groups);
    }

    @Override
    public void update(Vector[] args, int[] sel, int count, int[] groups) {
        Vector v = args[0];
        boolean nulls = v.mayHaveNulls();
        double[] x = v.doubles;
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            if (nulls && v.isNull(i)) continue;
            int g = groups[k];
            long n = ++counts[g];
            double delta = x[i] - means[g];
            means[g] += delta / n;
            m2[g] += delta * (x[i] - means[g]);
        }
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        VarianceState o = (VarianceState) other;
        for (int i = 0; i < count; i++) {
            int g = sources == null ? i : sources[i];
            long nb = o.counts[g];
            if (nb == 0) continue;
            int t = targets[i];
            long na = counts[t];
            long n = na + nb;
            double delta = o.means[g] - means[t];
            means[t] += delta * nb / n;
            m2[t] += o.m2[g] + delta * delta * ((double) na * nb / n);
            counts[t] = n;
        }
    }

    @Override
    public void finalize(int group, Vector out, int pos) {
        long n = counts[group];
        boolean sample = mode == Mode.VAR_SAMP || mode == Mode.STDDEV_SAMP;
        if (n == 0 || sample && n < 2) {
            out.setNull(pos);
            return;
        }
        double variance = m2[group] / (sample ? n - 1 : n);
        out.setNull(pos, false);
        out.doubles[pos] = switch (mode) {
            case STDDEV_SAMP, STDDEV_POP -> Math.sqrt(variance);
            case SEM -> Math.sqrt(variance / n);
            default -> variance;
        };
    }

    @Override
    public void clear(int group) {
        counts[group] = 0;
        means[group] = 0;
        m2[group] = 0;
    }
}
