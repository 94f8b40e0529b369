package dev.mallard.optimizer;

import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.Plans;

/**
 * Builds the hash table of a semi or anti join on its preserved (left) side when that side is the
 * smaller one. A hash join always builds on its right input, and a SEMI/ANTI join keeps its left
 * rows, so for {@code EXISTS (SELECT … FROM lineitem …)} over a few thousand orders the engine
 * would hash millions of lineitem rows on one thread to probe it a few thousand times. Swapped,
 * the orders are hashed, lineitem streams through the probe on every thread marking the orders
 * it meets, and a scan of the hash table's rows emits the marked (RIGHT_SEMI) or unmarked
 * (RIGHT_ANTI) ones. (TPC-H Q4, Q21, Q22.)
 *
 * <pre>
 * Join[SEMI, o_orderkey = l_orderkey]          Join[RIGHT_SEMI, o_orderkey = l_orderkey]
 *   Filter[o_orderdate …]  (~57k rows)     →     Filter[l_commitdate &lt; l_receiptdate]
 *   Filter[l_commitdate &lt; l_receiptdate]            Get[lineitem]
 *     Get[lineitem]         (~2M rows)            Filter[o_orderdate …]
 * </pre>
 *
 * Null-aware anti joins (NOT IN) stay as they are: their NULL rules are decided per probe row.
 * Runs after the rules that move semi joins, which only know the SEMI/ANTI forms.
 */
public final class ChooseSemiJoinBuildSide implements OptimizerRule {
    private final CardinalityEstimator estimator;

    public ChooseSemiJoinBuildSide(CardinalityEstimator estimator) {
        this.estimator = estimator;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return Plans.transformUp(plan, this::choose);
    }

    private LogicalPlan choose(LogicalPlan p) {
        if (!(p instanceof Join j) || j.condition() == null) return p;
        JoinType swapped = switch (j.type()) {
            case SEMI -> JoinType.RIGHT_SEMI;
            case ANTI -> j.nullAware() ? null : JoinType.RIGHT_ANTI;
            case INNER, LEFT, RIGHT, FULL, MARK, SINGLE, RIGHT_SEMI, RIGHT_ANTI -> null;
        };
        // Only a clear difference: estimates of filtered aggregates are rough, and a wrong swap
        // hashes the big side on one thread (Q18's IN list of 57 orders against all orders).
        if (swapped == null || estimator.rows(j.left()) * 4 > estimator.rows(j.right())) return p;
        return new Join(swapped, j.right(), j.left(), j.condition(), null, false);
    }
}
