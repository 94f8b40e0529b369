package dev.mallard.function.aggregate;

import dev.mallard.function.AggregateState;
import dev.mallard.vector.Vector;

/**
 * fsum / kahan_sum / sumkahan and favg: compensated (Kahan–Babuška) summation, which keeps
 * sums of many doubles accurate to the last bit in practice. A sum and a compensation per group.
 */
final class KahanSumState implements AggregateState {
    private final boolean average;
    private double[] sums = new double[0], errors = new double[0];
    private long[] counts = new long[0];

    KahanSumState(boolean average) {
        this.average = average;
    }

    @Override
    public void ensureGroups(int groups) {
        sums = Capacity.grow(sums, groups);
        errors = Capacity.grow(errors, groups);
        counts = Capacity.grow(counts, groups);
    }

    private void add(int g, double x) {
        double s = sums[g], t = s + x;
        errors[g] += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
        sums[g] = t;
    }

    @Override
    public void update(Vector[] args, int[] sel, int count, int[] groups) {
        Vector v = args[0];
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            if (v.isNull(i)) continue;
            add(groups[k], v.doubles[i]);
            counts[groups[k]]++;
        }
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        KahanSumState o = (KahanSumState) other;
        for (int i = 0; i < count; i++) {
            int g = sources == null ? i : sources[i];
            int t = targets[i];
            add(t, o.sums[g]);
            errors[t] += o.errors[g];
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
        double total = sums[group] + errors[group];
        out.setNull(pos, false);
        out.doubles[pos] = average ? total / n : total;
    }

    @Override
    public void clear(int group) {
        sums[group] = errors[group] = 0;
        counts[group] = 0;
    }
}
