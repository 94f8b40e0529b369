package dev.mallard.function.aggregate;

import dev.mallard.function.AggregateState;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;

/**
 * first / arbitrary (the first row's value, NULL included), last (the last row's value) and
 * any_value (the first non-NULL value), as DuckDB defines them. "First" follows the order rows
 * reach the state; across threads it is whichever state merges first.
 */
final class FirstState implements AggregateState {
    enum Mode { FIRST, LAST, ANY_VALUE }

    private final Mode mode;
    private final Vector values;
    private boolean[] seen = new boolean[0];

    FirstState(Mode mode, LogicalType type) {
        this.mode = mode;
        this.values = new Vector(type, 16);
    }

    @Override
    public void ensureGroups(int groups) {
        seen = Capacity.grow(seen, groups);
        values.ensureCapacity(groups);
    }

    @Override
    public void update(Vector[] args, int[] sel, int count, int[] groups) {
        Vector v = args[0];
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            offer(v, i, groups[k]);
        }
    }

    private void offer(Vector v, int i, int g) {
        switch (mode) {
            case FIRST -> {
                if (seen[g]) return;
            }
            case ANY_VALUE -> {
                if (seen[g] || v.isNull(i)) return;
            }
            case LAST -> { }
        }
        values.copyFrom(v, i, g);
        seen[g] = true;
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        FirstState o = (FirstState) other;
        for (int i = 0; i < count; i++) {
            int g = sources == null ? i : sources[i];
            if (o.seen[g]) offer(o.values, g, targets[i]);
        }
    }

    @Override
    public void finalize(int group, Vector out, int pos) {
        if (!seen[group]) out.setNull(pos);
        else out.copyFrom(values, group, pos);
    }

    @Override
    public void clear(int group) {
        seen[group] = false;
    }
}
