package dev.mallard.function.aggregate;

import dev.mallard.function.AggregateState;
import dev.mallard.vector.Vector;

/**
 * covar_samp, covar_pop and corr of (y, x) pairs where both are non-NULL, with the online
 * co-moment algorithm: count, both means, the co-moment and both second moments per group.
 */
final class CovarianceState implements AggregateState {
    enum Mode { COVAR_SAMP, COVAR_POP, CORR }

    private final Mode mode;
    private long[] counts = new long[0];
    private double[] meanX = new double[0], meanY = new double[0];
    private double[] coMoment = new double[0], m2x = new double[0], m2y = new double[0];

    CovarianceState(Mode mode) {
        this.mode = mode;
    }

    @Override
    public void ensureGroups(int groups) {
        counts = Capacity.grow(counts, groups);
        meanX = Capacity.grow(meanX, groups);
        meanY = Capacity.grow(meanY, groups);
        coMoment = Capacity.grow(coMoment, groups);
        m2x = Capacity.grow(m2x, groups);
        m2y = Capacity.grow(m2y, groups);
    }

    @Override
    public void update(Vector[] args, int[] sel, int count, int[] groups) {
        Vector ys = args[0], xs = args[1];
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            if (ys.isNull(i) || xs.isNull(i)) continue;
            int g = groups[k];
            double y = ys.doubles[i], x = xs.doubles[i];
            long n = ++counts[g];
            double dx = x - meanX[g];
            meanX[g] += dx / n;
            double dy = y - meanY[g];
            meanY[g] += dy / n;
            coMoment[g] += dx * (y - meanY[g]);
            m2x[g] += dx * (x - meanX[g]);
            m2y[g] += dy * (y - meanY[g]);
        }
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        CovarianceState o = (CovarianceState) other;
        for (int i = 0; i < count; i++) {
            int g = sources == null ? i : sources[i];
            long nb = o.counts[g];
            if (nb == 0) continue;
            int t = targets[i];
            long na = counts[t], n = na + nb;
            double dx = o.meanX[g] - meanX[t], dy = o.meanY[g] - meanY[t];
            double f = (double) na * nb / n;
            coMoment[t] += o.coMoment[g] + dx * dy * f;
            m2x[t] += o.m2x[g] + dx * dx * f;
            m2y[t] += o.m2y[g] + dy * dy * f;
            meanX[t] += dx * nb / n;
            meanY[t] += dy * nb / n;
            counts[t] = n;
        }
    }

    @Override
    public void finalize(int group, Vector out, int pos) {
        long n = counts[group];
        double r;
        switch (mode) {
            case COVAR_POP -> {
                if (n == 0) {
                    out.setNull(pos);
                    return;
                }
                r = coMoment[group] / n;
            }
            case COVAR_SAMP -> {
                if (n < 2) {
                    out.setNull(pos);
                    return;
                }
                r = coMoment[group] / (n - 1);
            }
            default -> {
                double denominator = Math.sqrt(m2x[group] * m2y[group]);
                if (n == 0 || denominator == 0) {
                    out.setNull(pos);
                    return;
                }
                r = coMoment[group] / denominator;
            }
        }
        out.setNull(pos, false);
        out.doubles[pos] = r;
    }

    @Override
    public void clear(int group) {
        counts[group] = 0;
        meanX[group] = meanY[group] = coMoment[group] = m2x[group] = m2y[group] = 0;
    }
}
