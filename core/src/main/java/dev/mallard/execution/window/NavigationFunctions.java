package dev.mallard.execution.window;

import dev.mallard.MallardException;
import dev.mallard.execution.window.FrameComputer.Frames;
import dev.mallard.plan.LogicalPlan.WindowFunctionKind;
import dev.mallard.vector.Vector;

/**
 * Functions that return another row's value: LAG and LEAD (by offset within the partition, ignoring
 * the frame) and FIRST_VALUE, LAST_VALUE and NTH_VALUE (by position within the frame). With IGNORE
 * NULLS, rows whose value is NULL are skipped when counting.
 */
final class NavigationFunctions {
    private NavigationFunctions() {}

    /**
     * LAG/LEAD(value [, offset [, default]]): offset defaults to 1 and may differ per row; a NULL
     * offset gives NULL; a negative offset looks the other way; offset 0 is the current row's value
     * (even with IGNORE NULLS, as DuckDB does).
     */
    static void lagLead(boolean lead, boolean ignoreNulls, WindowLayout layout, Vector[] args, Vector out) {
        if (args.length < 1) throw new MallardException.Internal((lead ? "LEAD" : "LAG") + " needs a value argument");
        Vector value = args[0];
        Vector offsets = args.length > 1 ? args[1] : null;
        Vector defaults = args.length > 2 ? args[2] : null;
        int[] perm = layout.perm();
        int[] partitions = layout.partitionStarts();
        NonNullIndex nonNull = ignoreNulls ? new NonNullIndex() : null;
        for (int part = 0; part < layout.partitionCount(); part++) {
            int ps = partitions[part];
            int pe = partitions[part + 1];
            if (nonNull != null) nonNull.build(value, perm, ps, pe);
            for (int i = ps; i < pe; i++) {
                int row = perm[i];
                long offset = 1;
                if (offsets != null) {
                    if (offsets.isNull(row)) {
                        out.setNull(row);
                        continue;
                    }
                    offset = WindowValues.readLong(offsets, row);
                }
                long forward = lead ? offset : -offset; // rows to move towards the partition end
                int target = forward == 0 ? i
                        : nonNull == null ? clampTarget(i + forward, ps, pe)
                        : ignoringNulls(nonNull, i, forward);
                if (target >= 0) {
                    WindowValues.copy(value, perm[target], out, row);
                } else if (defaults != null) {
                    WindowValues.copy(defaults, row, out, row);
                } else {
                    out.setNull(row);
                }
            }
        }
    }

    private static int clampTarget(long target, int ps, int pe) {
        return target >= ps && target < pe ? (int) target : -1;
    }

    /** The sorted position {@code forward} non-NULL rows away from {@code i}, or -1 past the partition. */
    private static int ignoringNulls(NonNullIndex nonNull, int i, long forward) {
        long k;
        if (forward < 0) {
            k = nonNull.countBefore(i) + forward;              // non-NULLs strictly before i
        } else {
            k = nonNull.countBefore(i + 1) + forward - 1;      // non-NULLs strictly after i
        }
        return k >= 0 && k < nonNull.count() ? nonNull.position((int) k) : -1;
    }

    /** FIRST_VALUE(value), LAST_VALUE(value), NTH_VALUE(value, n) over each row's frame. */
    static void frameValue(WindowFunctionKind kind, boolean ignoreNulls, WindowLayout layout, Frames frames,
                           Vector[] args, Vector out) {
        if (args.length < 1) throw new MallardException.Internal(kind + " needs a value argument");
        Vector value = args[0];
        Vector nth = kind == WindowFunctionKind.NTH_VALUE ? args[1] : null;
        int[] perm = layout.perm();
        int[] partitions = layout.partitionStarts();
        int[] start = frames.start();
        int[] end = frames.end();
        NonNullIndex nonNull = ignoreNulls ? new NonNullIndex() : null;
        for (int part = 0; part < layout.partitionCount(); part++) {
            int ps = partitions[part];
            int pe = partitions[part + 1];
            if (nonNull != null) nonNull.build(value, perm, ps, pe);
            for (int i = ps; i < pe; i++) {
                int row = perm[i];
                int fs = start[i];
                int fe = end[i];
                int target = switch (kind) {
                    case FIRST_VALUE -> nthInFrame(nonNull, fs, fe, 1);
                    case LAST_VALUE -> lastInFrame(nonNull, fs, fe);
                    case NTH_VALUE -> {
                        if (nth.isNull(row)) yield -1;
                        yield nthInFrame(nonNull, fs, fe, WindowValues.readLong(nth, row));
                    }
                    default -> throw new MallardException.Internal(kind + " is not a frame value function");
                };
                if (target >= 0) WindowValues.copy(value, perm[target], out, row);
                else out.setNull(row);
            }
        }
    }

    /** The n-th (1-based) row, or non-NULL row, of the frame; -1 when there is none or n < 1. */
    private static int nthInFrame(NonNullIndex nonNull, int fs, int fe, long n) {
        if (n < 1) return -1;
        if (nonNull == null) return n <= fe - fs ? (int) (fs + n - 1) : -1;
        long k = nonNull.countBefore(fs) + n - 1;
        if (k >= nonNull.count()) return -1;
        int p = nonNull.position((int) k);
        return p < fe ? p : -1;
    }

    private static int lastInFrame(NonNullIndex nonNull, int fs, int fe) {
        if (fs >= fe) return -1;
        if (nonNull == null) return fe - 1;
        int k = nonNull.countBefore(fe) - 1;
        if (k < 0) return -1;
        int p = nonNull.position(k);
        return p >= fs ? p : -1;
    }
}
