package dev.mallard.planner.subquery;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Exprs;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Aggregate;
import dev.mallard.plan.LogicalPlan.AggregateCall;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.Filter;
import dev.mallard.plan.LogicalPlan.Project;
import dev.mallard.plan.Plans;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fast path for a correlated scalar aggregate whose correlation is equalities in the filter
 * under the aggregate (TPC-H Q2, Q17, Q20): aggregate once, grouped by the inner side of each
 * equality, and left-join the groups to the outer rows on those equalities.
 *
 * <pre>
 * subquery:  Project[v := 0.2 * avg#1]                 join input:  Aggregate[group by: k#9 := l_partkey;
 *              Aggregate[avg#1 := avg(l_quantity)]       →                     avg#10 := avg(l_quantity)]
 *                Filter[l_partkey = p_partkey]                           Get[lineitem]
 *                  Get[lineitem]                           join: LEFT, k#9 = p_partkey
 *                                                          then: Project[..., v := 0.2 * avg#10]
 * </pre>
 *
 * The select list is evaluated above the join, with COUNT outputs read as {@code coalesce(count, 0)}:
 * an outer row without matching rows gets what the aggregate gives over no rows (the COUNT bug).
 */
final class AggregatePullUp {
    /**
     * @param aggregate the grouped aggregate to join
     * @param condition equalities between its group keys and outer expressions
     * @param values    the subquery's outputs, computed over the join (input columns plus aggregate outputs)
     */
    record Result(LogicalPlan aggregate, Expr condition, List<Assignment> values) {}

    private AggregatePullUp() {}

    /** The rewrite, or null when the subquery does not have this shape. */
    static Result tryPullUp(LogicalPlan sub, Set<Integer> correlated) {
        List<Project> projects = new ArrayList<>();
        LogicalPlan p = sub;
        while (p instanceof Project pr) {
            if (PredicatePullUp.mentions(Plans.expressions(pr), correlated)) return null;
            projects.add(pr);
            p = pr.child();
        }
        if (!(p instanceof Aggregate agg) || !agg.groups().isEmpty()) return null;
        if (PredicatePullUp.mentions(Plans.expressions(agg), correlated)) return null;
        // Projections between the aggregate and the filter (e.g. the cast an IN subquery adds) are kept.
        List<Project> middle = new ArrayList<>();
        LogicalPlan below = agg.child();
        while (below instanceof Project pr) {
            if (PredicatePullUp.mentions(Plans.expressions(pr), correlated)) return null;
            middle.add(pr);
            below = pr.child();
        }
        if (!(below instanceof Filter f)) return null;
        LogicalPlan source = f.child();
        if (!Collections.disjoint(Plans.freeIds(source), correlated)) return null;
        Set<Integer> inner = Plans.producedIds(source);

        List<Expr> kept = new ArrayList<>();
        List<Assignment> keys = new ArrayList<>();
        List<Expr> condition = new ArrayList<>();
        for (Expr c : Exprs.conjuncts(f.predicate())) {
            Set<Integer> refs = Exprs.columnIds(c);
            if (Collections.disjoint(refs, correlated)) {
                kept.add(c);
                continue;
            }
            // Only "inner expression = outer expression" can become a group key.
            if (!"=".equals(Exprs.comparisonOperator(c)) || Exprs.containsSubquery(c)) return null;
            Expr.Call eq = (Expr.Call) c;
            int innerSide = sideOf(eq.args().get(0), inner) ? 0 : sideOf(eq.args().get(1), inner) ? 1 : -1;
            if (innerSide < 0) return null;
            Expr outerExpr = eq.args().get(1 - innerSide);
            if (!Collections.disjoint(Exprs.columnIds(outerExpr), inner)) return null;
            Expr innerExpr = eq.args().get(innerSide);
            ColumnRef key = ColumnIds.fresh(innerExpr instanceof ColumnRef r ? r.name() : "key", innerExpr.type());
            keys.add(new Assignment(key, innerExpr));
            List<Expr> args = innerSide == 0 ? List.of(key, outerExpr) : List.of(outerExpr, key);
            condition.add(new Expr.Call(eq.function(), args));
        }
        if (keys.isEmpty()) return null;

        // Aggregate outputs get fresh symbols; the subquery's own symbols are defined above the join.
        Map<Integer, Expr> fixed = new HashMap<>();
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall a : agg.aggregates()) {
            ColumnRef out = ColumnIds.fresh(a.output().name(), a.output().type());
            calls.add(new AggregateCall(out, a.function(), a.args(), a.distinct(), a.filter(), a.orderBy()));
            fixed.put(a.output().id(), EmptyAggregateValue.fix(a.function(), out));
        }
        LogicalPlan input = kept.isEmpty() ? source : new Filter(source, Exprs.and(kept));
        if (!middle.isEmpty()) {
            // The group keys read the filter's input: pass those columns through the projections.
            List<ColumnRef> needed = new ArrayList<>();
            for (Assignment k : keys) {
                for (ColumnRef r : Exprs.columnRefs(k.expr())) if (!needed.contains(r)) needed.add(r);
            }
            for (int i = middle.size() - 1; i >= 0; i--) {
                input = new Project(input, PredicatePullUp.withPassThrough(middle.get(i).assignments(), needed));
            }
        }
        LogicalPlan grouped = new Aggregate(input, keys, calls);

        List<Assignment> values = new ArrayList<>();
        for (ColumnRef out : sub.outputs()) values.add(new Assignment(out, compose(out, projects, fixed)));
        return new Result(grouped, Exprs.andOrNull(condition), values);
    }

    /** True when the expression reads columns, all of them produced inside the subquery. */
    private static boolean sideOf(Expr e, Set<Integer> inner) {
        Set<Integer> refs = Exprs.columnIds(e);
        return !refs.isEmpty() && inner.containsAll(refs);
    }

    /** The expression of an output through the chain of projections, over the fixed-up aggregate outputs. */
    private static Expr compose(ColumnRef out, List<Project> projects, Map<Integer, Expr> aggregateValues) {
        Expr e = out;
        for (Project p : projects) {
            Map<Integer, Expr> m = new HashMap<>();
            for (Assignment a : p.assignments()) m.put(a.target().id(), a.expr());
            e = Exprs.substitute(e, m);
        }
        return Exprs.substitute(e, aggregateValues);
    }
}
