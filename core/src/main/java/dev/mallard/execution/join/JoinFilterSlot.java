package dev.mallard.execution.join;

/**
 * Connects a hash join to a table scan on its probe side in a physical plan: the join publishes
 * its {@link JoinFilter} under this slot when its build finishes (per execution, in the
 * {@link dev.mallard.execution.ExecutionContext}), the scan looks it up when its pipeline starts.
 * The plan itself stays immutable and reusable.
 *
 * @param column the probe key's name, for EXPLAIN
 * @param key    which of the join's keys it filters on (a join on several keys filters on one)
 */
public record JoinFilterSlot(String column, int key) {
    @Override
    public boolean equals(Object o) {
        return this == o; // each slot is its own join's
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
