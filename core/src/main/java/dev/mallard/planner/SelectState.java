package dev.mallard.planner;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.plan.LogicalPlan.AggregateCall;
import dev.mallard.plan.LogicalPlan.WindowCall;
import dev.mallard.sql.tree.Expression;
import dev.mallard.sql.tree.FunctionCall;
import java.util.ArrayList;
import java.util.List;

/**
 * Bookkeeping while binding one SELECT: its GROUP BY expressions and the aggregates and window
 * functions found in its clauses. Expressions bound after aggregation refer to group outputs and
 * aggregate outputs by symbol; the plan nodes that produce them are built once binding is done.
 */
final class SelectState {
    /** @param ast the GROUP BY syntax, or null for a column a star expanded to */
    record Group(Expression ast, ColumnRef ref, Expr bound) {}

    record Aggregate(FunctionCall ast, AggregateCall call) {}

    record Window(FunctionCall ast, WindowCall call) {}

    final Scope fromScope;
    final List<Group> groups = new ArrayList<>();
    final List<Aggregate> aggregates = new ArrayList<>();
    final List<Window> windows = new ArrayList<>();
    /** True when the query groups or aggregates: bare columns must then be grouped. */
    boolean aggregating;
    /** Select-list aliases (lower case) → their syntax, usable in HAVING, QUALIFY and ORDER BY expressions. */
    final java.util.Map<String, Expression> aliases = new java.util.HashMap<>();
    /** Aliases being expanded right now, to refuse a definition that refers to itself. */
    final java.util.Set<String> expanding = new java.util.HashSet<>();
    /** Scope for subqueries after aggregation: grouped plain columns, visible under their names. */
    Scope groupScope;

    SelectState(Scope fromScope) {
        this.fromScope = fromScope;
    }

    ColumnRef findGroup(Expression ast) {
        for (Group g : groups) {
            if (g.ast != null && AstEquality.equal(g.ast, ast)) return g.ref;
        }
        return null;
    }

    ColumnRef findAggregate(FunctionCall ast) {
        for (Aggregate a : aggregates) {
            if (AstEquality.equal(a.ast, ast)) return a.call.output();
        }
        return null;
    }

    ColumnRef findWindow(FunctionCall ast) {
        for (Window w : windows) {
            if (AstEquality.equal(w.ast, ast)) return w.call.output();
        }
        return null;
    }
}
