package dev.mallard.execution.window;

import dev.mallard.MallardException;
import dev.mallard.execution.sort.KeyComparator;
import dev.mallard.execution.sort.Sorter;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.vector.Vector;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a window's input sorted once by (PARTITION BY, ORDER BY), with the boundaries every
 * window function works from. Positions are "sorted positions" 0..n; {@code perm[p]} is the input
 * row at sorted position p.
 *
 * @param perm            sorted position → input row
 * @param partitionStarts sorted positions where partitions start, followed by n
 * @param peerStarts      sorted positions where peer groups (rows with equal ORDER BY values inside
 *                        one partition) start, followed by n; every partition start is among them,
 *                        and without ORDER BY the peer groups are the partitions
 */
record WindowLayout(int[] perm, int[] partitionStarts, int[] peerStarts) {

    static WindowLayout build(Vector[] partitionKeys, Vector[] orderKeys, List<SortKey> orderBy, int rowCount) {
        if (orderKeys.length != orderBy.size()) {
            throw new MallardException.Internal("window: " + orderKeys.length + " ORDER BY vectors for "
                    + orderBy.size() + " sort keys");
        }
        int keyCount = partitionKeys.length + orderKeys.length;
        Vector[] keys = new Vector[keyCount];
        boolean[] ascending = new boolean[keyCount];
        boolean[] nullsFirst = new boolean[keyCount];
        for (int k = 0; k < partitionKeys.length; k++) {
            keys[k] = partitionKeys[k];
            ascending[k] = true; // any fixed order groups a partition's rows (NULLs together)
        }
        for (int k = 0; k < orderKeys.length; k++) {
            int at = partitionKeys.length + k;
            keys[at] = orderKeys[k];
            ascending[at] = orderBy.get(k).ascending();
            nullsFirst[at] = orderBy.get(k).nullsFirst();
        }
        int[] perm = Sorter.sort(keys, ascending, nullsFirst, rowCount);
        int[] partitionStarts = boundaries(perm, comparators(keys, ascending, nullsFirst, 0, partitionKeys.length),
                null);
        int[] peerStarts = orderKeys.length == 0
                ? partitionStarts
                : boundaries(perm, comparators(keys, ascending, nullsFirst, partitionKeys.length, keyCount),
                        partitionStarts);
        return new WindowLayout(perm, partitionStarts, peerStarts);
    }

    int rowCount() {
        return perm.length;
    }

    int partitionCount() {
        return partitionStarts.length - 1;
    }

    private static KeyComparator[] comparators(Vector[] keys, boolean[] asc, boolean[] nullsFirst, int from, int to) {
        KeyComparator[] out = new KeyComparator[to - from];
        for (int k = from; k < to; k++) out[k - from] = new KeyComparator(keys[k], asc[k], nullsFirst[k]);
        return out;
    }

    /**
     * Sorted positions where the keys change (plus 0 and n). {@code forced} positions (already
     * sorted, ending with n) start a new range too: partition starts begin new peer groups.
     */
    private static int[] boundaries(int[] perm, KeyComparator[] keys, int[] forced) {
        int n = perm.length;
        int[] starts = new int[Math.min(n, 64) + 1];
        int count = 0;
        int nextForced = 0;
        for (int p = 0; p < n; p++) {
            boolean isStart = p == 0;
            if (forced != null && forced[nextForced] == p) {
                isStart = true;
                nextForced++;
            }
            if (!isStart) {
                int a = perm[p - 1];
                int b = perm[p];
                for (KeyComparator key : keys) {
                    if (!key.equal(a, b)) {
                        isStart = true;
                        break;
                    }
                }
            }
            if (isStart) {
                if (count == starts.length - 1) starts = Arrays.copyOf(starts, Math.min(n, starts.length * 2) + 1);
                starts[count++] = p;
            }
        }
        starts[count] = n;
        return Arrays.copyOf(starts, count + 1);
    }
}
