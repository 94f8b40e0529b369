package dev.mallard.optimizer;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Exprs;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Aggregate;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.Empty;
import dev.mallard.plan.LogicalPlan.Filter;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.Limit;
import dev.mallard.plan.LogicalPlan.Project;
import dev.mallard.plan.LogicalPlan.SetOperation;
import dev.mallard.plan.LogicalPlan.Sort;
import dev.mallard.plan.LogicalPlan.TopN;
import dev.mallard.plan.LogicalPlan.Window;
import dev.mallard.plan.Plans;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces subtrees that can produce no rows by {@link Empty}, and simplifies their parents.
 *
 * <pre>
 * Filter[FALSE] / Filter[NULL]  →  Empty          Limit[0] / TopN[0]  →  Empty
 *
 * Join[INNER, a = x]            →  Empty          Join[LEFT, a = x]          →  Project[a, b, x := NULL]
 *   Get[t]                                          Get[t: a, b]                  Get[t: a, b]
 *   Empty[x]                                        Empty[x]
 *
 * Aggregate[group by: a; ...]   →  Empty          Aggregate[count(*)] over Empty stays: it yields one row (0).
 *   Empty
 * </pre>
 *
 * Anti joins with an empty right side keep their left side; mark joins with an empty right side
 * mark every row FALSE (even NOT IN over no rows is TRUE, whatever the left value).
 */
public final class PropagateEmpty implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return Plans.transformUp(plan, PropagateEmpty::simplify);
    }

    private static boolean empty(LogicalPlan p) {
        return p instanceof Empty;
    }

    private static boolean neverTrue(Expr e) {
        return e != null && (Exprs.isFalse(e) || Exprs.isNullConstant(e));
    }

    private static LogicalPlan simplify(LogicalPlan p) {
        Empty none = new Empty(p.outputs());
        return switch (p) {
            case Filter f -> empty(f.child()) || neverTrue(f.predicate()) ? none : f;
            case Project x -> empty(x.child()) ? none : x;
            case Sort x -> empty(x.child()) ? none : x;
            case Window x -> empty(x.child()) ? none : x;
            case Limit x -> empty(x.child()) || x.limit() == 0 ? none : x;
            case TopN x -> empty(x.child()) || x.limit() == 0 ? none : x;
            case Aggregate x -> empty(x.child()) && !x.groups().isEmpty() ? none : x;
            case Join j -> join(j, none);
            case SetOperation s -> setOperation(s, none);
            default -> p;
        };
    }

    private static LogicalPlan join(Join j, Empty none) {
        boolean l = empty(j.left());
        // No right row can match. A NULL condition still matters to null-aware and mark joins:
        // there an unknown comparison makes the answer NULL, not FALSE.
        boolean r = empty(j.right()) || j.condition() != null && Exprs.isFalse(j.condition())
                || !j.nullAware() && j.type() != LogicalPlan.JoinType.MARK && neverTrue(j.condition());
        return switch (j.type()) {
            case INNER, SEMI -> l || r ? none : j;
            case ANTI -> l ? none : r ? j.left() : j;
            case RIGHT_SEMI -> l || r ? none : j;
            case RIGHT_ANTI -> empty(j.right()) ? none : l || r ? j.right() : j;
            case LEFT, SINGLE -> l ? none : r ? padWithNulls(j.left(), j.right().outputs(), true) : j;
            case RIGHT -> empty(j.right()) ? none : l || neverTrue(j.condition())
                    ? padWithNulls(j.right(), j.left().outputs(), false) : j;
            case FULL -> l && empty(j.right()) ? none
                    : l ? padWithNulls(j.right(), j.left().outputs(), false)
                    : empty(j.right()) ? padWithNulls(j.left(), j.right().outputs(), true) : j;
            case MARK -> {
                if (l) yield none;
                if (!r) yield j;
                List<Assignment> as = new ArrayList<>(Plans.identity(j.left().outputs()));
                as.add(new Assignment(j.mark(), Exprs.FALSE));
                yield new Project(j.left(), as);
            }
        };
    }

    /** The rows of {@code kept} with NULL for each missing column, in join output order. */
    private static LogicalPlan padWithNulls(LogicalPlan kept, List<ColumnRef> missing, boolean keptIsLeft) {
        List<Assignment> nulls = new ArrayList<>();
        for (ColumnRef m : missing) nulls.add(new Assignment(m, new Expr.Constant(null, m.type())));
        List<Assignment> as = new ArrayList<>();
        if (!keptIsLeft) as.addAll(nulls);
        as.addAll(Plans.identity(kept.outputs()));
        if (keptIsLeft) as.addAll(nulls);
        return new Project(kept, as);
    }

    private static LogicalPlan setOperation(SetOperation s, Empty none) {
        boolean l = empty(s.left());
        boolean r = empty(s.right());
        if (!l && !r) return s;
        return switch (s.kind()) {
            case UNION -> l && r ? none : renamed(l ? s.right() : s.left(), s.outputs(), s.all());
            case INTERSECT -> none;
            case EXCEPT -> l ? none : renamed(s.left(), s.outputs(), s.all());
        };
    }

    /** One side of a set operation under the set operation's symbols (distinct unless ALL). */
    private static LogicalPlan renamed(LogicalPlan side, List<ColumnRef> outputs, boolean all) {
        List<Assignment> as = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) as.add(new Assignment(outputs.get(i), side.outputs().get(i)));
        return all ? new Project(side, as) : new Aggregate(side, as, List.of());
    }
}
