package dev.mallard.function.aggregate;

import dev.mallard.function.AggregateState;
import dev.mallard.function.ValueComparator;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;

/**
 * min, max, arg_min and arg_max over any type. Group states live in a {@link Vector} of the value
 * type (position = group id, NULL = no value yet), so every type is handled by one class, with
 * direct loops for the common fixed-width cases. For arg_min / arg_max a second vector holds the
 * argument that goes with the current extreme; rows whose compared value or argument is NULL are
 * skipped (as in DuckDB, where arg_min_null is the variant that keeps NULL arguments).
 */
final class ExtremeState implements AggregateState {
    private final int direction;
    private final ValueComparator comparator;
    /** Position of the compared value among the arguments (0 for min/max, 1 for arg_min/arg_max). */
    private final int keyArg;
    private final Vector keys;
    private final Vector results;
    /** Groups the caller made room for, and how many of them hold no value yet: at 0 the fast loops skip that test per row. */
    private int reserved, empty;

    /**
     * @param direction -1 for min / arg_min, 1 for max / arg_max
     * @param keyType   type of the compared value
     * @param resultType type of the returned value (null when it is the compared value itself)
     */
    ExtremeState(int direction, LogicalType keyType, LogicalType resultType) {
        this.direction = direction;
        this.comparator = ValueComparator.of(keyType);
        this.keyArg = resultType == null ? 0 : 1;
        this.keys = emptyVector(keyType);
        this.results = resultType == null ? null : emptyVector(resultType);
    }

    private static Vector emptyVector(LogicalType t) {
        Vector v = new Vector(t, 16);
        for (int g = 0; g < 16; g++) v.setNull(g);
        return v;
    }

    @Override
    public void ensureGroups(int groups) {
        grow(keys, groups);
        if (results != null) grow(results, groups);
        if (groups > reserved) {
            empty += groups - reserved;
            reserved = groups;
        }
    }

    /** Group {@code g} received its first value. */
    private void filled(int g) {
        keys.setNull(g, false);
        if (g < reserved) empty--;
    }

    private static void grow(Vector v, int groups) {
        int before = v.capacity();
        if (groups <= before) return;
        v.ensureCapacity(groups);
        for (int g = before; g < v.capacity(); g++) v.setNull(g);
    }

    @Override
    public void update(Vector[] args, int[] sel, int count, int[] groups) {
        Vector in = args[keyArg];
        if (results == null && !in.mayHaveNulls() && fastUpdate(in, sel, count, groups)) return;
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            if (in.isNull(i) || results != null && args[0].isNull(i)) continue;
            offer(in, i, args, groups[k]);
        }
    }

    /** Keeps the value at row i of {@code in} for group g when it beats the current one. */
    private void offer(Vector in, int i, Vector[] args, int g) {
        boolean first = keys.isNull(g);
        if (first || comparator.compare(in, i, keys, g) * direction > 0) {
            keys.copyFrom(in, i, g);
            if (first) filled(g);
            if (results != null) results.copyFrom(args[0], i, g);
        }
    }

    /**
     * {@code v} beats {@code cur} for max in the order of {@link ValueComparator}: NaN above every
     * number, -0.0 equal to 0.0 (the first one stays). Plain comparisons, so the loops stay short.
     */
    private static boolean greater(double v, double cur) {
        return v > cur || v != v && cur == cur;
    }

    /** {@code v} beats {@code cur} for min, in the same order as {@link #greater}. */
    private static boolean less(double v, double cur) {
        return v < cur || cur != cur && v == v;
    }

    /** Direct loops for min/max of INT32, INT64 and DOUBLE without NULLs; false when not applicable. */
    private boolean fastUpdate(Vector in, int[] sel, int count, int[] groups) {
        boolean check = empty > 0; // some group may still be empty: test each row's (stale true is harmless)
        switch (in.physicalType()) {
            case INT32 -> {
                int[] x = in.ints, s = keys.ints;
                for (int k = 0; k < count; k++) {
                    int i = sel == null ? k : sel[k], g = groups[k];
                    if (check && keys.isNull(g)) {
                        filled(g);
                        s[g] = x[i];
                    } else if (direction > 0 ? x[i] > s[g] : x[i] < s[g]) {
                        s[g] = x[i];
                    }
                }
                return true;
            }
            case INT64 -> {
                long[] x = in.longs, s = keys.longs;
                for (int k = 0; k < count; k++) {
                    int i = sel == null ? k : sel[k], g = groups[k];
                    if (check && keys.isNull(g)) {
                        filled(g);
                        s[g] = x[i];
                    } else if (direction > 0 ? x[i] > s[g] : x[i] < s[g]) {
                        s[g] = x[i];
                    }
                }
                return true;
            }
            case DOUBLE -> {
                double[] x = in.doubles, s = keys.doubles;
                boolean max = direction > 0;
                if (GroupIds.single(groups, count)) {
                    // min/max over a whole column (no GROUP BY): keep the best in a register
                    int g = groups[0], k = 0;
                    double best;
                    if (keys.isNull(g)) {
                        filled(g);
                        best = x[sel == null ? 0 : sel[0]];
                        k = 1;
                    } else {
                        best = s[g];
                    }
                    if (sel == null) {
                        if (max) for (; k < count; k++) best = greater(x[k], best) ? x[k] : best;
                        else for (; k < count; k++) best = less(x[k], best) ? x[k] : best;
                    } else {
                        for (; k < count; k++) {
                            double v = x[sel[k]];
                            best = (max ? greater(v, best) : less(v, best)) ? v : best;
                        }
                    }
                    s[g] = best;
                    return true;
                }
                for (int k = 0; k < count; k++) {
                    int i = sel == null ? k : sel[k], g = groups[k];
                    if (check && keys.isNull(g)) {
                        filled(g);
                        s[g] = x[i];
                    } else if (max ? greater(x[i], s[g]) : less(x[i], s[g])) {
                        s[g] = x[i];
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        ExtremeState o = (ExtremeState) other;
        Vector[] args = o.results == null ? new Vector[] {o.keys} : new Vector[] {o.results, o.keys};
        for (int i = 0; i < count; i++) {
            int g = sources == null ? i : sources[i];
            if (o.keys.isNull(g)) continue;
            offer(o.keys, g, args, targets[i]);
        }
    }

    @Override
    public void finalize(int group, Vector out, int pos) {
        Vector source = results == null ? keys : results;
        if (keys.isNull(group)) out.setNull(pos);
        else out.copyFrom(source, group, pos);
    }

    @Override
    public void clear(int group) {
        if (!keys.isNull(group) && group < reserved) empty++;
        keys.setNull(group);
        if (results != null) results.setNull(group);
    }
}
