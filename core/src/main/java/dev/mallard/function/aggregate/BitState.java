package dev.mallard.function.aggregate;

import dev.mallard.function.AggregateState;
import dev.mallard.vector.Vector;

/** bit_and, bit_or, bit_xor over the integer types: a {@code long} per group, NULL when empty. */
final class BitState implements AggregateState {
    enum Mode { AND, OR, XOR }

    private final Mode mode;
    private final boolean wide;
    private long[] values = new long[0];
    private boolean[] seen = new boolean[0];

    /** @param wide the input is BIGINT ({@code longs}) rather than a narrower integer ({@code ints}) */
    BitState(Mode mode, boolean wide) {
        this.mode = mode;
        this.wide = wide;
    }

    @Override
    public void ensureGroups(int groups) {
        values = Capacity.grow(values, groups);
        seen = Capacity.grow(seen, groups);
    }

    @Override
    public void update(Vector[] args, int[] sel, int count, int[] groups) {
        Vector v = args[0];
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            if (v.isNull(i)) continue;
            add(groups[k], wide ? v.longs[i] : v.ints[i]);
        }
    }

    private void add(int g, long x) {
        if (!seen[g]) {
            values[g] = x;
            seen[g] = true;
            return;
        }
        values[g] = switch (mode) {
            case AND -> values[g] & x;
            case OR -> values[g] | x;
            case XOR -> values[g] ^ x;
        };
    }

    @Override
    public void merge(AggregateState other, int[] sources, int[] targets, int count) {
        BitState o = (BitState) other;
        for (int i = 0; i < count; i++) {
            int g = sources == null ? i : sources[i];
            if (o.seen[g]) add(targets[i], o.values[g]);
        }
    }

    @Override
    public void finalize(int group, Vector out, int pos) {
        if (!seen[group]) {
            out.setNull(pos);
            return;
        }
        out.setNull(pos, false);
        if (wide) out.longs[pos] = values[group];
        else out.ints[pos] = (int) values[group];
    }

    @Override
    public void clear(int group) {
        seen[group] = false;
        values[group] = 0;
    }
}
