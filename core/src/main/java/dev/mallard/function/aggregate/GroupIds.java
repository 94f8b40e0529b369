package dev.mallard.function.aggregate;

/** Facts about a batch's group ids that let states take a shorter path. */
public final class GroupIds {
    /** Shared group ids of ungrouped aggregates, all 0; never written. Replaced by a longer one when needed. */
    private static volatile int[] allZero = new int[dev.mallard.vector.Vector.DEFAULT_CAPACITY];

    private GroupIds() {}

    /**
     * At least {@code n} group ids, all 0, for an aggregate without GROUP BY: {@link #single}
     * recognizes the array itself instead of reading it (four aggregates over a column would
     * otherwise each scan every batch's ids). Callers must not write to it.
     */
    public static int[] allZero(int n) {
        int[] z = allZero;
        if (z.length < n) allZero = z = new int[Math.max(n, z.length * 2)];
        return z;
    }

    /**
     * Whether every row of the batch belongs to one group, as without GROUP BY: a state can then
     * keep its running value in a register instead of reading and writing the group's slot per
     * row, which chains each row's update to the previous one's store.
     */
    static boolean single(int[] groups, int count) {
        if (count == 0) return false;
        if (groups == allZero) return true;
        int g = groups[0];
        for (int k = 1; k < count; k++) if (groups[k] != g) return false;
        return true;
    }
}
