package dev.mallard.function.aggregate;

import dev.mallard.MallardException;
import dev.mallard.function.AggregateState;
import dev.mallard.vector.Vector;

/**
 * sum and avg of TINYINT, SMALLINT, INTEGER (and sum of BOOLEAN, counting TRUE) in a {@code long} per
 * group. sum gives BIGINT and reports overflow as an error; avg divides by the count as DOUBLE.
 */
final class LongSumState implements AggregateState {
    private final boolean average;
    private final boolean booleans;
    private long[] sums = new long[0];
    private long[] counts = new long[0];

    LongSumState(boolean average, boolean booleans) {
        this.average = average;
        this.booleans = booleans;
    }

    @Override
    public void ensureGroups(int groups) {
        sums = Capacity.grow(sums, groups);
        counts = Capacity.grow(counts, groups);
    }

    @Override
    public void update(Vector[] args, int[] sel, int count, int[] groups) {
        Vector v = args[0];
        boolean nulls = v.mayHaveNulls();
        long[] s = sums, c = counts;
        if (booleans) {
            for (int k = 0; k < count; k++) {
                int i = sel == null ? k : sel[k];
                if (nulls && v.isNull(i)) continue;
                int g = groups[k];
                if (v.bools[i]) s[g]++;
                c[g]++;
            }
            return;
        }
        int[] x = v.ints;
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            if (nulls && v.isNull(i)) continue;
            int g = groups[k];
            // 2^32 values of |x| < 2^31 fit in a long; the checked add below guards the rest.
            long before = s[g];
            long after = before + x[i];
            if (((before ^ after) & (x[i] ^ after)) < 0) throw overflow();
            s[g] = after;
            c[g]++;
        }
    }

    private static MallardException overflow() {
        return MallardException.Data.outOfRange("Overflow in SUM: the result does not fit in BIGINT");
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        LongSumState o = (LongSumState) other;
        for (int i = 0; i < count; i++) {
            int g = sources == null ? i : sources[i];
            int t = targets[i];
            try {
                sums[t] = Math.addExact(sums[t], o.sums[g]);
            } catch (ArithmeticException e) {
                throw overflow();
            }
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
        if (average) out.doubles[pos] = (double) sums[group] / n;
        else out.longs[pos] = sums[group];
    }

    @Override
    public void clear(int group) {
        sums[group] = 0;
        counts[group] = 0;
    }
}
