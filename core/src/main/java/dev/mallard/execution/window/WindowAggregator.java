package dev.mallard.execution.window;

import dev.mallard.MallardException;
import dev.mallard.execution.window.FrameComputer.Frames;
import dev.mallard.function.AggregateFunction;
import dev.mallard.function.AggregateState;
import dev.mallard.types.Interval;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates an aggregate over every row's frame, choosing per partition:
 * <ul>
 *   <li>running frames (start UNBOUNDED PRECEDING, which includes the default frames and whole
 *       partitions): one state, extended as the frame end advances, finalized once per distinct end;</li>
 *   <li>small sliding frames: each frame aggregated from its rows, a block of frames per batch of
 *       {@link AggregateState#update} calls;</li>
 *   <li>large sliding frames: a {@link SegmentTree}, O(log n) merges per row.</li>
 * </ul>
 * DISTINCT keeps a set of seen argument tuples: incrementally for running frames, per frame otherwise.
 * Rows whose FILTER is not TRUE stay in the frame but are never added to a state.
 */
final class WindowAggregator {
    /** Frames aggregated together: the result state holds this many groups. */
    private static final int BLOCK = 1024;
    /** Sliding frames averaging at most this many rows are aggregated row by row. */
    private static final int DIRECT_MAX_AVERAGE_FRAME = 64;

    private final AggregateFunction function;
    private final WindowLayout layout;
    private final Frames frames;
    private final Vector[] args;
    private final Vector filter;
    private final boolean distinct;
    private final Vector out;
    private final int[] perm;
    private final AggregateState state;
    private final UpdateBuffer buffer;

    private WindowAggregator(AggregateFunction function, WindowLayout layout, Frames frames, Vector[] args,
                             Vector filter, boolean distinct, Vector out) {
        this.function = function;
        this.layout = layout;
        this.frames = frames;
        this.args = args;
        this.filter = filter;
        this.distinct = distinct;
        this.out = out;
        this.perm = layout.perm();
        this.state = function.newState();
        this.state.ensureGroups(BLOCK);
        this.buffer = new UpdateBuffer(args);
    }

    /**
     * @param running true when every frame starts at its partition's first row (UNBOUNDED PRECEDING)
     */
    static void evaluate(AggregateFunction function, WindowLayout layout, Frames frames, Vector[] args,
                         Vector filter, boolean distinct, boolean running, Vector out) {
        if (function == null) throw new MallardException.Internal("window AGGREGATE without an aggregate function");
        new WindowAggregator(function, layout, frames, args, filter, distinct, out).run(running);
    }

    private void run(boolean running) {
        int[] partitions = layout.partitionStarts();
        for (int part = 0; part < layout.partitionCount(); part++) {
            int ps = partitions[part];
            int pe = partitions[part + 1];
            if (running) {
                running(ps, pe);
            } else if (distinct || averageFrame(ps, pe) <= DIRECT_MAX_AVERAGE_FRAME
                    || pe - ps < 2 * SegmentTree.FANOUT) {
                direct(ps, pe);
            } else {
                segmentTree(ps, pe);
            }
        }
    }

    private double averageFrame(int ps, int pe) {
        long total = 0;
        int[] start = frames.start();
        int[] end = frames.end();
        for (int i = ps; i < pe; i++) total += end[i] - start[i];
        return (double) total / (pe - ps);
    }

    /** Frames [ps, end) with non-decreasing ends: add the new rows, finalize only when the end moved. */
    private void running(int ps, int pe) {
        int[] end = frames.end();
        Set<Object> seen = distinct ? new HashSet<>() : null;
        buffer.target(state);
        int added = ps;
        int lastRow = -1;
        for (int i = ps; i < pe; i++) {
            int row = perm[i];
            int fe = end[i];
            if (fe > added || lastRow < 0) {
                for (int p = added; p < fe; p++) addRow(perm[p], 0, seen);
                added = Math.max(added, fe);
                buffer.flush();
                state.finalize(0, out, row);
                lastRow = row;
            } else {
                out.copyFrom(out, lastRow, row);
            }
        }
        state.clear(0);
    }

    /** Each frame aggregated from its own rows, BLOCK frames at a time. */
    private void direct(int ps, int pe) {
        int[] start = frames.start();
        int[] end = frames.end();
        Set<Object> seen = distinct ? new HashSet<>() : null;
        buffer.target(state);
        for (int blockStart = ps; blockStart < pe; blockStart += BLOCK) {
            int blockEnd = Math.min(pe, blockStart + BLOCK);
            for (int i = blockStart; i < blockEnd; i++) {
                int group = i - blockStart;
                if (seen != null) seen.clear();
                for (int p = start[i]; p < end[i]; p++) addRow(perm[p], group, seen);
            }
            finishBlock(blockStart, blockEnd);
        }
    }

    /** Frames assembled from a segment tree: raw rows at both ends, tree nodes in between. */
    private void segmentTree(int ps, int pe) {
        SegmentTree tree = new SegmentTree(function, args, filter, perm, ps, pe);
        int[] start = frames.start();
        int[] end = frames.end();
        int[] middleFrom = new int[BLOCK];
        int[] middleTo = new int[BLOCK];
        int[] targetScratch = new int[1];
        AggregateState[] stack = new AggregateState[tree.stackSize()];
        int fanout = SegmentTree.FANOUT;
        for (int blockStart = ps; blockStart < pe; blockStart += BLOCK) {
            int blockEnd = Math.min(pe, blockStart + BLOCK);
            // 1: rows before the first whole leaf, 2: whole nodes, 3: rows after the last whole leaf.
            // Each group receives its rows in frame order, as order-sensitive aggregates need.
            buffer.target(state);
            for (int i = blockStart; i < blockEnd; i++) {
                int group = i - blockStart;
                int lo = start[i] - ps;
                int hi = end[i] - ps;
                int alignedLo = (lo + fanout - 1) / fanout * fanout;
                int alignedHi = hi / fanout * fanout;
                if (alignedLo >= alignedHi) {
                    alignedLo = hi;
                    alignedHi = hi;
                }
                middleFrom[group] = alignedLo;
                middleTo[group] = alignedHi;
                for (int p = lo; p < alignedLo; p++) addRow(perm[ps + p], group, null);
            }
            buffer.flush();
            for (int i = blockStart; i < blockEnd; i++) {
                int group = i - blockStart;
                if (middleFrom[group] < middleTo[group]) {
                    tree.mergeInto(middleFrom[group], middleTo[group], state, group, targetScratch, stack);
                }
            }
            for (int i = blockStart; i < blockEnd; i++) {
                int group = i - blockStart;
                for (int p = middleTo[group], hi = end[i] - ps; p < hi; p++) addRow(perm[ps + p], group, null);
            }
            finishBlock(blockStart, blockEnd);
        }
    }

    private void finishBlock(int blockStart, int blockEnd) {
        buffer.flush();
        for (int i = blockStart; i < blockEnd; i++) {
            int group = i - blockStart;
            state.finalize(group, out, perm[i]);
            state.clear(group);
        }
    }

    private void addRow(int row, int group, Set<Object> seen) {
        if (!WindowValues.passes(filter, row)) return;
        if (seen != null && !seen.add(distinctKey(row))) return;
        buffer.add(row, group);
    }

    /** The argument tuple of {@code row} as a hashable value, with SQL equality (-0.0 = 0.0, 1 day = 24 hours). */
    private Object distinctKey(int row) {
        if (args.length == 1) return normalized(args[0].getObject(row));
        List<Object> key = new ArrayList<>(args.length);
        for (Vector arg : args) key.add(normalized(arg.getObject(row)));
        return key;
    }

    private static Object normalized(Object value) {
        if (value instanceof Double d && d == 0.0) return 0.0;
        if (value instanceof Interval i) return i.normalizedMicros();
        return value;
    }
}
