package dev.mallard.optimizer;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Exprs;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Aggregate;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.Filter;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.Project;
import dev.mallard.plan.Plans;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Semi-join reduction: a selective scan on one side of a join cuts down the groups an aggregate
 * on the other side computes. A decorrelated subquery aggregates a big table by the correlation key for every key,
 * though the join then keeps only the keys of a few outer rows; a semi join with the selective
 * scan that supplies those keys, placed below the aggregate, drops the other groups' rows before
 * they are hashed (the effect of DuckDB's delim join for TPC-H Q2, Q17 and Q20).
 *
 * <pre>
 * Join[INNER, l_partkey = p_partkey]              Join[INNER, l_partkey = p_partkey]
 *   Aggregate[group by l_partkey; avg(..)]          Aggregate[group by l_partkey; avg(..)]
 *     Get[lineitem]                          →        Join[SEMI, l_partkey = k]
 *   Join[INNER, l_partkey2 = p_partkey]                 Get[lineitem]
 *     Get[lineitem]                                     Project[k := p_partkey']
 *     Filter[p_brand = ..](Get[part])                     Filter[p_brand = ..](Get[part])  (a copy)
 *   ...                                               ...
 * </pre>
 *
 * It is exact: the join only keeps groups whose key equals a key of the other side, and every
 * such key is, through that side's inner and semi joins on column equalities, a value of the
 * scan's column; the semi join removes whole groups (it filters on a grouping column), so the
 * groups that remain aggregate the same rows. The scan runs twice, so it must be a filtered scan
 * estimated far smaller than both its table and the aggregate.
 *
 * <p>The same reduction of a semi/anti join's build side was tried and dropped: with equality
 * selectivity guessed (no distinct counts yet), Q21's {@code o_orderstatus = 'F'} looks like 10 %
 * of orders but is half of them, and the extra pass cost more than the smaller build saved.
 */
public final class SemiJoinReduction implements OptimizerRule {
    /** The scan must keep at most this share of its table and of the aggregate's groups. */
    static final double MAX_SHARE = 0.25;

    private final CardinalityEstimator estimator;

    public SemiJoinReduction(CardinalityEstimator estimator) {
        this.estimator = estimator;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return Plans.transformUp(plan, this::reduce);
    }

    private record Source(LogicalPlan plan, ColumnRef column) {}

    private LogicalPlan reduce(LogicalPlan p) {
        if (!(p instanceof Join j) || j.condition() == null) return p;
        boolean leftOk = j.type() == JoinType.INNER;
        boolean rightOk = j.type() == JoinType.INNER || j.type() == JoinType.SEMI;
        if (leftOk) {
            LogicalPlan reduced = reduceSide(j.left(), j.right(), j.condition());
            if (reduced != null) return new Join(j.type(), reduced, j.right(), j.condition(), j.mark(), j.nullAware());
        }
        if (rightOk) {
            LogicalPlan reduced = reduceSide(j.right(), j.left(), j.condition());
            if (reduced != null) return new Join(j.type(), j.left(), reduced, j.condition(), j.mark(), j.nullAware());
        }
        return p;
    }

    /** The aggregate side with a semi join below its aggregate, or null when nothing pays. */
    private LogicalPlan reduceSide(LogicalPlan side, LogicalPlan other, Expr condition) {
        // HAVING puts a filter between the join and the aggregate; it passes the groups through.
        Filter having = side instanceof Filter f ? f : null;
        if (!((having != null ? having.child() : side) instanceof Aggregate a) || a.groups().isEmpty()) return null;
        double groups = estimator.rows(a);
        Set<Integer> otherIds = Plans.outputIds(other);
        for (Expr conjunct : Exprs.conjuncts(condition)) {
            ColumnRef[] pair = columnEquality(conjunct);
            if (pair == null) continue;
            for (int s = 0; s < 2; s++) {
                ColumnRef mine = pair[s];
                ColumnRef theirs = pair[1 - s];
                if (!otherIds.contains(theirs.id())) continue;
                ColumnRef input = groupInput(a, mine);
                if (input == null) continue;
                LogicalPlan keys = keyScan(keySources(other, theirs.id()), Math.min(groups, estimator.rows(a.child())));
                if (keys == null) continue;
                ColumnRef key = keys.outputs().get(0);
                LogicalPlan filtered = new Join(JoinType.SEMI, a.child(), keys, Exprs.equal(input, key), null, false);
                Aggregate reduced = new Aggregate(filtered, a.groups(), a.aggregates());
                return having != null ? new Filter(reduced, having.predicate()) : reduced;
            }
        }
        return null;
    }

    /**
     * A copy of the best key source projected to its key column — the smallest filtered scan that
     * keeps at most {@link #MAX_SHARE} of its table and of {@code reducedRows} — or null.
     */
    private LogicalPlan keyScan(List<Source> sources, double reducedRows) {
        Source best = null;
        double bestRows = Double.MAX_VALUE;
        for (Source src : sources) {
            double rows = estimator.rows(src.plan());
            if (rows < bestRows && rows <= MAX_SHARE * tableRows(src.plan())) {
                best = src;
                bestRows = rows;
            }
        }
        if (best == null || bestRows > MAX_SHARE * reducedRows) return null;
        Plans.Copy copy = Plans.copyWithFreshIds(best.plan());
        ColumnRef copied = copy.mapping().get(best.column().id());
        ColumnRef key = ColumnIds.fresh(copied.name(), copied.type());
        return new Project(copy.plan(), List.of(new Assignment(key, copied)));
    }

    /** {@code a = b} between two columns, or null. */
    private static ColumnRef[] columnEquality(Expr e) {
        if (!"=".equals(Exprs.comparisonOperator(e))) return null;
        List<Expr> args = ((Expr.Call) e).args();
        return args.get(0) instanceof ColumnRef x && args.get(1) instanceof ColumnRef y ? new ColumnRef[] {x, y} : null;
    }

    /** The input column a grouping column is a plain copy of, or null. */
    private static ColumnRef groupInput(Aggregate a, ColumnRef group) {
        for (Assignment g : a.groups()) {
            if (g.target().id() == group.id()) return g.expr() instanceof ColumnRef c ? c : null;
        }
        return null;
    }

    /**
     * Filtered scans whose column holds every value column {@code id} takes in {@code p}'s output:
     * followed through projections, filters, and the column equalities of inner and semi joins.
     */
    private static List<Source> keySources(LogicalPlan p, int id) {
        List<Source> out = new ArrayList<>();
        collect(p, id, out);
        return out;
    }

    private static void collect(LogicalPlan p, int id, List<Source> out) {
        if (isFilteredScan(p)) {
            for (ColumnRef c : p.outputs()) {
                if (c.id() == id) out.add(new Source(p, c));
            }
            return;
        }
        switch (p) {
            case Filter f -> collect(f.child(), id, out);
            case Project x -> {
                for (Assignment a : x.assignments()) {
                    if (a.target().id() == id && a.expr() instanceof ColumnRef c) collect(x.child(), c.id(), out);
                }
            }
            case Join j when j.type() == JoinType.INNER || j.type() == JoinType.SEMI -> {
                Set<Integer> equal = equalColumns(j.condition(), id);
                Set<Integer> left = Plans.outputIds(j.left());
                Set<Integer> right = Plans.outputIds(j.right());
                for (int e : equal) {
                    if (left.contains(e)) collect(j.left(), e, out);
                    if (right.contains(e)) collect(j.right(), e, out);
                }
            }
            default -> { }
        }
    }

    /** {@code id} and every column the condition's equalities tie to it, transitively. */
    private static Set<Integer> equalColumns(Expr condition, int id) {
        Set<Integer> equal = new HashSet<>(Set.of(id));
        if (condition == null) return equal;
        List<ColumnRef[]> pairs = new ArrayList<>();
        for (Expr c : Exprs.conjuncts(condition)) {
            ColumnRef[] pair = columnEquality(c);
            if (pair != null) pairs.add(pair);
        }
        for (boolean grew = true; grew; ) {
            grew = false;
            for (ColumnRef[] pair : pairs) {
                if (equal.contains(pair[0].id()) != equal.contains(pair[1].id())) {
                    equal.add(pair[0].id());
                    equal.add(pair[1].id());
                    grew = true;
                }
            }
        }
        return equal;
    }

    /** A scan with at least one filter, under any projections: cheap to run twice, and selective. */
    private static boolean isFilteredScan(LogicalPlan p) {
        boolean filtered = false;
        while (true) {
            switch (p) {
                case Get g -> {
                    return filtered;
                }
                case Filter f -> {
                    filtered = true;
                    p = f.child();
                }
                case Project x -> p = x.child();
                default -> {
                    return false;
                }
            }
        }
    }

    private double tableRows(LogicalPlan scan) {
        while (!(scan instanceof Get)) scan = scan.children().get(0);
        return estimator.rows(scan);
    }
}
