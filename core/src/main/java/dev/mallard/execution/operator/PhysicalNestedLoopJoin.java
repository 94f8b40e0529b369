package dev.mallard.execution.operator;

import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.join.JoinCondition;
import dev.mallard.plan.LogicalPlan.JoinType;

/**
 * A join without equi-join keys: every probe row meets every build row and the condition (if
 * any) decides; with no condition this is a cross product.
 */
public final class PhysicalNestedLoopJoin extends PhysicalJoin {
    public PhysicalNestedLoopJoin(JoinType type, PhysicalOperator left, PhysicalOperator right, JoinCondition condition) {
        super(type, left, right, condition, null);
    }

    @Override
    public String name() {
        return condition.residual() == null && condition.first() == null && type == JoinType.INNER
                ? "CROSS_PRODUCT" : "NESTED_LOOP_JOIN";
    }
}
