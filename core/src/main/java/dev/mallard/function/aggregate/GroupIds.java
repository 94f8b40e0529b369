package dev.mallard.function.aggregate;

/** Facts about a batch's group ids that let states take a shorter path. */
final class GroupIds {
    private GroupIds() {}

    /**
     * Whether every row of the batch belongs to one group, as without GROUP BY: a state can then
     * keep its running value in a register instead of reading and writing the group's slot per
     * row, which chains each row's update to the previous one's store.
     */
    static boolean single(int[] groups, int count) {
        if (count == 0) return false;
        int g = groups[0];
        for (int k = 1; k < count; k++) if (groups[k] != g) return false;
        return true;
    }
}
