package dev.mallard.planner.subquery;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Exprs;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.Filter;
import dev.mallard.plan.LogicalPlan.Project;
import dev.mallard.plan.Plans;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fast path for the common correlated subquery: the correlation is a set of conjuncts of a
 * filter right under the subquery's select list, and nothing else refers to the outer query.
 * Those conjuncts move into the join condition and the rest of the subquery becomes an ordinary
 * (uncorrelated) join input — TPC-H Q4, Q21, Q22's EXISTS / NOT EXISTS.
 *
 * <pre>
 * subquery:  Project[x]                              join input:  Project[x, l_orderkey]
 *              Filter[l_orderkey = o_orderkey           →            Filter[l_commitdate &lt; l_receiptdate]
 *                     AND l_commitdate &lt; l_receiptdate]                Get[lineitem]
 *                Get[lineitem]                        join condition: l_orderkey = o_orderkey
 * </pre>
 *
 * Any predicate may be pulled up this way (also {@code l2.l_suppkey <> l1.l_suppkey}): a semi,
 * anti, mark or single join evaluates it per pair of rows exactly as the filter did.
 */
final class PredicatePullUp {
    /** The uncorrelated join input and the conjuncts to add to the join condition. */
    record Result(LogicalPlan plan, List<Expr> conditions) {}

    private PredicatePullUp() {}

    /**
     * @param correlated ids of outer columns the subquery reads that the join's input provides
     * @return the rewrite, or null when the subquery does not have this shape
     */
    static Result tryPullUp(LogicalPlan sub, Set<Integer> correlated) {
        List<Project> projects = new ArrayList<>();
        LogicalPlan p = sub;
        while (p instanceof Project pr) {
            if (mentions(Plans.expressions(pr), correlated)) return null;
            projects.add(pr);
            p = pr.child();
        }
        if (!(p instanceof Filter f)) return null;
        if (!Collections.disjoint(Plans.freeIds(f.child()), correlated)) return null;
        List<Expr> pulled = new ArrayList<>();
        List<Expr> kept = new ArrayList<>();
        for (Expr c : Exprs.conjuncts(f.predicate())) {
            if (Collections.disjoint(Exprs.columnIds(c), correlated)) kept.add(c);
            else pulled.add(c);
        }
        if (pulled.isEmpty() || pulled.stream().anyMatch(Exprs::containsSubquery)) return null;

        // The pulled conjuncts read columns of the filter's input: pass them through the select list.
        Set<Integer> available = Plans.outputIds(f.child());
        List<ColumnRef> needed = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Expr c : pulled) {
            for (ColumnRef r : Exprs.columnRefs(c)) {
                if (available.contains(r.id()) && seen.add(r.id())) needed.add(r);
            }
        }
        LogicalPlan plan = kept.isEmpty() ? f.child() : new Filter(f.child(), Exprs.and(kept));
        for (int i = projects.size() - 1; i >= 0; i--) {
            plan = new Project(plan, withPassThrough(projects.get(i).assignments(), needed));
        }
        return new Result(plan, pulled);
    }

    static List<Assignment> withPassThrough(List<Assignment> assignments, List<ColumnRef> columns) {
        List<Assignment> out = new ArrayList<>(assignments);
        Set<Integer> targets = new HashSet<>();
        for (Assignment a : assignments) targets.add(a.target().id());
        for (ColumnRef c : columns) if (targets.add(c.id())) out.add(new Assignment(c, c));
        return out;
    }

    static boolean mentions(List<Expr> exprs, Set<Integer> ids) {
        for (Expr e : exprs) if (!Collections.disjoint(Exprs.columnIds(e), ids)) return true;
        return false;
    }
}
