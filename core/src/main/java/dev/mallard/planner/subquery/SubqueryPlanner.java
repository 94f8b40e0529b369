package dev.mallard.planner.subquery;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Exprs;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.Project;
import dev.mallard.plan.Plans;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Replaces the subqueries in the expressions of one plan node by joins into that node's input.
 * The input grows with each planned subquery; the node is then rebuilt over {@link #input()}.
 *
 * <ul>
 *   <li>A WHERE/HAVING conjunct that is itself a subquery predicate filters rows, so it becomes a
 *       semi or anti join ({@link #tryFilter}): EXISTS → SEMI, NOT EXISTS → ANTI, IN → SEMI,
 *       NOT IN → null-aware ANTI.</li>
 *   <li>Anywhere else ({@link #plan}) the subquery must yield a value per row: EXISTS and IN become a
 *       MARK join whose BOOLEAN mark replaces them; a scalar subquery becomes a join whose output
 *       column replaces it — INNER with a one-row aggregate, LEFT when at most one row can match,
 *       otherwise SINGLE (which fails on a second match, as SQL requires).</li>
 *   <li>Quantified comparisons a hash join cannot answer ({@code x < ANY}, {@code x >= ALL},
 *       {@code = ALL}, {@code <> ANY}) become a one-row min/max/count aggregate read by a CASE
 *       ({@link QuantifiedComparison}); against a subquery that always yields one row, any
 *       quantified comparison is a plain comparison and EXISTS is TRUE.</li>
 * </ul>
 *
 * Correlated subqueries are decorrelated on the way: {@link AggregatePullUp} and
 * {@link PredicatePullUp} handle correlation through equalities in a filter (the TPC-H cases);
 * {@link DependentJoinPushdown} handles everything else.
 */
final class SubqueryPlanner {
    private LogicalPlan input;

    SubqueryPlanner(LogicalPlan input) {
        this.input = input;
    }

    /** The input with every planned subquery joined in; it has extra columns, never fewer. */
    LogicalPlan input() {
        return input;
    }

    /** The expression with each subquery in it (innermost first) replaced by the column answering it. */
    Expr plan(Expr e) {
        if (e == null || !Exprs.containsSubquery(e)) return e;
        return Exprs.rewrite(e, x -> x instanceof Expr.Subquery s ? value(s) : x);
    }

    /**
     * Applies a filter conjunct that is a (possibly negated) EXISTS, IN or NOT IN subquery as a semi
     * or anti join on the input.
     *
     * @return false if the conjunct has another form (the caller then plans it as a value)
     */
    boolean tryFilter(Expr conjunct) {
        boolean negated = false;
        Expr e = conjunct;
        while (e instanceof Expr.Not n) {
            negated = !negated;
            e = n.operand();
        }
        if (!(e instanceof Expr.Subquery s) || Plans.exactlyOneRow(s.plan())) return false;
        switch (s.kind()) {
            case EXISTS -> join(negated ? JoinType.ANTI : JoinType.SEMI, unnest(rowsOnly(s.plan(), true)), null, false, null);
            case ANY, ALL -> {
                if (!QuantifiedComparison.isEqualityForm(s)) return false;
                // x IN S keeps rows where some y = x; x NOT IN S (= x <> ALL S) keeps rows where the
                // IN is FALSE, not NULL: a null-aware anti join.
                boolean in = (s.kind() == Expr.SubqueryKind.ANY) != negated;
                Expr operand = plan(s.operand());
                LogicalPlan sub = unnest(rowsOnly(s.plan(), false));
                Expr eq = Exprs.equal(operand, sub.outputs().get(0));
                if (in) join(JoinType.SEMI, sub, eq, false, null);
                else join(JoinType.ANTI, sub, eq, true, null);
            }
            case SCALAR -> {
                return false;
            }
        }
        return true;
    }

    /** The value of one subquery (its operand already planned), as an expression over the grown input. */
    private Expr value(Expr.Subquery s) {
        return switch (s.kind()) {
            case SCALAR -> scalar(s.plan()).get(0);
            case EXISTS -> {
                if (Plans.exactlyOneRow(s.plan())) yield Exprs.TRUE;
                ColumnRef mark = ColumnIds.fresh("exists", LogicalType.BOOLEAN);
                join(JoinType.MARK, unnest(rowsOnly(s.plan(), true)), null, false, mark);
                // A mark is NULL when some comparison was unknown; EXISTS only asks whether a row matched.
                yield new Expr.Coalesce(List.of(mark, Exprs.FALSE), LogicalType.BOOLEAN);
            }
            case ANY, ALL -> {
                if (Plans.exactlyOneRow(s.plan())) {
                    // One row: the quantifier is just the comparison with that row's value.
                    String op = s.operator().equals("!=") ? "<>" : s.operator();
                    yield Exprs.comparison(op, s.operand(), scalar(s.plan()).get(0));
                }
                if (QuantifiedComparison.isEqualityForm(s)) {
                    ColumnRef mark = ColumnIds.fresh(s.kind() == Expr.SubqueryKind.ANY ? "in" : "not_in", LogicalType.BOOLEAN);
                    LogicalPlan sub = unnest(rowsOnly(s.plan(), false));
                    join(JoinType.MARK, sub, Exprs.equal(s.operand(), sub.outputs().get(0)), true, mark);
                    yield s.kind() == Expr.SubqueryKind.ANY ? mark : new Expr.Not(mark);
                }
                QuantifiedComparison.Rewrite r = QuantifiedComparison.rewrite(s, s.operand());
                yield r.answer().apply(scalar(r.aggregate()));
            }
        };
    }

    /**
     * Joins a semi, anti or mark join of the subquery into the input.
     *
     * @param comparison the IN equality (always the first conjunct of the condition, which is what
     *                   a null-aware join treats specially), or null
     */
    private void join(JoinType type, LogicalPlan sub, Expr comparison, boolean nullAware, ColumnRef mark) {
        List<Expr> condition = new ArrayList<>();
        if (comparison != null) condition.add(comparison);
        List<ColumnRef> correlated = correlated(sub);
        if (correlated.isEmpty()) {
            input = new Join(type, input, sub, Exprs.andOrNull(condition), mark, nullAware);
            return;
        }
        Set<Integer> ids = ids(correlated);
        PredicatePullUp.Result simple = PredicatePullUp.tryPullUp(sub, ids);
        if (simple != null) {
            condition.addAll(simple.conditions());
            input = new Join(type, input, simple.plan(), Exprs.andOrNull(condition), mark, nullAware);
            return;
        }
        DependentJoinPushdown.Pushed pushed = DependentJoinPushdown.pushDown(input, correlated, sub);
        condition.addAll(DependentJoinPushdown.bindingConditions(correlated, pushed));
        input = new Join(type, input, pushed.plan(), Exprs.andOrNull(condition), mark, nullAware);
    }

    /** Joins a scalar subquery into the input; returns the columns holding its outputs. */
    private List<ColumnRef> scalar(LogicalPlan original) {
        LogicalPlan sub = unnest(original);
        List<ColumnRef> correlated = correlated(sub);
        if (correlated.isEmpty()) {
            JoinType type = Plans.exactlyOneRow(sub) ? JoinType.INNER : Plans.atMostOneRow(sub) ? JoinType.LEFT : JoinType.SINGLE;
            input = new Join(type, input, sub, null, null, false);
            return sub.outputs();
        }
        Set<Integer> ids = ids(correlated);
        JoinType type = Plans.atMostOneRow(sub) ? JoinType.LEFT : JoinType.SINGLE;
        AggregatePullUp.Result grouped = AggregatePullUp.tryPullUp(sub, ids);
        if (grouped != null) {
            Join join = new Join(JoinType.LEFT, input, grouped.aggregate(), grouped.condition(), null, false);
            List<Assignment> as = new ArrayList<>(Plans.identity(input.outputs()));
            as.addAll(grouped.values());
            input = new Project(join, as);
            return sub.outputs();
        }
        PredicatePullUp.Result simple = PredicatePullUp.tryPullUp(sub, ids);
        if (simple != null) {
            input = new Join(type, input, simple.plan(), Exprs.andOrNull(simple.conditions()), null, false);
            return sub.outputs();
        }
        DependentJoinPushdown.Pushed pushed = DependentJoinPushdown.pushDown(input, correlated, sub);
        input = new Join(type, input, pushed.plan(),
                Exprs.andOrNull(DependentJoinPushdown.bindingConditions(correlated, pushed)), null, false);
        return sub.outputs();
    }

    /** The input's columns the subquery reads (its correlation with this level). */
    private List<ColumnRef> correlated(LogicalPlan sub) {
        Set<Integer> free = Plans.freeIds(sub);
        List<ColumnRef> out = new ArrayList<>();
        for (ColumnRef r : input.outputs()) if (free.contains(r.id())) out.add(r);
        return out;
    }

    private static Set<Integer> ids(List<ColumnRef> refs) {
        Set<Integer> out = new java.util.HashSet<>();
        for (ColumnRef r : refs) out.add(r.id());
        return out;
    }

    /**
     * The subquery without what cannot change a membership test: an ORDER BY, a DISTINCT (IN and
     * EXISTS only ask whether a row exists) and, for EXISTS, a LIMIT that keeps the first row. Seen
     * through the select list's projections. This also exposes the correlated filter underneath to
     * the fast decorrelation paths. (Not for scalar subqueries: DISTINCT can turn two equal rows
     * into one, which is then not an error.)
     */
    private static LogicalPlan rowsOnly(LogicalPlan plan, boolean exists) {
        return switch (plan) {
            case LogicalPlan.Sort s -> rowsOnly(s.child(), exists);
            case LogicalPlan.Limit l when exists && l.offset() == 0 && l.limit() != 0 -> rowsOnly(l.child(), true);
            case LogicalPlan.Aggregate a when a.aggregates().isEmpty() && !a.groups().isEmpty() -> {
                // SELECT DISTINCT: the grouping only renames its keys.
                yield new Project(rowsOnly(a.child(), exists), a.groups());
            }
            case Project p -> {
                LogicalPlan child = rowsOnly(p.child(), exists);
                yield child == p.child() ? p : new Project(child, p.assignments());
            }
            default -> plan;
        };
    }

    /** A subquery's plan with its own nested subqueries unnested first. */
    private static LogicalPlan unnest(LogicalPlan plan) {
        return SubqueryUnnester.unnestNested(plan);
    }
}
