package dev.mallard.optimizer;

import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Limit;
import dev.mallard.plan.LogicalPlan.Project;
import dev.mallard.plan.LogicalPlan.Sort;
import dev.mallard.plan.LogicalPlan.TopN;
import dev.mallard.plan.Plans;

/**
 * Fuses a sort followed by a limit into a TopN, which keeps only {@code limit + offset} rows in a
 * heap instead of sorting everything. Projections between them (ORDER BY on a hidden column) are
 * moved above, since they compute per row and do not change the row count.
 *
 * <pre>
 * Limit[10]                     →   Project[a#1, b#2]
 *   Project[a#1, b#2]                 TopN[10, c#3 DESC]
 *     Sort[c#3 DESC]                    Get[t: a#1, b#2, c#3]
 *       Get[t: a#1, b#2, c#3]
 * </pre>
 *
 * A sort directly under another sort is dropped (only the outer order is visible).
 */
public final class ReplaceSortLimitWithTopN implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return Plans.transformUp(plan, ReplaceSortLimitWithTopN::rewrite);
    }

    private static LogicalPlan rewrite(LogicalPlan p) {
        if (p instanceof Sort outer && outer.child() instanceof Sort inner) return new Sort(inner.child(), outer.keys());
        if (!(p instanceof Limit limit) || limit.limit() < 0) return p;
        return fuse(limit.child(), limit);
    }

    /** The limit applied to {@code below}, as a TopN if a sort is found under row-wise projections. */
    private static LogicalPlan fuse(LogicalPlan below, Limit limit) {
        return switch (below) {
            case Sort s -> new TopN(s.child(), s.keys(), limit.limit(), limit.offset());
            case Project pr -> {
                LogicalPlan inner = fuse(pr.child(), limit);
                yield inner instanceof Limit ? new Limit(below, limit.limit(), limit.offset()) : new Project(inner, pr.assignments());
            }
            default -> new Limit(below, limit.limit(), limit.offset());
        };
    }
}
