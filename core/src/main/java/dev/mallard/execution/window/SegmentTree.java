package dev.mallard.execution.window;

import dev.mallard.function.AggregateFunction;
import dev.mallard.function.AggregateState;
import dev.mallard.vector.Vector;

/**
 * Pre-aggregated blocks of one partition for sliding frames (DuckDB's approach): level 1 holds one
 * state per {@value #FANOUT} consecutive rows, level L one per FANOUT^L rows, each built by merging
 * FANOUT children. A frame is then assembled from at most 2·(FANOUT−1) rows at each end plus at
 * most 2·(FANOUT−1) nodes per level: O(log n) work per row instead of O(frame).
 *
 * <p>{@link AggregateState#merge} folds group 0..k of another state, so a node that must be merged
 * into one frame on its own has to be a single-group state of its own: nodes are separate objects,
 * about n/15 of them.
 */
final class SegmentTree {
    static final int FANOUT = 16;
    private static final int[] GROUP_ZERO = new int[FANOUT];

    /** levels[l][k]: the node of level l + 1 covering rows [k·FANOUT^(l+1), (k+1)·FANOUT^(l+1)) of the partition. */
    private final AggregateState[][] levels;

    /**
     * Builds the tree over sorted positions {@code [ps, pe)}; rows that fail {@code filter} are left
     * out of every node.
     */
    SegmentTree(AggregateFunction function, Vector[] args, Vector filter, int[] perm, int ps, int pe) {
        int size = pe - ps;
        int levelCount = 0;
        for (long unit = FANOUT; unit <= size; unit *= FANOUT) levelCount++;
        levels = new AggregateState[levelCount][];
        if (levelCount == 0) return;
        AggregateState[] leaves = new AggregateState[size / FANOUT];
        int[] rows = new int[FANOUT];
        for (int k = 0; k < leaves.length; k++) {
            AggregateState node = function.newState();
            node.ensureGroups(1);
            int count = 0;
            for (int p = ps + k * FANOUT, end = p + FANOUT; p < end; p++) {
                int row = perm[p];
                if (WindowValues.passes(filter, row)) rows[count++] = row;
            }
            if (count > 0) node.update(args, rows, count, GROUP_ZERO);
            leaves[k] = node;
        }
        levels[0] = leaves;
        int[] target = new int[1];
        for (int l = 1; l < levelCount; l++) {
            AggregateState[] children = levels[l - 1];
            AggregateState[] nodes = new AggregateState[children.length / FANOUT];
            for (int k = 0; k < nodes.length; k++) {
                AggregateState node = function.newState();
                node.ensureGroups(1);
                for (int c = 0; c < FANOUT; c++) node.merge(children[k * FANOUT + c], null, target, 1);
                nodes[k] = node;
            }
            levels[l] = nodes;
        }
    }

    /**
     * Merges the nodes exactly covering partition-relative rows {@code [lo, hi)} into {@code group}
     * of {@code result}, in row order. {@code lo} and {@code hi} must be multiples of {@value #FANOUT}.
     */
    void mergeInto(int lo, int hi, AggregateState result, int group, int[] targetScratch, AggregateState[] stack) {
        targetScratch[0] = group;
        int pending = 0;
        long unit = FANOUT;
        for (int level = 0; lo < hi; level++, unit *= FANOUT) {
            long parentUnit = unit * FANOUT;
            AggregateState[] nodes = levels[level];
            while (lo < hi && lo % parentUnit != 0) {
                result.merge(nodes[(int) (lo / unit)], null, targetScratch, 1);
                lo += (int) unit;
            }
            while (hi > lo && hi % parentUnit != 0) {
                stack[pending++] = nodes[(int) (hi / unit) - 1];
                hi -= (int) unit;
            }
        }
        // Right-hand nodes were collected from the end backwards.
        while (pending > 0) result.merge(stack[--pending], null, targetScratch, 1);
    }

    /** Room needed by {@link #mergeInto}'s stack: FANOUT−1 nodes per level. */
    int stackSize() {
        return Math.max(1, levels.length * (FANOUT - 1));
    }
}
