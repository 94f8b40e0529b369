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
        super(type, left, right, condition);
        if (!condition.hasKeys()) throw new IllegalArgumentException("a hash join needs equi-join keys");
    }

    @Override
    public String name() {
        return "HASH_JOIN";
    }
}
