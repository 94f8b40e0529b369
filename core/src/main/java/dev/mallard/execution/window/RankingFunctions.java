package dev.mallard.execution.window;

import dev.mallard.MallardException;
import dev.mallard.plan.LogicalPlan.WindowFunctionKind;
import dev.mallard.vector.Vector;

/**
 * ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST and NTILE: functions of a row's position in
 * its partition and peer group only (they ignore the frame).
 */
final class RankingFunctions {
    private RankingFunctions() {}

    static void evaluate(WindowFunctionKind kind, WindowLayout layout, Vector[] args, Vector out) {
        int[] perm = layout.perm();
        int[] partitions = layout.partitionStarts();
        int[] peers = layout.peerStarts();
        Vector buckets = kind == WindowFunctionKind.NTILE ? requireArg(args) : null;
        int group = 0;
        for (int part = 0; part < layout.partitionCount(); part++) {
            int ps = partitions[part];
            int pe = partitions[part + 1];
            int firstGroup = group;
            long size = pe - ps;
            for (int i = ps; i < pe; i++) {
                while (peers[group + 1] <= i) group++;
                int row = perm[i];
                switch (kind) {
                    case ROW_NUMBER -> WindowValues.writeLong(out, row, i - ps + 1L);
                    case RANK -> WindowValues.writeLong(out, row, peers[group] - ps + 1L);
                    case DENSE_RANK -> WindowValues.writeLong(out, row, group - firstGroup + 1L);
                    case PERCENT_RANK -> WindowValues.writeDouble(out, row,
                            size <= 1 ? 0.0 : (double) (peers[group] - ps) / (size - 1));
                    case CUME_DIST -> WindowValues.writeDouble(out, row, (double) (peers[group + 1] - ps) / size);
                    case NTILE -> ntile(buckets, row, i - ps, size, out);
                    default -> throw new MallardException.Internal(kind + " is not a ranking function");
                }
            }
            while (peers[group] < pe) group++;
        }
    }

    private static Vector requireArg(Vector[] args) {
        if (args == null || args.length < 1) throw new MallardException.Internal("NTILE needs its bucket count");
        return args[0];
    }

    /** SQL's NTILE: the first (size % buckets) buckets get one row more than the others. */
    private static void ntile(Vector buckets, int row, long index, long size, Vector out) {
        if (buckets.isNull(row)) {
            out.setNull(row);
            return;
        }
        long b = WindowValues.readLong(buckets, row);
        if (b <= 0) throw MallardException.Data.invalidArgument("Argument for ntile must be greater than zero");
        long bucket;
        if (b >= size) {
            bucket = index + 1;
        } else {
            long small = size / b;
            long large = small + 1;
            long largeRows = (size % b) * large;
            bucket = index < largeRows ? index / large + 1 : (index - largeRows) / small + size % b + 1;
        }
        WindowValues.writeLong(out, row, bucket);
    }
}
