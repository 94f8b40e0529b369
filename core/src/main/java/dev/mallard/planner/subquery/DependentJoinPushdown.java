package dev.mallard.planner.subquery;

import dev.mallard.MallardException;
import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Expr.Constant;
import dev.mallard.expression.Exprs;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Aggregate;
import dev.mallard.plan.LogicalPlan.AggregateCall;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.BoundKind;
import dev.mallard.plan.LogicalPlan.Empty;
import dev.mallard.plan.LogicalPlan.Filter;
import dev.mallard.plan.LogicalPlan.Frame;
import dev.mallard.plan.LogicalPlan.FrameBound;
import dev.mallard.plan.LogicalPlan.FrameUnit;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.Limit;
import dev.mallard.plan.LogicalPlan.Project;
import dev.mallard.plan.LogicalPlan.SetOperation;
import dev.mallard.plan.LogicalPlan.SetOpKind;
import dev.mallard.plan.LogicalPlan.Sort;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.plan.LogicalPlan.TableFunctionScan;
import dev.mallard.plan.LogicalPlan.TopN;
import dev.mallard.plan.LogicalPlan.Values;
import dev.mallard.plan.LogicalPlan.Window;
import dev.mallard.plan.LogicalPlan.WindowCall;
import dev.mallard.plan.LogicalPlan.WindowFunctionKind;
import dev.mallard.plan.Plans;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * General decorrelation, after Neumann and Kemper, "Unnesting Arbitrary Queries" (2015).
 *
 * <p>A correlated subquery S evaluated for each row of its input I is a dependent join
 * {@code I ⋈dep S}. Instead of running S per row, S is run once per distinct value of the outer
 * columns it reads: the <em>domain</em> {@code D = Aggregate[group by: the correlated columns](I)}.
 * This class pushes D down through S, operator by operator, until it reaches the places that read
 * outer columns; there the outer column is replaced by D's copy of it, and every operator on the way
 * passes D's columns up (a filter keeps them, an aggregate groups by them, a window partitions by
 * them, a limit becomes a row_number per domain value ...). Where no part of a subtree reads the
 * outer columns, D is joined to it with a cross product, which filter pushdown later turns into an
 * ordinary join. The result computes S for every domain value at once, with the domain columns as
 * extra outputs, so the caller joins it to I on {@code i IS NOT DISTINCT FROM d}.
 *
 * <pre>
 * I ⋈dep Filter[o.c = i.x](Get o)    →    I ⋈[i.x IS NOT DISTINCT FROM d]  Filter[o.c = d](D × Get o)
 *                                         D = Aggregate[group by: d := x'](copy of I)
 * </pre>
 *
 * D is computed from a copy of I with fresh symbols (the plan has no shared subtrees), so I runs
 * twice, but the subquery runs once — never per outer row.
 */
final class DependentJoinPushdown {
    /**
     * A rewritten subtree: its plan computes the original subtree for every domain value, and
     * {@code bindings} maps each correlated column id to the column of the plan that holds its value.
     */
    record Pushed(LogicalPlan plan, Map<Integer, ColumnRef> bindings) {
        /** The binding columns, in the order of the correlated columns. */
        List<ColumnRef> columns() {
            return new ArrayList<>(bindings.values());
        }

        /** The expression with outer references replaced by the binding columns. */
        Expr rewrite(Expr e) {
            return e == null ? null : Exprs.substitute(e, bindings);
        }
    }

    private final LogicalPlan outer;
    private final List<ColumnRef> correlated;
    private final Set<Integer> correlatedIds;

    private DependentJoinPushdown(LogicalPlan outer, List<ColumnRef> correlated) {
        this.outer = outer;
        this.correlated = correlated;
        this.correlatedIds = new java.util.HashSet<>();
        for (ColumnRef c : correlated) correlatedIds.add(c.id());
    }

    /**
     * Rewrites {@code sub}, which reads the {@code correlated} outputs of {@code outer}, into a plan
     * without those references that carries their values as extra outputs. The original outputs of
     * {@code sub} keep their symbols.
     */
    static Pushed pushDown(LogicalPlan outer, List<ColumnRef> correlated, LogicalPlan sub) {
        return new DependentJoinPushdown(outer, correlated).push(sub);
    }

    /** The join condition that matches outer rows to the pushed plan's rows for their domain value. */
    static List<Expr> bindingConditions(List<ColumnRef> correlated, Pushed pushed) {
        List<Expr> out = new ArrayList<>();
        for (ColumnRef c : correlated) out.add(Exprs.notDistinct(c, pushed.bindings().get(c.id())));
        return out;
    }

    private boolean dependent(LogicalPlan p) {
        return !Collections.disjoint(Plans.freeIds(p), correlatedIds);
    }

    private boolean dependent(Expr e) {
        return e != null && !Collections.disjoint(Exprs.columnIds(e), correlatedIds);
    }

    // ---- the domain -------------------------------------------------------------------------------

    /** A fresh copy of D: the distinct values of the correlated columns. */
    private Pushed domain() {
        Plans.Copy copy = Plans.copyWithFreshIds(outer);
        List<Assignment> groups = new ArrayList<>();
        Map<Integer, ColumnRef> bindings = new LinkedHashMap<>();
        for (ColumnRef c : correlated) {
            ColumnRef d = ColumnIds.fresh(c.name(), c.type());
            groups.add(new Assignment(d, copy.map(c)));
            bindings.put(c.id(), d);
        }
        return new Pushed(new Aggregate(copy.plan(), groups, List.of()), bindings);
    }

    /** D × p, for a subtree that does not read the outer columns. */
    private Pushed crossWithDomain(LogicalPlan p) {
        Pushed d = domain();
        return new Pushed(new Join(JoinType.INNER, d.plan(), p, null, null, false), d.bindings());
    }

    /** Fresh columns standing for the bindings, for nodes that must define new symbols. */
    private Map<Integer, ColumnRef> freshBindings() {
        Map<Integer, ColumnRef> m = new LinkedHashMap<>();
        for (ColumnRef c : correlated) m.put(c.id(), ColumnIds.fresh(c.name(), c.type()));
        return m;
    }

    // ---- pushing down -----------------------------------------------------------------------------

    private Pushed push(LogicalPlan p) {
        if (!dependent(p)) return crossWithDomain(p);
        return switch (p) {
            case Filter f -> {
                Pushed c = push(f.child());
                yield new Pushed(new Filter(c.plan(), c.rewrite(f.predicate())), c.bindings());
            }
            case Project pr -> {
                Pushed c = push(pr.child());
                List<Assignment> as = new ArrayList<>();
                for (Assignment a : pr.assignments()) as.add(new Assignment(a.target(), c.rewrite(a.expr())));
                as.addAll(Plans.identity(c.columns()));
                yield new Pushed(new Project(c.plan(), as), c.bindings());
            }
            case Aggregate a -> aggregate(a);
            case Join j -> join(j);
            case SetOperation s -> setOperation(s);
            case Sort s -> {
                Pushed c = push(s.child());
                yield new Pushed(new Sort(c.plan(), Plans.mapKeys(s.keys(), c::rewrite)), c.bindings());
            }
            case Limit l -> l.child() instanceof Sort s
                    ? limit(s.child(), s.keys(), l.limit(), l.offset())
                    : limit(l.child(), List.of(), l.limit(), l.offset());
            case TopN t -> limit(t.child(), t.keys(), t.limit(), t.offset());
            case Window w -> {
                Pushed c = push(w.child());
                List<WindowCall> calls = new ArrayList<>();
                for (WindowCall call : w.calls()) {
                    WindowCall r = Plans.mapWindowCall(call, c::rewrite);
                    List<Expr> partition = new ArrayList<>(c.columns());
                    partition.addAll(r.partitionBy());
                    calls.add(new WindowCall(r.output(), r.kind(), r.aggregate(), r.args(), r.distinct(), r.filter(),
                            r.ignoreNulls(), partition, r.orderBy(), r.frame()));
                }
                yield new Pushed(new Window(c.plan(), calls), c.bindings());
            }
            case Values v -> values(v);
            // Leaves never read outer columns (dependent() was false for them above).
            case Get g -> crossWithDomain(g);
            case TableFunctionScan t -> crossWithDomain(t);
            case LogicalPlan.CteScan c -> crossWithDomain(c);
            // the definition never reads outer columns (see QueryBinder#materialize): only the body can
            case LogicalPlan.MaterializedCte m -> {
                Pushed b = push(m.body());
                yield new Pushed(new LogicalPlan.MaterializedCte(m.id(), m.columns(), m.definition(), b.plan()), b.bindings());
            }
            case Empty e -> crossWithDomain(e);
        };
    }

    /**
     * Grouped: group additionally by the bindings. Ungrouped: one row per domain value, also for
     * values with no input rows, so the grouped result is left-joined to a fresh D and COUNTs of
     * missing groups become 0.
     */
    private Pushed aggregate(Aggregate a) {
        Pushed c = push(a.child());
        Map<Integer, ColumnRef> keys = freshBindings();
        List<Assignment> groups = new ArrayList<>();
        for (Assignment g : a.groups()) groups.add(new Assignment(g.target(), c.rewrite(g.expr())));
        for (ColumnRef col : correlated) groups.add(new Assignment(keys.get(col.id()), c.bindings().get(col.id())));
        if (!a.groups().isEmpty()) {
            List<AggregateCall> calls = a.aggregates().stream().map(x -> Plans.mapAggregateCall(x, c::rewrite)).toList();
            return new Pushed(new Aggregate(c.plan(), groups, calls), keys);
        }
        List<AggregateCall> calls = new ArrayList<>();
        List<Assignment> values = new ArrayList<>();
        for (AggregateCall x : a.aggregates()) {
            AggregateCall r = Plans.mapAggregateCall(x, c::rewrite);
            ColumnRef out = ColumnIds.fresh(x.output().name(), x.output().type());
            calls.add(new AggregateCall(out, r.function(), r.args(), r.distinct(), r.filter(), r.orderBy()));
            values.add(new Assignment(x.output(), EmptyAggregateValue.fix(x.function(), out)));
        }
        Aggregate grouped = new Aggregate(c.plan(), groups, calls);
        Pushed d = domain();
        List<Expr> on = new ArrayList<>();
        for (ColumnRef col : correlated) on.add(Exprs.notDistinct(d.bindings().get(col.id()), keys.get(col.id())));
        Join join = new Join(JoinType.LEFT, d.plan(), grouped, Exprs.andOrNull(on), null, false);
        List<Assignment> out = new ArrayList<>(Plans.identity(d.columns()));
        out.addAll(values);
        return new Pushed(new Project(join, out), d.bindings());
    }

    private enum Side { LEFT, RIGHT, BOTH }

    /**
     * The domain goes where the outer columns are read; a side that must keep all its rows for
     * every domain value (the preserved side of an outer join, the left of a semi/anti/mark join)
     * gets it too, and both copies are then matched on their bindings.
     */
    private Pushed join(Join j) {
        boolean l = dependent(j.left());
        boolean r = dependent(j.right());
        Side side = switch (j.type()) {
            case INNER -> l && r ? Side.BOTH : r ? Side.RIGHT : Side.LEFT;
            case LEFT, SEMI, ANTI, MARK, SINGLE -> r ? Side.BOTH : Side.LEFT;
            case RIGHT, RIGHT_SEMI, RIGHT_ANTI -> l ? Side.BOTH : Side.RIGHT;
            case FULL -> Side.BOTH;
        };
        switch (side) {
            case LEFT -> {
                Pushed p = push(j.left());
                return new Pushed(new Join(j.type(), p.plan(), j.right(), p.rewrite(j.condition()), j.mark(), j.nullAware()),
                        p.bindings());
            }
            case RIGHT -> {
                Pushed p = push(j.right());
                return new Pushed(new Join(j.type(), j.left(), p.plan(), p.rewrite(j.condition()), j.mark(), j.nullAware()),
                        p.bindings());
            }
            default -> {
                Pushed lp = push(j.left());
                Pushed rp = push(j.right());
                List<Expr> on = new ArrayList<>();
                // A null-aware join treats its first conjunct specially: keep the original condition first.
                if (j.condition() != null) on.add(lp.rewrite(j.condition()));
                for (ColumnRef col : correlated) {
                    on.add(Exprs.notDistinct(lp.bindings().get(col.id()), rp.bindings().get(col.id())));
                }
                Join join = new Join(j.type(), lp.plan(), rp.plan(), Exprs.andOrNull(on), j.mark(), j.nullAware());
                if (j.type() == JoinType.RIGHT) return new Pushed(join, rp.bindings());
                if (j.type() != JoinType.FULL) return new Pushed(join, lp.bindings());
                // FULL: a row may come from either side alone; its binding is whichever side has one.
                Map<Integer, ColumnRef> merged = freshBindings();
                List<Assignment> as = new ArrayList<>(Plans.identity(join.outputs()));
                for (ColumnRef col : correlated) {
                    ColumnRef a = lp.bindings().get(col.id());
                    ColumnRef b = rp.bindings().get(col.id());
                    as.add(new Assignment(merged.get(col.id()), new Expr.Coalesce(List.of(a, b), col.type())));
                }
                return new Pushed(new Project(join, as), merged);
            }
        }
    }

    /** Both inputs get the domain; the bindings become extra columns of the set operation. */
    private Pushed setOperation(SetOperation s) {
        Pushed l = push(s.left());
        Pushed r = push(s.right());
        List<Assignment> la = new ArrayList<>(Plans.identity(s.left().outputs()));
        la.addAll(Plans.identity(l.columns()));
        List<Assignment> ra = new ArrayList<>(Plans.identity(s.right().outputs()));
        ra.addAll(Plans.identity(r.columns()));
        Map<Integer, ColumnRef> bindings = freshBindings();
        List<ColumnRef> outs = new ArrayList<>(s.outputs());
        outs.addAll(bindings.values());
        return new Pushed(new SetOperation(s.kind(), s.all(), new Project(l.plan(), la), new Project(r.plan(), ra), outs),
                bindings);
    }

    /** LIMIT per domain value: number the rows of each domain value and keep the wanted range. */
    private Pushed limit(LogicalPlan child, List<SortKey> keys, long limit, long offset) {
        Pushed c = push(child);
        if (limit < 0 && offset == 0) return c;
        ColumnRef rn = ColumnIds.fresh("row_number", LogicalType.BIGINT);
        Frame rows = new Frame(FrameUnit.ROWS, new FrameBound(BoundKind.UNBOUNDED_PRECEDING, null),
                new FrameBound(BoundKind.CURRENT_ROW, null));
        WindowCall number = new WindowCall(rn, WindowFunctionKind.ROW_NUMBER, null, List.of(), false, null, false,
                new ArrayList<>(c.columns()), Plans.mapKeys(keys, c::rewrite), rows);
        List<Expr> range = new ArrayList<>();
        if (offset > 0) range.add(Exprs.comparison(">", rn, new Constant(offset, LogicalType.BIGINT)));
        if (limit >= 0) range.add(Exprs.comparison("<=", rn, new Constant(offset + limit, LogicalType.BIGINT)));
        LogicalPlan numbered = new Filter(new Window(c.plan(), List.of(number)), Exprs.and(range));
        return new Pushed(new Project(numbered, Plans.identity(c.plan().outputs())), c.bindings());
    }

    /** VALUES reading outer columns: one projection of D per row, combined with UNION ALL. */
    private Pushed values(Values v) {
        if (v.rows().size() == 1) return valuesRow(v.rows().get(0), v.outputs());
        LogicalPlan acc = null;
        Map<Integer, ColumnRef> bindings = null;
        for (int i = 0; i < v.rows().size(); i++) {
            // Each row's projection defines fresh symbols (value columns first, bindings last, as
            // the union lines them up); the last union defines the original output symbols.
            List<ColumnRef> rowOuts = new ArrayList<>();
            for (ColumnRef o : v.outputs()) rowOuts.add(ColumnIds.fresh(o.name(), o.type()));
            Pushed row = valuesRow(v.rows().get(i), rowOuts);
            if (acc == null) {
                acc = row.plan();
                continue;
            }
            boolean last = i == v.rows().size() - 1;
            List<ColumnRef> outs = new ArrayList<>();
            for (ColumnRef o : v.outputs()) outs.add(last ? o : ColumnIds.fresh(o.name(), o.type()));
            bindings = freshBindings();
            outs.addAll(bindings.values());
            acc = new SetOperation(SetOpKind.UNION, true, acc, row.plan(), outs);
        }
        if (acc == null || bindings == null) throw new MallardException.Internal("VALUES without rows");
        return new Pushed(acc, bindings);
    }

    private Pushed valuesRow(List<Expr> row, List<ColumnRef> outs) {
        Pushed d = domain();
        List<Assignment> as = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) as.add(new Assignment(outs.get(i), d.rewrite(row.get(i))));
        as.addAll(Plans.identity(d.columns()));
        return new Pushed(new Project(d.plan(), as), d.bindings());
    }
}
