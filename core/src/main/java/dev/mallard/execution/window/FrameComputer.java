package dev.mallard.execution.window;

import dev.mallard.MallardException;
import dev.mallard.plan.LogicalPlan.BoundKind;
import dev.mallard.plan.LogicalPlan.Frame;
import dev.mallard.plan.LogicalPlan.FrameBound;
import dev.mallard.plan.LogicalPlan.FrameUnit;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.vector.Vector;
import java.math.BigInteger;
import java.util.List;

/**
 * Computes every row's frame as a half-open range of sorted positions {@code [start, end)},
 * clamped to the row's partition (an empty frame has {@code start == end}). Because the offsets are
 * constants, both ends are non-decreasing along a partition, which the aggregators rely on.
 */
final class FrameComputer {
    private final Frame frame;
    private final WindowLayout layout;
    private final Vector orderKey;
    private final boolean orderAscending;
    private final boolean orderNullsFirst;
    private final long startRows;
    private final long endRows;
    private final RangeOffsetSearch startSearch;
    private final RangeOffsetSearch endSearch;

    /** Frame bounds per sorted position. */
    record Frames(int[] start, int[] end) {}

    private FrameComputer(Frame frame, WindowLayout layout, Vector[] orderKeys, List<SortKey> orderBy,
                          Object startOffset, Object endOffset) {
        this.frame = frame;
        this.layout = layout;
        boolean startHasOffset = hasOffset(frame.start());
        boolean endHasOffset = hasOffset(frame.end());
        if (frame.unit() == FrameUnit.RANGE && (startHasOffset || endHasOffset)) {
            if (orderKeys.length != 1) {
                throw new MallardException.Binder("RANGE frames must have only one ORDER BY expression");
            }
            orderKey = orderKeys[0];
            orderAscending = orderBy.get(0).ascending();
            orderNullsFirst = orderBy.get(0).nullsFirst();
            startSearch = startHasOffset ? RangeOffsetSearch.create(orderKey, startOffset, layout.perm(),
                    orderAscending, boundName(frame.start())) : null;
            endSearch = endHasOffset ? RangeOffsetSearch.create(orderKey, endOffset, layout.perm(),
                    orderAscending, boundName(frame.end())) : null;
        } else {
            orderKey = null;
            orderAscending = true;
            orderNullsFirst = false;
            startSearch = null;
            endSearch = null;
        }
        startRows = frame.unit() != FrameUnit.RANGE && startHasOffset ? rowOffset(startOffset, frame, frame.start()) : 0;
        endRows = frame.unit() != FrameUnit.RANGE && endHasOffset ? rowOffset(endOffset, frame, frame.end()) : 0;
    }

    /** Frames for every row; {@code frame} null means the SQL default. */
    static Frames compute(Frame frame, WindowLayout layout, Vector[] orderKeys, List<SortKey> orderBy,
                          Object startOffset, Object endOffset) {
        Frame f = frame == null ? Frame.DEFAULT : frame;
        return new FrameComputer(f, layout, orderKeys, orderBy, startOffset, endOffset).computeAll();
    }

    private static boolean hasOffset(FrameBound bound) {
        return bound.kind() == BoundKind.PRECEDING || bound.kind() == BoundKind.FOLLOWING;
    }

    private static String boundName(FrameBound bound) {
        return bound.kind() == BoundKind.PRECEDING ? "PRECEDING" : "FOLLOWING";
    }

    private static long rowOffset(Object offset, Frame frame, FrameBound bound) {
        if (offset == null) {
            throw MallardException.Data.invalidArgument("Window " + frame.unit() + " frame offset cannot be NULL");
        }
        if (!(offset instanceof Number n) || offset instanceof Double || offset instanceof Float) {
            throw MallardException.Data.invalidArgument(frame.unit() + " frame offset must be an integer, got " + offset);
        }
        long value = n instanceof BigInteger b
                ? (b.bitLength() < 64 ? b.longValue() : (b.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE))
                : n.longValue();
        // DuckDB accepts negative ROWS offsets (they point the other way) but not negative GROUPS offsets.
        if (frame.unit() == FrameUnit.GROUPS && value < 0) {
            throw MallardException.Data.outOfRange("Invalid GROUPS " + boundName(bound) + " value");
        }
        return value;
    }

    private Frames computeAll() {
        int n = layout.rowCount();
        int[] start = new int[n];
        int[] end = new int[n];
        int[] partitions = layout.partitionStarts();
        int[] peers = layout.peerStarts();
        int group = 0;
        for (int part = 0; part < layout.partitionCount(); part++) {
            int ps = partitions[part];
            int pe = partitions[part + 1];
            int firstGroup = group;
            int endGroup = firstGroup;
            while (peers[endGroup] < pe) endGroup++;
            int nonNullFrom = ps;
            int nonNullTo = pe;
            if (orderKey != null && orderKey.mayHaveNulls()) {
                int[] perm = layout.perm();
                if (orderNullsFirst) {
                    while (nonNullFrom < pe && orderKey.isNull(perm[nonNullFrom])) nonNullFrom++;
                } else {
                    while (nonNullTo > ps && orderKey.isNull(perm[nonNullTo - 1])) nonNullTo--;
                }
            }
            for (int i = ps; i < pe; i++) {
                while (peers[group + 1] <= i) group++;
                boolean nullKey = orderKey != null && (i < nonNullFrom || i >= nonNullTo);
                Context c = current;
                c.row = i;
                c.ps = ps;
                c.pe = pe;
                c.group = group;
                c.firstGroup = firstGroup;
                c.endGroup = endGroup;
                c.peerStart = peers[group];
                c.peerEnd = peers[group + 1];
                c.nonNullFrom = nonNullFrom;
                c.nonNullTo = nonNullTo;
                c.nullKey = nullKey;
                long s = bound(frame.start(), true, c);
                long e = bound(frame.end(), false, c);
                s = Math.max(ps, Math.min(pe, s));
                e = Math.max(s, Math.min(pe, e));
                start[i] = (int) s;
                end[i] = (int) e;
            }
            group = endGroup;
        }
        return new Frames(start, end);
    }

    /**
     * Where the current row stands: its position, partition, peer group (index, first index of the
     * partition, one past the last) and the partition's non-NULL key range. One reused instance.
     */
    private static final class Context {
        int row;
        int ps;
        int pe;
        int group;
        int firstGroup;
        int endGroup;
        int peerStart;
        int peerEnd;
        int nonNullFrom;
        int nonNullTo;
        boolean nullKey;
    }

    private final Context current = new Context();

    /** The start position (inclusive) or end position (exclusive) of the frame, before clamping. */
    private long bound(FrameBound bound, boolean isStart, Context c) {
        return switch (bound.kind()) {
            case UNBOUNDED_PRECEDING -> c.ps;
            case UNBOUNDED_FOLLOWING -> c.pe;
            case CURRENT_ROW -> switch (frame.unit()) {
                case ROWS -> isStart ? c.row : c.row + 1L;
                case RANGE, GROUPS -> isStart ? c.peerStart : c.peerEnd;
            };
            case PRECEDING, FOLLOWING -> {
                boolean preceding = bound.kind() == BoundKind.PRECEDING;
                long offset = isStart ? startRows : endRows;
                yield switch (frame.unit()) {
                    case ROWS -> {
                        long target = saturatedAdd(c.row, preceding ? saturatedNegate(offset) : offset);
                        yield isStart ? target : saturatedAdd(target, 1);
                    }
                    case GROUPS -> groupsBound(saturatedAdd(c.group, preceding ? -offset : offset), isStart, c);
                    case RANGE -> rangeBound(isStart ? startSearch : endSearch, preceding, isStart, c);
                };
            }
        };
    }

    private static long saturatedNegate(long a) {
        return a == Long.MIN_VALUE ? Long.MAX_VALUE : -a;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        return r;
    }

    private long groupsBound(long targetGroup, boolean isStart, Context c) {
        int[] peers = layout.peerStarts();
        if (targetGroup < c.firstGroup) return c.ps;
        if (targetGroup >= c.endGroup) return c.pe;
        return isStart ? peers[(int) targetGroup] : peers[(int) targetGroup + 1];
    }

    private long rangeBound(RangeOffsetSearch search, boolean preceding, boolean isStart, Context c) {
        // A NULL key is only within an offset of other NULLs: its frame bound is its peer group's.
        if (c.nullKey) return isStart ? c.peerStart : c.peerEnd;
        // PRECEDING moves against the sort direction: down for ASC, up for DESC.
        boolean add = preceding != orderAscending;
        search.setTarget(layout.perm()[c.row], add);
        return search.search(c.nonNullFrom, c.nonNullTo, !isStart);
    }
}
