package dev.mallard.optimizer;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Exprs;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Aggregate;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.Filter;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.Project;
import dev.mallard.plan.LogicalPlan.SetOperation;
import dev.mallard.plan.LogicalPlan.Sort;
import dev.mallard.plan.LogicalPlan.Window;
import dev.mallard.plan.LogicalPlan.WindowCall;
import dev.mallard.plan.Plans;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves every filter conjunct as close to the data as it can go (DuckDB's filter pushdown: the
 * plan is walked top-down carrying the conjuncts collected so far).
 *
 * <pre>
 * Filter[a#1 = x#4 AND b#2 &gt; 5 AND y#5 = 'k']        Join[INNER, a#1 = x#4]
 *   Join[CROSS]                               →         Filter[b#2 &gt; 5]
 *     Get[t: a#1, b#2]                                    Get[t: a#1, b#2]
 *     Get[u: x#4, y#5]                                  Filter[y#5 = 'k']
 *                                                         Get[u: x#4, y#5]
 * </pre>
 *
 * <ul>
 *   <li>Through a Project by substituting the projected expressions; below an Aggregate when the
 *       conjunct reads only group keys; below a Window when it reads only keys every window
 *       function partitions by; through Sort; into both inputs of a set operation.</li>
 *   <li>Into an inner join's inputs, or into its condition when it reads both sides (this is
 *       what turns comma joins into hash joins). Equalities propagate constants:
 *       {@code a = x AND a = 5} also gives {@code x = 5}.</li>
 *   <li>Into the preserved side of an outer join; a conjunct above that rejects the NULLs of the
 *       null-supplying side turns LEFT/RIGHT/FULL into INNER/LEFT/RIGHT first. Condition conjuncts
 *       reading only the null-supplying (right) side move into it.</li>
 *   <li>Semi/anti/mark/single joins: conjuncts on the left output go into the left input; condition
 *       conjuncts reading only the right side go into the right input (the first, null-aware
 *       conjunct of a NOT IN join stays where it is).</li>
 * </ul>
 *
 * Non-deterministic conjuncts ({@code random() < 0.5}) are never moved. Limits, TopN and scans
 * stop pushdown: the filter stays right above them.
 */
public final class PushDownFilters implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return push(plan, List.of());
    }

    /** The plan with the predicates applied on top of it, each as far down as it can go. */
    private LogicalPlan push(LogicalPlan p, List<Expr> predicates) {
        return switch (p) {
            case Filter f -> filter(f, predicates);
            case Project x -> project(x, predicates);
            case Join j -> join(j, predicates);
            case Aggregate a -> aggregate(a, predicates);
            case Window w -> window(w, predicates);
            case Sort s -> {
                List<Expr> below = new ArrayList<>();
                List<Expr> above = new ArrayList<>();
                for (Expr e : predicates) (Exprs.isDeterministic(e) ? below : above).add(e);
                yield withFilter(new Sort(push(s.child(), below), s.keys()), above);
            }
            case SetOperation s -> setOperation(s, predicates);
            default -> withFilter(pushIntoChildren(p), predicates);
        };
    }

    private LogicalPlan pushIntoChildren(LogicalPlan p) {
        List<LogicalPlan> kids = new ArrayList<>();
        for (LogicalPlan k : p.children()) kids.add(push(k, List.of()));
        return Plans.withChildren(p, kids);
    }

    private static LogicalPlan withFilter(LogicalPlan p, List<Expr> predicates) {
        return predicates.isEmpty() ? p : new Filter(p, Exprs.and(predicates));
    }

    private static boolean covered(Expr e, Set<Integer> columns) {
        return columns.containsAll(Exprs.columnIds(e));
    }

    private LogicalPlan filter(Filter f, List<Expr> predicates) {
        List<Expr> all = new ArrayList<>(predicates);
        List<Expr> stay = new ArrayList<>();
        for (Expr c : Exprs.conjuncts(f.predicate())) (Exprs.isDeterministic(c) ? all : stay).add(c);
        return withFilter(push(f.child(), all), stay);
    }

    /** Through a projection: conjuncts over projected columns are rewritten to the expressions behind them. */
    private LogicalPlan project(Project x, List<Expr> predicates) {
        Map<Integer, Expr> defs = new HashMap<>();
        Set<Integer> deterministic = new HashSet<>();
        for (Assignment a : x.assignments()) {
            defs.put(a.target().id(), a.expr());
            if (Exprs.isDeterministic(a.expr())) deterministic.add(a.target().id());
        }
        List<Expr> below = new ArrayList<>();
        List<Expr> above = new ArrayList<>();
        for (Expr e : predicates) {
            if (Exprs.isDeterministic(e) && covered(e, deterministic)) below.add(Exprs.substitute(e, defs));
            else above.add(e);
        }
        return withFilter(new Project(push(x.child(), below), x.assignments()), above);
    }

    /** Below an aggregate when the conjunct reads only group keys (an ungrouped aggregate always yields its row). */
    private LogicalPlan aggregate(Aggregate a, List<Expr> predicates) {
        if (a.groups().isEmpty()) return withFilter(pushIntoChildren(a), predicates);
        Map<Integer, Expr> defs = new HashMap<>();
        Set<Integer> keys = new HashSet<>();
        for (Assignment g : a.groups()) {
            defs.put(g.target().id(), g.expr());
            if (Exprs.isDeterministic(g.expr())) keys.add(g.target().id());
        }
        List<Expr> below = new ArrayList<>();
        List<Expr> above = new ArrayList<>();
        for (Expr e : predicates) {
            if (Exprs.isDeterministic(e) && covered(e, keys)) below.add(Exprs.substitute(e, defs));
            else above.add(e);
        }
        return withFilter(new Aggregate(push(a.child(), below), a.groups(), a.aggregates()), above);
    }

    /** Below a window when the conjunct reads only columns that every window function partitions by. */
    private LogicalPlan window(Window w, List<Expr> predicates) {
        Set<Integer> keys = null;
        for (WindowCall c : w.calls()) {
            Set<Integer> mine = new HashSet<>();
            for (Expr p : c.partitionBy()) if (p instanceof ColumnRef r) mine.add(r.id());
            if (keys == null) keys = mine;
            else keys.retainAll(mine);
        }
        if (keys == null) keys = Set.of();
        List<Expr> below = new ArrayList<>();
        List<Expr> above = new ArrayList<>();
        for (Expr e : predicates) {
            if (Exprs.isDeterministic(e) && covered(e, keys) && !Exprs.columnIds(e).isEmpty()) below.add(e);
            else above.add(e);
        }
        return withFilter(new Window(push(w.child(), below), w.calls()), above);
    }

    /** Into both inputs, each conjunct rewritten to the input's columns (they line up by position). */
    private LogicalPlan setOperation(SetOperation s, List<Expr> predicates) {
        Map<Integer, Expr> toLeft = Exprs.mapping(s.outputs(), s.left().outputs());
        Map<Integer, Expr> toRight = Exprs.mapping(s.outputs(), s.right().outputs());
        List<Expr> left = new ArrayList<>();
        List<Expr> right = new ArrayList<>();
        List<Expr> above = new ArrayList<>();
        for (Expr e : predicates) {
            if (Exprs.isDeterministic(e)) {
                left.add(Exprs.substitute(e, toLeft));
                right.add(Exprs.substitute(e, toRight));
            } else {
                above.add(e);
            }
        }
        return withFilter(new SetOperation(s.kind(), s.all(), push(s.left(), left), push(s.right(), right), s.outputs()),
                above);
    }

    // ---- joins --------------------------------------------------------------------------------

    private LogicalPlan join(Join j, List<Expr> predicates) {
        Set<Integer> leftCols = Plans.outputIds(j.left());
        Set<Integer> rightCols = Plans.outputIds(j.right());
        List<Expr> above = new ArrayList<>();
        List<Expr> movable = new ArrayList<>();
        for (Expr e : predicates) (Exprs.isDeterministic(e) ? movable : above).add(e);

        // Outer joins whose invented NULL rows a filter above would drop anyway are inner joins.
        JoinType simpler = withoutNullRows(j.type(), movable, leftCols, rightCols);
        if (simpler != j.type()) {
            return push(new Join(simpler, j.left(), j.right(), j.condition(), j.mark(), j.nullAware()), predicates);
        }

        List<Expr> toLeft = new ArrayList<>();
        List<Expr> toRight = new ArrayList<>();
        List<Expr> condition = new ArrayList<>();
        List<Expr> conjuncts = Exprs.conjuncts(j.condition());
        switch (j.type()) {
            case INNER -> {
                List<Expr> all = new ArrayList<>(movable);
                all.addAll(conjuncts);
                for (Expr e : TransitiveEqualities.derive(all)) {
                    if (!Exprs.isDeterministic(e)) {
                        condition.add(e);
                    } else if (covered(e, leftCols)) {
                        toLeft.add(e);
                    } else if (covered(e, rightCols)) {
                        toRight.add(e);
                    } else {
                        condition.add(e);
                        // An OR over both sides still implies a filter on each side (TPC-H Q7, Q19).
                        Expr l = impliedBy(e, leftCols);
                        if (l != null) toLeft.add(l);
                        Expr r = impliedBy(e, rightCols);
                        if (r != null) toRight.add(r);
                    }
                }
            }
            case LEFT, RIGHT -> {
                Set<Integer> preserved = j.type() == JoinType.LEFT ? leftCols : rightCols;
                Set<Integer> nullSupplying = j.type() == JoinType.LEFT ? rightCols : leftCols;
                List<Expr> toPreserved = j.type() == JoinType.LEFT ? toLeft : toRight;
                List<Expr> toNullSupplying = j.type() == JoinType.LEFT ? toRight : toLeft;
                for (Expr e : movable) (covered(e, preserved) ? toPreserved : above).add(e);
                for (Expr c : conjuncts) {
                    (Exprs.isDeterministic(c) && covered(c, nullSupplying) ? toNullSupplying : condition).add(c);
                }
            }
            case FULL -> {
                above.addAll(movable);
                condition.addAll(conjuncts);
            }
            case SEMI, ANTI, MARK, SINGLE -> {
                for (Expr e : movable) (covered(e, leftCols) ? toLeft : above).add(e);
                for (int i = 0; i < conjuncts.size(); i++) {
                    Expr c = conjuncts.get(i);
                    boolean nullAwareKey = j.nullAware() && i == 0;
                    if (nullAwareKey || !Exprs.isDeterministic(c)) condition.add(c);
                    else if (covered(c, rightCols) && !Exprs.columnIds(c).isEmpty()) toRight.add(c);
                    else if (j.type() == JoinType.SEMI && covered(c, leftCols)) toLeft.add(c);
                    else condition.add(c);
                }
            }
            case RIGHT_SEMI, RIGHT_ANTI -> {
                for (Expr e : movable) (covered(e, rightCols) ? toRight : above).add(e);
                for (Expr c : conjuncts) {
                    if (!Exprs.isDeterministic(c)) condition.add(c);
                    else if (covered(c, leftCols) && !Exprs.columnIds(c).isEmpty()) toLeft.add(c);
                    else if (j.type() == JoinType.RIGHT_SEMI && covered(c, rightCols)) toRight.add(c);
                    else condition.add(c);
                }
            }
        }
        LogicalPlan join = new Join(j.type(), push(j.left(), toLeft), push(j.right(), toRight), Exprs.andOrNull(condition),
                j.mark(), j.nullAware());
        return withFilter(join, above);
    }

    private static boolean covered(Set<Integer> ids, Set<Integer> columns) {
        return columns.containsAll(ids);
    }

    /**
     * A predicate on the given columns that a disjunction implies: for {@code (a1 AND b1) OR
     * (a2 AND b2)} with a1, a2 on these columns, {@code a1 OR a2}. Null when some disjunct says
     * nothing about these columns.
     */
    private static Expr impliedBy(Expr e, Set<Integer> columns) {
        if (!(e instanceof Expr.Or or)) return null;
        List<Expr> parts = new ArrayList<>();
        for (Expr d : Exprs.disjuncts(or)) {
            List<Expr> mine = new ArrayList<>();
            for (Expr c : Exprs.conjuncts(d)) {
                if (Exprs.isDeterministic(c) && !Exprs.columnIds(c).isEmpty() && covered(c, columns)) mine.add(c);
            }
            if (mine.isEmpty()) return null;
            parts.add(Exprs.and(mine));
        }
        return Exprs.or(parts);
    }

    /** The join type once rows with NULLs invented for a side that the predicates reject are gone. */
    private static JoinType withoutNullRows(JoinType type, List<Expr> predicates, Set<Integer> left, Set<Integer> right) {
        boolean leftNullsRejected = predicates.stream().anyMatch(p -> NullRejection.rejectsNulls(p, left));
        boolean rightNullsRejected = predicates.stream().anyMatch(p -> NullRejection.rejectsNulls(p, right));
        return switch (type) {
            case LEFT -> rightNullsRejected ? JoinType.INNER : type;
            case RIGHT -> leftNullsRejected ? JoinType.INNER : type;
            case FULL -> leftNullsRejected && rightNullsRejected ? JoinType.INNER
                    : leftNullsRejected ? JoinType.LEFT : rightNullsRejected ? JoinType.RIGHT : type;
            default -> type;
        };
    }
}
