package dev.mallard.function.aggregate;

import dev.mallard.function.AggregateState;
import dev.mallard.vector.Vector;
import java.util.Arrays;

/** sum, avg and product of DOUBLE (REAL arrives cast to DOUBLE): a {@code double} and a count per group. */
final class DoubleSumState implements AggregateState {
    enum Mode { SUM, AVG, PRODUCT }

    /**
     * Up to this many groups, rows are added into {@link #LANES} partial sums per group, row k
     * into lane k % LANES, folded into the group's sum before it is read. With few groups most
     * rows add to a slot the row before also added to, and each addition waits for the previous
     * one's store to reach its load; four lanes make four independent chains (2.5x faster on
     * flags-like groups). More groups spread rows out by themselves, and lanes would only cost.
     */
    private static final int LANE_GROUPS = 16;
    private static final int LANES = 4;

    private final Mode mode;
    private double[] values = new double[0];
    private long[] counts = new long[0];
    private int groupCount;
    /** Partial sums and counts at {@code group * LANES + lane}; null until used, and once the groups outgrow them. */
    private double[] laneValues;
    private long[] laneCounts;
    private boolean lanesHoldRows;

    DoubleSumState(Mode mode) {
        this.mode = mode;
    }

    @Override
    public void ensureGroups(int groups) {
        int before = values.length;
        values = Capacity.grow(values, groups);
        counts = Capacity.grow(counts, groups);
        if (mode == Mode.PRODUCT) Arrays.fill(values, before, values.length, 1.0);
        groupCount = Math.max(groupCount, groups);
        if (groupCount > LANE_GROUPS && laneValues != null) {
            foldLanes();
            laneValues = null;
            laneCounts = null;
        }
    }

    @Override
    public void update(Vector[] args, int[] sel, int count, int[] groups) {
        Vector v = args[0];
        boolean nulls = v.mayHaveNulls();
        double[] x = v.doubles, s = values;
        long[] c = counts;
        boolean product = mode == Mode.PRODUCT;
        if (!nulls && !product && GroupIds.single(groups, count)) {
            // four running sums: one would chain every addition to the previous one's result
            int g = groups[0];
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            int k = 0;
            if (sel == null) {
                for (; k + 3 < count; k += 4) {
                    a0 += x[k];
                    a1 += x[k + 1];
                    a2 += x[k + 2];
                    a3 += x[k + 3];
                }
                for (; k < count; k++) a0 += x[k];
            } else {
                for (; k + 3 < count; k += 4) {
                    a0 += x[sel[k]];
                    a1 += x[sel[k + 1]];
                    a2 += x[sel[k + 2]];
                    a3 += x[sel[k + 3]];
                }
                for (; k < count; k++) a0 += x[sel[k]];
            }
            s[g] += (a0 + a1) + (a2 + a3);
            c[g] += count;
            return;
        }
        if (!nulls && !product && groupCount <= LANE_GROUPS) {
            updateLanes(x, sel, count, groups);
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

    private void updateLanes(double[] x, int[] sel, int count, int[] groups) {
        if (laneValues == null) {
            laneValues = new double[LANE_GROUPS * LANES];
            laneCounts = new long[LANE_GROUPS * LANES];
        }
        double[] a = laneValues;
        long[] n = laneCounts;
        int k = 0;
        if (sel == null) {
            for (; k + 3 < count; k += 4) {
                int q0 = groups[k] * LANES, q1 = groups[k + 1] * LANES + 1, q2 = groups[k + 2] * LANES + 2, q3 = groups[k + 3] * LANES + 3;
                a[q0] += x[k];
                a[q1] += x[k + 1];
                a[q2] += x[k + 2];
                a[q3] += x[k + 3];
                n[q0]++;
                n[q1]++;
                n[q2]++;
                n[q3]++;
            }
        } else {
            for (; k + 3 < count; k += 4) {
                int q0 = groups[k] * LANES, q1 = groups[k + 1] * LANES + 1, q2 = groups[k + 2] * LANES + 2, q3 = groups[k + 3] * LANES + 3;
                a[q0] += x[sel[k]];
                a[q1] += x[sel[k + 1]];
                a[q2] += x[sel[k + 2]];
                a[q3] += x[sel[k + 3]];
                n[q0]++;
                n[q1]++;
                n[q2]++;
                n[q3]++;
            }
        }
        for (; k < count; k++) {
            int q = groups[k] * LANES;
            a[q] += x[sel == null ? k : sel[k]];
            n[q]++;
        }
        lanesHoldRows = true;
    }

    /** Adds the lanes into the groups' sums and counts, and empties them. */
    private void foldLanes() {
        if (!lanesHoldRows) return;
        double[] a = laneValues;
        long[] n = laneCounts;
        for (int g = 0, q = 0; g < Math.min(groupCount, LANE_GROUPS); g++, q += LANES) {
            values[g] += (a[q] + a[q + 1]) + (a[q + 2] + a[q + 3]);
            counts[g] += n[q] + n[q + 1] + n[q + 2] + n[q + 3];
        }
        Arrays.fill(a, 0.0);
        Arrays.fill(n, 0L);
        lanesHoldRows = false;
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        DoubleSumState o = (DoubleSumState) other;
        foldLanes();
        o.foldLanes();
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
        foldLanes();
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
        foldLanes();
        values[group] = mode == Mode.PRODUCT ? 1.0 : 0.0;
        counts[group] = 0;
    }
}
