package dev.mallard.optimizer;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Exprs;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.Project;
import dev.mallard.plan.Plans;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes projections that change nothing and merges stacked projections.
 *
 * <pre>
 * Project[a#1, b#2]           →   Get[t: a#1, b#2]        (passes the child's columns through as they are)
 *   Get[t: a#1, b#2]
 *
 * Project[s#5 := r#4 + 1]     →   Project[s#5 := a#1 * 2 + 1]
 *   Project[r#4 := a#1 * 2]         Get[t: a#1]
 *     Get[t: a#1]
 * </pre>
 *
 * Merging is skipped when it would compute a non-trivial expression more than once, or move a
 * non-deterministic one.
 */
public final class RemoveRedundantProjections implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return Plans.transformUp(plan, RemoveRedundantProjections::simplify);
    }

    private static LogicalPlan simplify(LogicalPlan p) {
        if (!(p instanceof Project outer)) return p;
        LogicalPlan result = outer;
        if (outer.child() instanceof Project inner) {
            LogicalPlan merged = merge(outer, inner);
            if (merged != null) result = merged;
        }
        if (result instanceof Project pr && isIdentity(pr)) return pr.child();
        return result;
    }

    /** True when the projection outputs exactly its child's columns, in order. */
    static boolean isIdentity(Project p) {
        List<ColumnRef> childOuts = p.child().outputs();
        if (childOuts.size() != p.assignments().size()) return false;
        for (int i = 0; i < childOuts.size(); i++) {
            Assignment a = p.assignments().get(i);
            if (!a.target().equals(childOuts.get(i)) || !a.expr().equals(a.target())) return false;
        }
        return true;
    }

    private static Project merge(Project outer, Project inner) {
        Map<Integer, Expr> defs = new HashMap<>();
        for (Assignment a : inner.assignments()) defs.put(a.target().id(), a.expr());
        Map<Integer, Integer> uses = new HashMap<>();
        for (Assignment a : outer.assignments()) {
            Exprs.any(a.expr(), x -> {
                if (x instanceof ColumnRef r) uses.merge(r.id(), 1, Integer::sum);
                return false;
            });
        }
        for (Assignment a : inner.assignments()) {
            Expr e = a.expr();
            boolean trivial = e instanceof ColumnRef || e instanceof Expr.Constant;
            int n = uses.getOrDefault(a.target().id(), 0);
            if (!trivial && (n > 1 || n == 1 && !Exprs.isDeterministic(e))) return null;
            if (!trivial && n == 0 && !Exprs.isDeterministic(e)) return null;
        }
        List<Assignment> out = new ArrayList<>();
        for (Assignment a : outer.assignments()) out.add(new Assignment(a.target(), Exprs.substitute(a.expr(), defs)));
        return new Project(inner.child(), out);
    }
}
