package dev.mallard.optimizer;

import dev.mallard.plan.LogicalPlan;

/**
 * One optimizer pass over a whole plan. A rule must keep the plan's result: the same rows and the
 * same output columns in the same order at the root (inner nodes may gain or lose columns nobody
 * reads). Each rule documents its pattern with the plan before and after.
 */
public interface OptimizerRule {
    LogicalPlan apply(LogicalPlan plan);

    /** A short name for debugging (which rule changed what). */
    default String name() {
        return getClass().getSimpleName();
    }
}
