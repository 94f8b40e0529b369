package dev.mallard.execution.window;

import dev.mallard.function.AggregateState;
import dev.mallard.vector.Vector;

/**
 * Collects (input row, group) pairs and hands them to {@link AggregateState#update} a vector at a
 * time, so aggregating frames costs one call per 2048 rows instead of one per row. Pairs reach the
 * state in the order they were added, which order-sensitive aggregates rely on.
 */
final class UpdateBuffer {
    private final Vector[] args;
    private final int[] rows = new int[Vector.DEFAULT_CAPACITY];
    private final int[] groups = new int[Vector.DEFAULT_CAPACITY];
    private AggregateState target;
    private int count;

    UpdateBuffer(Vector[] args) {
        this.args = args;
    }

    /** Flushes pending pairs and directs later ones to {@code state}. */
    void target(AggregateState state) {
        if (state != target) {
            flush();
            target = state;
        }
    }

    void add(int row, int group) {
        rows[count] = row;
        groups[count] = group;
        if (++count == rows.length) flush();
    }

    void flush() {
        if (count > 0) {
            target.update(args, rows, count, groups);
            count = 0;
        }
    }
}
