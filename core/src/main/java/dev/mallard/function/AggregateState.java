package dev.mallard.function;

import dev.mallard.vector.Vector;

/**
 * The states of one aggregate for many groups, held column-wise (e.g. a {@code long[]} of sums
 * indexed by group id), so a hash aggregate updates a whole vector of rows in one call without
 * allocating an object per group. One instance is owned by one thread; {@link #merge} combines
 * thread-local instances.
 */
public interface AggregateState {
    /** Makes room for group ids {@code 0..groups)}; new groups start empty. */
    void ensureGroups(int groups);

    /**
     * Adds the rows at positions {@code sel[k]} (or {@code k}) for {@code k < count} of the
     * argument vectors; row k belongs to group {@code groups[k]}.
     */
    void update(Vector[] args, int[] sel, int count, int[] groups);

    /**
     * Folds group {@code sources[i]} (or {@code i} when {@code sources} is null) of {@code other}
     * into group {@code targets[i]} of this, for {@code i < count}; a partitioned merge passes the
     * groups of one partition.
     */
    void merge(AggregateState other, int[] sources, int[] targets, int count);

    /** Writes the final value of {@code group} to position {@code pos} of {@code out} (NULL if empty where SQL says so). */
    void finalize(int group, Vector out, int pos);

    /** Empties group {@code group} so it can be reused (window frames). */
    void clear(int group);
}
