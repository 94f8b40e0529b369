package dev.mallard.optimizer;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Exprs;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Aggregate;
import dev.mallard.plan.LogicalPlan.AggregateCall;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.Empty;
import dev.mallard.plan.LogicalPlan.Filter;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.Limit;
import dev.mallard.plan.LogicalPlan.Project;
import dev.mallard.plan.LogicalPlan.SetOpKind;
import dev.mallard.plan.LogicalPlan.SetOperation;
import dev.mallard.plan.LogicalPlan.Sort;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.plan.LogicalPlan.TableFunctionScan;
import dev.mallard.plan.LogicalPlan.TopN;
import dev.mallard.plan.LogicalPlan.Values;
import dev.mallard.plan.LogicalPlan.Window;
import dev.mallard.plan.LogicalPlan.WindowCall;
import dev.mallard.plan.Plans;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Projection pushdown: walks the plan top-down with the set of columns the ancestors read, and
 * drops everything else — unused projections, aggregates and window functions, mark joins whose
 * mark nobody reads, and above all unread table columns, so scans read only what the query uses.
 *
 * <pre>
 * Project[a#1]                          Project[a#1]
 *   Filter[b#2 &gt; 1]               →       Filter[b#2 &gt; 1]
 *     Get[t: a#1, b#2, c#3, d#4]              Get[t: a#1, b#2]
 * </pre>
 *
 * A node never ends up with no columns: a scan whose columns are all unread (as under
 * {@code SELECT count(*) FROM t}) keeps its narrowest column, so the row count stays right.
 * Set operations other than UNION ALL compare whole rows and keep all their columns.
 */
public final class PruneColumns implements OptimizerRule {
    /**
     * Per materialized CTE, the positions of its columns some scan of it needs, gathered while its
     * body is pruned (state of one {@link #apply}; rule objects are not shared between threads).
     */
    private final java.util.Map<Integer, java.util.BitSet> cteReads = new java.util.HashMap<>();

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        cteReads.clear();
        return Plans.restoreOutputs(prune(plan, Plans.outputIds(plan)), plan.outputs());
    }

    /**
     * The body first, noting which CTE columns its scans need; then the definition for just those
     * columns, and the scans narrowed to them.
     */
    private LogicalPlan materializedCte(LogicalPlan.MaterializedCte m, Set<Integer> required) {
        LogicalPlan body = prune(m.body(), required);
        java.util.BitSet read = cteReads.getOrDefault(m.id(), new java.util.BitSet());
        if (read.isEmpty() && !m.columns().isEmpty()) read.set(0); // keep a column: scans still count rows
        List<ColumnRef> columns = new ArrayList<>();
        for (int i = read.nextSetBit(0); i >= 0; i = read.nextSetBit(i + 1)) columns.add(m.columns().get(i));
        LogicalPlan definition = prune(m.definition(), columns.stream().map(ColumnRef::id).collect(java.util.stream.Collectors.toSet()));
        LogicalPlan narrowed = Plans.transformUp(body, n -> n instanceof LogicalPlan.CteScan c && c.id() == m.id()
                ? new LogicalPlan.CteScan(c.id(), read.stream().mapToObj(i -> c.outputs().get(i)).toList(),
                        Plans.restoreOutputs(definition, columns))
                : n);
        return new LogicalPlan.MaterializedCte(m.id(), columns, definition, narrowed);
    }

    private LogicalPlan cteScan(LogicalPlan.CteScan c, Set<Integer> required) {
        java.util.BitSet read = cteReads.computeIfAbsent(c.id(), k -> new java.util.BitSet());
        for (int i = 0; i < c.outputs().size(); i++) if (required.contains(c.outputs().get(i).id())) read.set(i);
        return c;
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static Set<Integer> refs(List<Expr> exprs) {
        Set<Integer> out = new HashSet<>();
        for (Expr e : exprs) if (e != null) Exprs.collectColumnIds(e, out);
        return out;
    }

    private static Set<Integer> keyRefs(List<SortKey> keys) {
        return refs(keys.stream().map(SortKey::expr).toList());
    }

    private LogicalPlan prune(LogicalPlan p, Set<Integer> required) {
        return switch (p) {
            case Get g -> get(g, required);
            case TableFunctionScan t -> tableFunction(t, required);
            case LogicalPlan.CteScan c -> cteScan(c, required);
            case LogicalPlan.MaterializedCte m -> materializedCte(m, required);
            case Values v -> values(v, required);
            case Empty e -> {
                List<ColumnRef> keep = e.outputs().stream().filter(r -> required.contains(r.id())).toList();
                yield new Empty(keep.isEmpty() && !e.outputs().isEmpty() ? List.of(e.outputs().get(0)) : keep);
            }
            case Project x -> project(x, required);
            case Filter f -> new Filter(prune(f.child(), union(required, Exprs.columnIds(f.predicate()))), f.predicate());
            case Aggregate a -> aggregate(a, required);
            case Join j -> join(j, required);
            case Sort s -> new Sort(prune(s.child(), union(required, keyRefs(s.keys()))), s.keys());
            case TopN t -> new TopN(prune(t.child(), union(required, keyRefs(t.keys()))), t.keys(), t.limit(), t.offset());
            case Limit l -> new Limit(prune(l.child(), required), l.limit(), l.offset());
            case Window w -> window(w, required);
            case SetOperation s -> setOperation(s, required);
        };
    }

    /** A function that can read some of its columns (a file scan) reads only the required ones, or its narrowest. */
    private static LogicalPlan tableFunction(TableFunctionScan t, Set<Integer> required) {
        if (!(t.function() instanceof dev.mallard.function.table.ParallelTableFunction f)) return t;
        List<Integer> columns = new ArrayList<>();
        List<ColumnRef> outs = new ArrayList<>();
        for (int i = 0; i < t.outputs().size(); i++) {
            if (required.contains(t.outputs().get(i).id())) {
                columns.add(i);
                outs.add(t.outputs().get(i));
            }
        }
        if (outs.isEmpty() && !t.outputs().isEmpty()) {
            int best = 0;
            for (int i = 1; i < t.outputs().size(); i++) {
                if (width(t.outputs().get(i)) < width(t.outputs().get(best))) best = i;
            }
            columns.add(best);
            outs.add(t.outputs().get(best));
        }
        if (outs.size() == t.outputs().size()) return t;
        return new TableFunctionScan(f.project(columns.stream().mapToInt(Integer::intValue).toArray()), outs);
    }

    /** Reads only the required columns; if none is, the narrowest one. */
    private static LogicalPlan get(Get g, Set<Integer> required) {
        List<Integer> columns = new ArrayList<>();
        List<ColumnRef> outs = new ArrayList<>();
        for (int i = 0; i < g.outputs().size(); i++) {
            if (required.contains(g.outputs().get(i).id())) {
                columns.add(g.columns().get(i));
                outs.add(g.outputs().get(i));
            }
        }
        if (outs.isEmpty() && !g.outputs().isEmpty()) {
            int best = 0;
            for (int i = 1; i < g.outputs().size(); i++) {
                if (width(g.outputs().get(i)) < width(g.outputs().get(best))) best = i;
            }
            columns.add(g.columns().get(best));
            outs.add(g.outputs().get(best));
        }
        return outs.size() == g.outputs().size() ? g : new Get(g.table(), columns, outs);
    }

    /** Bytes per value, roughly: what reading the column costs. */
    private static int width(ColumnRef c) {
        return switch (c.type().physicalType()) {
            case NONE -> 0;
            case BOOL -> 1;
            case INT32 -> 4;
            case INT64, DOUBLE -> 8;
            case INT128 -> 16;
            case STRING, OBJECT -> 32;
        };
    }

    private static LogicalPlan values(Values v, Set<Integer> required) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < v.outputs().size(); i++) if (required.contains(v.outputs().get(i).id())) keep.add(i);
        if (keep.isEmpty() && !v.outputs().isEmpty()) keep.add(0);
        if (keep.size() == v.outputs().size()) return v;
        List<ColumnRef> outs = keep.stream().map(v.outputs()::get).toList();
        List<List<Expr>> rows = new ArrayList<>();
        for (List<Expr> row : v.rows()) rows.add(keep.stream().map(row::get).toList());
        return new Values(outs, rows);
    }

    private LogicalPlan project(Project x, Set<Integer> required) {
        List<Assignment> keep = new ArrayList<>();
        for (Assignment a : x.assignments()) if (required.contains(a.target().id())) keep.add(a);
        if (keep.isEmpty() && !x.assignments().isEmpty()) {
            // Nobody reads a column, but the rows still count: keep the cheapest assignment.
            Assignment cheapest = x.assignments().get(0);
            for (Assignment a : x.assignments()) {
                if (Exprs.columnIds(a.expr()).size() < Exprs.columnIds(cheapest.expr()).size()) cheapest = a;
            }
            keep.add(cheapest);
        }
        LogicalPlan child = prune(x.child(), refs(keep.stream().map(Assignment::expr).toList()));
        return new Project(child, keep);
    }

    private LogicalPlan aggregate(Aggregate a, Set<Integer> required) {
        List<AggregateCall> keep = new ArrayList<>();
        for (AggregateCall c : a.aggregates()) if (required.contains(c.output().id())) keep.add(c);
        // An ungrouped aggregate must keep one output to carry its row.
        if (keep.isEmpty() && a.groups().isEmpty() && !a.aggregates().isEmpty()) keep.add(a.aggregates().get(0));
        List<Expr> read = new ArrayList<>();
        a.groups().forEach(g -> read.add(g.expr()));
        for (AggregateCall c : keep) {
            read.addAll(c.args());
            read.add(c.filter());
            c.orderBy().forEach(k -> read.add(k.expr()));
        }
        return new Aggregate(prune(a.child(), refs(read)), a.groups(), keep);
    }

    private LogicalPlan join(Join j, Set<Integer> required) {
        if (j.type() == JoinType.MARK && !required.contains(j.mark().id())) {
            // Every left row comes out once whatever the mark says: without the mark the join is its left side.
            return prune(j.left(), required);
        }
        Set<Integer> needed = union(required, j.condition() == null ? Set.of() : Exprs.columnIds(j.condition()));
        Set<Integer> left = new HashSet<>(needed);
        left.retainAll(Plans.outputIds(j.left()));
        Set<Integer> right = new HashSet<>(needed);
        right.retainAll(Plans.outputIds(j.right()));
        return new Join(j.type(), prune(j.left(), left), prune(j.right(), right), j.condition(), j.mark(), j.nullAware());
    }

    private LogicalPlan window(Window w, Set<Integer> required) {
        List<WindowCall> keep = new ArrayList<>();
        for (WindowCall c : w.calls()) if (required.contains(c.output().id())) keep.add(c);
        if (keep.isEmpty()) return prune(w.child(), required);
        Set<Integer> needed = new HashSet<>(required);
        for (WindowCall c : keep) {
            List<Expr> read = new ArrayList<>(c.args());
            read.add(c.filter());
            read.addAll(c.partitionBy());
            c.orderBy().forEach(k -> read.add(k.expr()));
            read.add(c.frame().start().offset());
            read.add(c.frame().end().offset());
            needed.addAll(refs(read));
        }
        return new Window(prune(w.child(), needed), keep);
    }

    private LogicalPlan setOperation(SetOperation s, Set<Integer> required) {
        List<Integer> keep = new ArrayList<>();
        boolean unionAll = s.kind() == SetOpKind.UNION && s.all();
        for (int i = 0; i < s.outputs().size(); i++) {
            if (!unionAll || required.contains(s.outputs().get(i).id())) keep.add(i);
        }
        if (keep.isEmpty()) keep.add(0);
        LogicalPlan left = side(s.left(), keep);
        LogicalPlan right = side(s.right(), keep);
        return new SetOperation(s.kind(), s.all(), left, right, keep.stream().map(s.outputs()::get).toList());
    }

    /** One input of a set operation reduced to the kept positions, in exactly that order. */
    private LogicalPlan side(LogicalPlan input, List<Integer> keep) {
        List<ColumnRef> cols = keep.stream().map(input.outputs()::get).toList();
        Set<Integer> ids = new HashSet<>();
        for (ColumnRef c : cols) ids.add(c.id());
        return Plans.restoreOutputs(prune(input, ids), cols);
    }
}
