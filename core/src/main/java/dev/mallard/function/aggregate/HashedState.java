package dev.mallard.function.aggregate;

import dev.mallard.function.AggregateState;
import dev.mallard.vector.Vector;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * approx_count_distinct (computed exactly), mode (the most frequent value, the first one seen
 * on ties) and entropy (Shannon entropy in bits of the value distribution, NULLs excluded): a hash
 * map of the group's values (physical form) to their counts.
 */
final class HashedState implements AggregateState {
    enum Mode { COUNT_DISTINCT, MODE, ENTROPY }

    private final Mode mode;
    private Map<Object, long[]>[] maps = newArray(0);

    HashedState(Mode mode) {
        this.mode = mode;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, long[]>[] newArray(int n) {
        return (Map<Object, long[]>[]) new Map<?, ?>[n];
    }

    @Override
    public void ensureGroups(int groups) {
        maps = Capacity.grow(maps, groups);
    }

    @Override
    public void update(Vector[] args, int[] sel, int count, int[] groups) {
        Vector v = args[0];
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            if (v.isNull(i)) continue;
            add(groups[k], v.getObject(i), 1);
        }
    }

    private void add(int g, Object value, long n) {
        Map<Object, long[]> m = maps[g];
        if (m == null) {
            m = mode == Mode.MODE ? new LinkedHashMap<>() : new HashMap<>();
            maps[g] = m;
        }
        m.computeIfAbsent(value, x -> new long[1])[0] += n;
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        HashedState o = (HashedState) other;
        for (int i = 0; i < count; i++) {
            int g = sources == null ? i : sources[i];
            if (o.maps[g] == null) continue;
            int t = targets[i];
            o.maps[g].forEach((value, n) -> add(t, value, n[0]));
        }
    }

    @Override
    public void finalize(int group, Vector out, int pos) {
        Map<Object, long[]> m = maps[group];
        if (mode == Mode.ENTROPY) {
            out.setNull(pos, false);
            double total = 0, h = 0;
            if (m != null) {
                for (long[] n : m.values()) total += n[0];
                for (long[] n : m.values()) {
                    double p = n[0] / total;
                    h -= p * Math.log(p) / Math.log(2);
                }
            }
            out.doubles[pos] = h == 0 ? 0.0 : h;
            return;
        }
        if (mode == Mode.COUNT_DISTINCT) {
            out.setNull(pos, false);
            out.longs[pos] = m == null ? 0 : m.size();
            return;
        }
        if (m == null) {
            out.setNull(pos);
            return;
        }
        Object best = null;
        long bestCount = 0;
        for (Map.Entry<Object, long[]> e : m.entrySet()) {
            if (e.getValue()[0] > bestCount) {
                best = e.getKey();
                bestCount = e.getValue()[0];
            }
        }
        out.setObject(pos, best);
    }

    @Override
    public void clear(int group) {
        maps[group] = null;
    }
}
