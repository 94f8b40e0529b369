package dev.mallard.optimizer;

import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.Plans;
import java.util.List;

/**
 * Rewrites a logical plan (already free of subqueries) into a cheaper equivalent one by running a
 * fixed sequence of passes, DuckDB style. The order matters:
 *
 * <ol>
 *   <li>{@link FoldConstants} and {@link PropagateEmpty}: evaluate what does not depend on data;
 *       a filter that is always false empties its subtree.</li>
 *   <li>{@link PushDownFilters}: every conjunct as close to the data as it can go; comma joins get
 *       their join conditions; outer joins become inner joins when a filter rejects their NULLs.
 *       Folding runs again because substitution creates new constant expressions.</li>
 *   <li>{@link RemoveRedundantProjections}, so trees of inner joins are contiguous, then
 *       {@link ReorderJoins}: join order from cardinality estimates, smaller input on the build
 *       (right) side; {@link SemiJoinReduction} lets a selective scan on one side of a join
 *       drop the groups of an aggregate on the other side that cannot match;
 *       {@link PushDownSemiJoins} then lets semi/anti joins filter one join input early when that
 *       input is smaller than the join; {@link ChooseSemiJoinBuildSide} builds semi/anti joins
 *       on their preserved side when it is the smaller.</li>
 *   <li>{@link ReplaceSortLimitWithTopN}; {@link ShareCommonSubplans}: a join or aggregate
 *       computed twice is computed once (before pruning, while the copies still read the same
 *       columns); then {@link PruneColumns}: every node keeps only the columns its ancestors read,
 *       scans read only those columns.</li>
 * </ol>
 */
public final class Optimizer {
    private final List<OptimizerRule> rules;

    public Optimizer(List<OptimizerRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The standard passes, with row counts from table storage. */
    public static LogicalPlan optimize(LogicalPlan plan) {
        return optimize(plan, TableStatistics.fromStorage());
    }

    /** The standard passes with the given statistics (tests pin row counts this way). */
    public static LogicalPlan optimize(LogicalPlan plan, TableStatistics statistics) {
        return standard(statistics).run(plan);
    }

    public static Optimizer standard(TableStatistics statistics) {
        CardinalityEstimator estimator = new CardinalityEstimator(statistics);
        return new Optimizer(List.of(
                new FoldConstants(),
                new PropagateEmpty(),
                new PushDownFilters(),
                new FoldConstants(),
                new PropagateEmpty(),
                new RemoveRedundantProjections(),
                new ReorderJoins(estimator),
                new SemiJoinReduction(estimator),
                new PushDownSemiJoins(estimator),
                new ChooseSemiJoinBuildSide(estimator),
                new ReplaceSortLimitWithTopN(),
                new PropagateEmpty(),
                new ShareCommonSubplans(estimator),
                new PruneColumns(),
                new RemoveRedundantProjections()));
    }

    public LogicalPlan run(LogicalPlan plan) {
        LogicalPlan p = plan;
        for (OptimizerRule rule : rules) p = rule.apply(p);
        // Rules keep the root's columns; this guards the promise that results never change shape.
        return Plans.restoreOutputs(p, plan.outputs());
    }
}
