package dev.mallard.optimizer;

import dev.mallard.expression.Exprs;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Aggregate;
import dev.mallard.plan.LogicalPlan.CteScan;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.MaterializedCte;
import dev.mallard.plan.Plans;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Computes a subplan that occurs twice only once: the query's two copies become scans of one
 * materialized CTE. TPC-H Q11 joins partsupp with the German suppliers once for the groups and
 * again, identically, for the threshold its HAVING compares with; decorrelated subqueries often
 * repeat a part of the outer query like that.
 *
 * <pre>
 * Join[sum#1 > t#9]                          MaterializedCte[#20: ps_partkey#21, ...]
 *   Aggregate[by ps_partkey#2 ...]             Join[ps_suppkey#23 = s_suppkey#24]   (the copy, fresh symbols)
 *     Join[ps_suppkey#3 = s_suppkey#4]   →       ...
 *       ...                                    Join[sum#1 > t#9]
 *   Aggregate[t#9 := sum(...)]                   Aggregate[by ps_partkey#2 ...]
 *     Join[ps_suppkey#5 = s_suppkey#6]             CteScan[#20: ps_partkey#2, ps_suppkey#3, ...]
 *       ...                                      Aggregate[t#9 := sum(...)]
 *                                                  CteScan[#20: ps_suppkey#5, ...]
 * </pre>
 *
 * Only subplans worth it are shared: ones with a join or an aggregate over enough table rows,
 * reading no outer column, with no volatile expression (random() must stay two draws), and with a
 * result estimated small enough to hold.
 */
public final class ShareCommonSubplans implements OptimizerRule {
    /** Larger estimated results are recomputed rather than held in memory. */
    static final double MAX_ROWS = 1 << 21;
    /** Subplans reading fewer table rows than this cost less to recompute than to materialize. */
    static final double MIN_SCANNED_ROWS = 1 << 16;

    private final CardinalityEstimator estimator;

    public ShareCommonSubplans(CardinalityEstimator estimator) {
        this.estimator = estimator;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        LogicalPlan p = plan;
        for (int round = 0; round < 4; round++) {
            LogicalPlan next = shareLargest(p);
            if (next == p) break;
            p = next;
        }
        return p;
    }

    /** Shares the largest duplicated subplan (all its copies), or returns the plan itself. */
    private LogicalPlan shareLargest(LogicalPlan plan) {
        List<LogicalPlan> candidates = new ArrayList<>();
        collect(plan, candidates);
        candidates.sort((x, y) -> Integer.compare(size(y), size(x)));
        for (int i = 0; i < candidates.size(); i++) {
            LogicalPlan a = candidates.get(i);
            List<LogicalPlan> copies = new ArrayList<>(List.of(a));
            for (int j = i + 1; j < candidates.size(); j++) {
                LogicalPlan b = candidates.get(j);
                if (size(b) != size(a)) break;
                if (copies.stream().noneMatch(c -> contains(c, b) || contains(b, c)) && Plans.equivalent(a, b)) copies.add(b);
            }
            if (copies.size() > 1 && estimator.rows(a) <= MAX_ROWS && scannedRows(a) >= MIN_SCANNED_ROWS) return share(plan, copies);
        }
        return plan;
    }

    private static LogicalPlan share(LogicalPlan plan, List<LogicalPlan> copies) {
        LogicalPlan definition = Plans.copyWithFreshIds(copies.get(0)).plan();
        int id = ColumnIds.freshId();
        Set<LogicalPlan> replace = Collections.newSetFromMap(new IdentityHashMap<>());
        replace.addAll(copies);
        LogicalPlan body = Plans.transformUp(plan, n -> replace.contains(n) ? new CteScan(id, n.outputs(), definition) : n);
        return new MaterializedCte(id, definition.outputs(), definition, body);
    }

    /** Nodes that may be shared, in the tree below (and including) {@code p}. */
    private static void collect(LogicalPlan p, List<LogicalPlan> out) {
        for (LogicalPlan k : p.children()) collect(k, out);
        if (p instanceof MaterializedCte) return;
        if ((p instanceof Join || p instanceof Aggregate) && Plans.freeIds(p).isEmpty() && deterministic(p)) out.add(p);
    }

    /** Estimated rows read from tables by the subplan. */
    private double scannedRows(LogicalPlan p) {
        if (p instanceof LogicalPlan.Get g) return estimator.rows(g);
        double n = 0;
        for (LogicalPlan k : p.children()) n += scannedRows(k);
        return n;
    }

    private static boolean deterministic(LogicalPlan p) {
        for (var e : Plans.expressions(p)) if (!Exprs.isDeterministic(e)) return false;
        for (LogicalPlan k : p.children()) if (!deterministic(k)) return false;
        return true;
    }

    private static int size(LogicalPlan p) {
        int n = 1;
        for (LogicalPlan k : p.children()) n += size(k);
        return n;
    }

    private static boolean contains(LogicalPlan outer, LogicalPlan inner) {
        if (outer == inner) return true;
        for (LogicalPlan k : outer.children()) if (contains(k, inner)) return true;
        return false;
    }
}
