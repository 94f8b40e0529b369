package dev.mallard.execution.operator;

import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.join.JoinCondition;
import dev.mallard.plan.LogicalPlan.JoinType;

/**
 * A join with at least one equi-join key: the build side goes into a chained hash table, each
 * probe row walks the chain of its key's hash; the residual runs on the key-matched pairs.
 */
public final class PhysicalHashJoin extends PhysicalJoin {
    public PhysicalHashJoin(JoinType type, PhysicalOperator left, PhysicalOperator right, JoinCondition condition) {
        this(type, left, right, condition, null);
    }

    /** @param filterSlot where to publish the build's {@link dev.mallard.execution.join.JoinFilter} (null: nowhere) */
    public PhysicalHashJoin(JoinType type, PhysicalOperator left, PhysicalOperator right, JoinCondition condition,
                            dev.mallard.execution.join.JoinFilterSlot filterSlot) {
        super(type, left, right, condition, filterSlot);
        if (!condition.hasKeys()) throw new IllegalArgumentException("a hash join needs equi-join keys");
    }

    @Override
    public String name() {
        return "HASH_JOIN";
    }
}
