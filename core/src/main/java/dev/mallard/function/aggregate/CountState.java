package dev.mallard.function.aggregate;

import dev.mallard.function.AggregateState;
import dev.mallard.vector.Vector;

/**
 * count(*), count(x) and count_if(x): one {@code long} per group. count(*) counts rows, count(x)
 * non-NULL values, count_if(x) TRUE values. Empty groups count 0, never NULL.
 */
final class CountState implements AggregateState {
    enum Mode { ROWS, NON_NULL, TRUE }

    private final Mode mode;
    private long[] counts = new long[0];

    CountState(Mode mode) {
        this.mode = mode;
    }

    @Override
    public void ensureGroups(int groups) {
        counts = Capacity.grow(counts, groups);
    }

    @Override
    public void update(Vector[] args, int[] sel, int count, int[] groups) {
        long[] c = counts;
        if (mode == Mode.ROWS || !args[0].mayHaveNulls() && mode == Mode.NON_NULL) {
            for (int k = 0; k < count; k++) c[groups[k]]++;
            return;
        }
        Vector v = args[0];
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            if (v.isNull(i)) continue;
            if (mode == Mode.TRUE && !v.bools[i]) continue;
            c[groups[k]]++;
        }
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        long[] o = ((CountState) other).counts;
        for (int i = 0; i < count; i++) counts[targets[i]] += o[sources == null ? i : sources[i]];
    }

    @Override
    public void finalize(int group, Vector out, int pos) {
        out.setNull(pos, false);
        out.longs[pos] = counts[group];
    }

    @Override
    public void clear(int group) {
        counts[group] = 0;
    }
}
