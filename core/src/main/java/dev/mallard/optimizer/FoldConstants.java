package dev.mallard.optimizer;

import dev.mallard.expression.Exprs;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Filter;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.Plans;

/**
 * Simplifies every expression of the plan with {@link ExpressionSimplifier} (constant folding and
 * boolean rules), and drops conditions that became TRUE.
 *
 * <pre>
 * Filter[a#1 &gt; 2 + 3 AND TRUE]          →   Filter[a#1 &gt; 5]
 *   Get[t: a#1]                              Get[t: a#1]
 *
 * Filter[1 = 1]                         →   Get[t: a#1]
 *   Get[t: a#1]
 *
 * Join[INNER, TRUE]                     →   Join[CROSS]
 * </pre>
 *
 * A condition that folds to FALSE or NULL is left for {@link PropagateEmpty}.
 */
public final class FoldConstants implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return Plans.transformUp(plan, node -> {
            LogicalPlan n = Plans.mapExpressions(node, ExpressionSimplifier::simplify);
            if (n instanceof Filter f && Exprs.isTrue(f.predicate())) return f.child();
            if (n instanceof Join j && j.condition() != null && Exprs.isTrue(j.condition())) {
                return new Join(j.type(), j.left(), j.right(), null, j.mark(), j.nullAware());
            }
            return n;
        });
    }
}
