package dev.mallard.optimizer;

import dev.mallard.expression.Exprs;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.Plans;
import java.util.Set;

/**
 * Moves a semi or anti join below an inner join when it reads only one input of that join and
 * that input has no more rows than the join's result: it then filters the input before the join,
 * and probes its hash table fewer times. (TPC-H Q18's {@code o_orderkey IN (...)} filters orders
 * before they meet lineitem; Q21's EXISTS stays above the selective supplier/nation joins.)
 *
 * <pre>
 * Join[SEMI, o_orderkey = k]                     Join[INNER, l_orderkey = o_orderkey]
 *   Join[INNER, l_orderkey = o_orderkey]     →     Get[lineitem]
 *     Get[lineitem]                                Join[SEMI, o_orderkey = k]
 *     Get[orders]                                    Get[orders]
 *   (big orders with large sums)                     (big orders with large sums)
 * </pre>
 *
 * The row counts are estimates from {@link CardinalityEstimator}, so this runs after join ordering.
 */
public final class PushDownSemiJoins implements OptimizerRule {
    private final CardinalityEstimator estimator;

    public PushDownSemiJoins(CardinalityEstimator estimator) {
        this.estimator = estimator;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return Plans.transformUp(plan, this::push);
    }

    private LogicalPlan push(LogicalPlan p) {
        if (!(p instanceof Join j) || (j.type() != JoinType.SEMI && j.type() != JoinType.ANTI)
                || !(j.left() instanceof Join inner) || inner.type() != JoinType.INNER) {
            return p;
        }
        Set<Integer> reads = j.condition() == null ? Set.of() : Exprs.columnIds(j.condition());
        reads.retainAll(Plans.outputIds(j.left()));
        double joined = estimator.rows(inner);
        boolean intoLeft = Plans.outputIds(inner.left()).containsAll(reads) && estimator.rows(inner.left()) <= joined;
        boolean intoRight = !intoLeft && Plans.outputIds(inner.right()).containsAll(reads) && estimator.rows(inner.right()) <= joined;
        if (!intoLeft && !intoRight) return p;
        LogicalPlan side = intoLeft ? inner.left() : inner.right();
        LogicalPlan filtered = push(new Join(j.type(), side, j.right(), j.condition(), j.mark(), j.nullAware()));
        return new Join(JoinType.INNER, intoLeft ? filtered : inner.left(), intoLeft ? inner.right() : filtered,
                inner.condition(), null, false);
    }
}
