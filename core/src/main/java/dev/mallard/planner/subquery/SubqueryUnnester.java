package dev.mallard.planner.subquery;

import dev.mallard.MallardException;
import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Exprs;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.Filter;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.Project;
import dev.mallard.plan.LogicalPlan.SetOpKind;
import dev.mallard.plan.LogicalPlan.SetOperation;
import dev.mallard.plan.LogicalPlan.Values;
import dev.mallard.plan.Plans;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Removes every {@link Expr.Subquery} from a plan, replacing each with joins, so that no subquery
 * is ever executed once per outer row.
 *
 * <p>The plan is walked bottom-up. At each node, the subqueries in its expressions are planned by a
 * {@link SubqueryPlanner} over the node's input (a subquery's own nested subqueries are unnested
 * first, recursively — an inner subquery may then still refer to columns further out, which the
 * enclosing level decorrelates in turn). LATERAL joins whose right side reads the left side are
 * decorrelated the same way. Every rewritten node keeps its original output columns (a Project
 * drops the helper columns the joins added), so parents are unaffected.
 */
public final class SubqueryUnnester {
    private SubqueryUnnester() {}

    /** An equivalent plan with no {@link Expr.Subquery} anywhere and the same output columns. */
    public static LogicalPlan unnest(LogicalPlan plan) {
        LogicalPlan out = rewrite(plan);
        if (out != plan) {
            Set<Integer> dangling = Plans.freeIds(out);
            dangling.removeAll(Plans.freeIds(plan));
            if (!dangling.isEmpty()) {
                throw new MallardException.Internal("subquery unnesting left references to columns " + dangling
                        + " that no operator produces");
            }
        }
        return out;
    }

    /** Unnests a subquery's plan; it may still read columns of enclosing queries. */
    static LogicalPlan unnestNested(LogicalPlan plan) {
        return rewrite(plan);
    }

    private static LogicalPlan rewrite(LogicalPlan plan) {
        List<LogicalPlan> kids = new ArrayList<>();
        for (LogicalPlan k : plan.children()) kids.add(rewrite(k));
        LogicalPlan node = Plans.withChildren(plan, kids);
        List<ColumnRef> outputs = node.outputs();
        LogicalPlan result = node;
        if (node instanceof Join j && isLateral(j)) {
            result = lateral(j);
        } else if (Plans.expressions(node).stream().anyMatch(Exprs::containsSubquery)) {
            result = switch (node) {
                case Filter f -> filter(f.child(), f.predicate());
                case Join j -> joinCondition(j);
                case Values v -> rewrite(valuesAsProjections(v));
                default -> {
                    // Project, Aggregate, Window, Sort, TopN: plan into the single child, rebuild on top.
                    SubqueryPlanner planner = new SubqueryPlanner(node.children().get(0));
                    LogicalPlan mapped = Plans.mapExpressions(node, planner::plan);
                    yield Plans.withChildren(mapped, List.of(planner.input()));
                }
            };
        }
        return Plans.restoreOutputs(result, outputs);
    }

    /** WHERE/HAVING: subquery conjuncts become semi/anti joins; the other conjuncts stay in a filter. */
    private static LogicalPlan filter(LogicalPlan child, Expr predicate) {
        SubqueryPlanner planner = new SubqueryPlanner(child);
        List<Expr> remaining = new ArrayList<>();
        for (Expr c : Exprs.conjuncts(predicate)) {
            if (!Exprs.containsSubquery(c) || !planner.tryFilter(c)) remaining.add(planner.plan(c));
        }
        return remaining.isEmpty() ? planner.input() : new Filter(planner.input(), Exprs.and(remaining));
    }

    /**
     * Subqueries in a join condition. For an inner join the condition is a filter over the cross
     * product; otherwise each subquery is planned on the side whose columns it reads.
     */
    private static LogicalPlan joinCondition(Join j) {
        if (j.type() == JoinType.INNER) {
            return filter(new Join(JoinType.INNER, j.left(), j.right(), null, null, false), j.condition());
        }
        SubqueryPlanner left = new SubqueryPlanner(j.left());
        SubqueryPlanner right = new SubqueryPlanner(j.right());
        Set<Integer> leftCols = Plans.outputIds(j.left());
        Set<Integer> rightCols = Plans.outputIds(j.right());
        Expr condition = Exprs.rewrite(j.condition(), x -> {
            if (!(x instanceof Expr.Subquery s)) return x;
            Set<Integer> reads = Exprs.columnIds(s);
            if (Collections.disjoint(reads, rightCols)) return left.plan(s);
            if (Collections.disjoint(reads, leftCols)) return right.plan(s);
            throw new MallardException.NotImplemented("a subquery in the condition of a " + j.type()
                    + " join may not refer to both sides of the join");
        });
        return new Join(j.type(), left.input(), right.input(), condition, j.mark(), j.nullAware());
    }

    /** True when the join's right side reads columns of its left side (LATERAL). */
    private static boolean isLateral(Join j) {
        return !Collections.disjoint(Plans.freeIds(j.right()), Plans.outputIds(j.left()));
    }

    /** A LATERAL join: the right side is a subquery correlated with the left. */
    private static LogicalPlan lateral(Join j) {
        if (j.type() != JoinType.INNER && j.type() != JoinType.LEFT) {
            throw new MallardException.NotImplemented("LATERAL is only supported with INNER, CROSS and LEFT joins");
        }
        List<ColumnRef> correlated = new ArrayList<>();
        Set<Integer> free = Plans.freeIds(j.right());
        for (ColumnRef r : j.left().outputs()) if (free.contains(r.id())) correlated.add(r);
        Set<Integer> ids = new java.util.HashSet<>();
        for (ColumnRef r : correlated) ids.add(r.id());
        List<Expr> condition = new ArrayList<>(Exprs.conjuncts(j.condition()));
        LogicalPlan right;
        PredicatePullUp.Result simple = PredicatePullUp.tryPullUp(j.right(), ids);
        if (simple != null) {
            right = simple.plan();
            condition.addAll(simple.conditions());
        } else {
            DependentJoinPushdown.Pushed pushed = DependentJoinPushdown.pushDown(j.left(), correlated, j.right());
            right = pushed.plan();
            condition.addAll(DependentJoinPushdown.bindingConditions(correlated, pushed));
        }
        Join join = new Join(j.type(), j.left(), right, Exprs.andOrNull(condition), null, false);
        // The lateral join's own condition may hold subqueries too.
        return join.condition() != null && Exprs.containsSubquery(join.condition()) ? joinCondition(join) : join;
    }

    /** VALUES rows holding subqueries: one projection of a single-row VALUES per row, combined with UNION ALL. */
    private static LogicalPlan valuesAsProjections(Values v) {
        LogicalPlan acc = null;
        for (int i = 0; i < v.rows().size(); i++) {
            boolean last = i == v.rows().size() - 1;
            List<Assignment> as = new ArrayList<>();
            List<Expr> row = v.rows().get(i);
            for (int c = 0; c < row.size(); c++) {
                ColumnRef o = v.outputs().get(c);
                as.add(new Assignment(v.rows().size() == 1 ? o : ColumnIds.fresh(o.name(), o.type()), row.get(c)));
            }
            ColumnRef dummy = ColumnIds.fresh("dummy", LogicalType.INTEGER);
            LogicalPlan one = new Project(new Values(List.of(dummy),
                    List.of(List.of(new Expr.Constant(0, LogicalType.INTEGER)))), as);
            if (acc == null) {
                acc = one;
                continue;
            }
            List<ColumnRef> outs = new ArrayList<>();
            for (ColumnRef o : v.outputs()) outs.add(last ? o : ColumnIds.fresh(o.name(), o.type()));
            acc = new SetOperation(SetOpKind.UNION, true, acc, one, outs);
        }
        return acc;
    }
}
