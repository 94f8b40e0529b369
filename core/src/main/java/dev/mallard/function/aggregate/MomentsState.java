package dev.mallard.function.aggregate;

import dev.mallard.function.AggregateState;
import dev.mallard.vector.Vector;

/**
 * skewness and kurtosis over DOUBLE from the power sums Σx, Σx², Σx³, Σx⁴ (which merge by
 * addition), with DuckDB's sample formulas: skewness needs three values, kurtosis (excess) four;
 * a zero variance gives NULL.
 */
final class MomentsState implements AggregateState {
    enum Mode { SKEWNESS, KURTOSIS }

    private final Mode mode;
    private long[] counts = new long[0];
    private double[] s1 = new double[0], s2 = new double[0], s3 = new double[0], s4 = new double[0];

    MomentsState(Mode mode) {
        this.mode = mode;
    }

    @Override
    public void ensureGroups(int groups) {
        counts = Capacity.grow(counts, groups);
        s1 = Capacity.grow(s1, groups);
        s2 = Capacity.grow(s2, groups);
        s3 = Capacity.grow(s3, groups);
        s4 = Capacity.grow(s4, groups);
    }

    @Override
    public void update(Vector[] args, int[] sel, int count, int[] groups) {
        Vector v = args[0];
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            if (v.isNull(i)) continue;
            int g = groups[k];
            double x = v.doubles[i], x2 = x * x;
            counts[g]++;
            s1[g] += x;
            s2[g] += x2;
            s3[g] += x2 * x;
            s4[g] += x2 * x2;
        }
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        MomentsState o = (MomentsState) other;
        for (int i = 0; i < count; i++) {
            int g = sources == null ? i : sources[i];
            int t = targets[i];
            counts[t] += o.counts[g];
            s1[t] += o.s1[g];
            s2[t] += o.s2[g];
            s3[t] += o.s3[g];
            s4[t] += o.s4[g];
        }
    }

    @Override
    public void finalize(int group, Vector out, int pos) {
        double n = counts[group], sum = s1[group], sumSq = s2[group], sumCub = s3[group], sumFour = s4[group];
        double r = Double.NaN;
        double temp = 1 / n;
        if (mode == Mode.SKEWNESS) {
            if (n > 2) {
                double div = Math.sqrt(Math.pow(temp * (sumSq - sum * sum * temp), 3));
                if (div != 0) {
                    r = Math.sqrt(n * (n - 1)) / (n - 2) * temp
                            * (sumCub - 3 * sumSq * sum * temp + 2 * Math.pow(sum, 3) * temp * temp) / div;
                }
            }
        } else if (n > 3) {
            double m4 = temp * (sumFour - 4 * sumCub * sum * temp + 6 * sumSq * sum * sum * temp * temp
                    - 3 * Math.pow(sum, 4) * Math.pow(temp, 3));
            double m2 = temp * (sumSq - sum * sum * temp);
            if (m2 > 0) r = (n - 1) * ((n + 1) * m4 / (m2 * m2) - 3 * (n - 1)) / ((n - 2) * (n - 3));
        }
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            out.setNull(pos);
            return;
        }
        out.setNull(pos, false);
        out.doubles[pos] = r;
    }

    @Override
    public void clear(int group) {
        counts[group] = 0;
        s1[group] = s2[group] = s3[group] = s4[group] = 0;
    }
}
