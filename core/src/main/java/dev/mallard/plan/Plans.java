package dev.mallard.plan;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Exprs;
import dev.mallard.plan.LogicalPlan.Aggregate;
import dev.mallard.plan.LogicalPlan.AggregateCall;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.Empty;
import dev.mallard.plan.LogicalPlan.Filter;
import dev.mallard.plan.LogicalPlan.FrameBound;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.Limit;
import dev.mallard.plan.LogicalPlan.Project;
import dev.mallard.plan.LogicalPlan.SetOperation;
import dev.mallard.plan.LogicalPlan.Sort;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.plan.LogicalPlan.TableFunctionScan;
import dev.mallard.plan.LogicalPlan.TopN;
import dev.mallard.plan.LogicalPlan.Values;
import dev.mallard.plan.LogicalPlan.Window;
import dev.mallard.plan.LogicalPlan.WindowCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Generic helpers over {@link LogicalPlan} trees: rebuilding a node over new children, mapping
 * every expression of a node, the symbols a tree produces and the outer symbols it reads, and
 * copying a tree with fresh symbols.
 */
public final class Plans {
    private Plans() {}

    // ---- rebuilding -----------------------------------------------------------------------------

    /** The same node over new children (same count and order as {@link LogicalPlan#children}). */
    public static LogicalPlan withChildren(LogicalPlan p, List<LogicalPlan> kids) {
        if (sameElements(p.children(), kids)) return p;
        return switch (p) {
            case Get g -> g;
            case TableFunctionScan t -> t;
            case LogicalPlan.CteScan c -> c;
            case LogicalPlan.MaterializedCte x -> new LogicalPlan.MaterializedCte(x.id(), x.columns(), kids.get(0), kids.get(1));
            case Values v -> v;
            case Empty e -> e;
            case Project x -> new Project(kids.get(0), x.assignments());
            case Filter x -> new Filter(kids.get(0), x.predicate());
            case Aggregate x -> new Aggregate(kids.get(0), x.groups(), x.aggregates());
            case Join x -> new Join(x.type(), kids.get(0), kids.get(1), x.condition(), x.mark(), x.nullAware());
            case Sort x -> new Sort(kids.get(0), x.keys());
            case Limit x -> new Limit(kids.get(0), x.limit(), x.offset());
            case TopN x -> new TopN(kids.get(0), x.keys(), x.limit(), x.offset());
            case SetOperation x -> new SetOperation(x.kind(), x.all(), kids.get(0), kids.get(1), x.outputs());
            case Window x -> new Window(kids.get(0), x.calls());
        };
    }

    private static boolean sameElements(List<LogicalPlan> a, List<LogicalPlan> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
        return true;
    }

    /** Applies {@code fn} bottom-up to every node: children first, then the rebuilt node. */
    public static LogicalPlan transformUp(LogicalPlan p, UnaryOperator<LogicalPlan> fn) {
        List<LogicalPlan> kids = new ArrayList<>();
        for (LogicalPlan k : p.children()) kids.add(transformUp(k, fn));
        return fn.apply(withChildren(p, kids));
    }

    /** Every expression held directly by the node (not its children's). */
    public static List<Expr> expressions(LogicalPlan p) {
        List<Expr> out = new ArrayList<>();
        switch (p) {
            case Get g -> { }
            case TableFunctionScan t -> { }
            case LogicalPlan.CteScan c -> { }
            case LogicalPlan.MaterializedCte x -> { }
            case Empty e -> { }
            case Values v -> v.rows().forEach(out::addAll);
            case Project x -> x.assignments().forEach(a -> out.add(a.expr()));
            case Filter x -> out.add(x.predicate());
            case Aggregate x -> {
                x.groups().forEach(a -> out.add(a.expr()));
                for (AggregateCall c : x.aggregates()) {
                    out.addAll(c.args());
                    if (c.filter() != null) out.add(c.filter());
                    c.orderBy().forEach(k -> out.add(k.expr()));
                }
            }
            case Join x -> {
                if (x.condition() != null) out.add(x.condition());
            }
            case Sort x -> x.keys().forEach(k -> out.add(k.expr()));
            case Limit x -> { }
            case TopN x -> x.keys().forEach(k -> out.add(k.expr()));
            case SetOperation x -> { }
            case Window x -> {
                for (WindowCall c : x.calls()) {
                    out.addAll(c.args());
                    if (c.filter() != null) out.add(c.filter());
                    out.addAll(c.partitionBy());
                    c.orderBy().forEach(k -> out.add(k.expr()));
                    if (c.frame().start().offset() != null) out.add(c.frame().start().offset());
                    if (c.frame().end().offset() != null) out.add(c.frame().end().offset());
                }
            }
        }
        return out;
    }

    /** The node with {@code fn} applied to each of its own expressions (children untouched). */
    public static LogicalPlan mapExpressions(LogicalPlan p, UnaryOperator<Expr> fn) {
        return switch (p) {
            case Get g -> g;
            case TableFunctionScan t -> t;
            case LogicalPlan.CteScan c -> c;
            case LogicalPlan.MaterializedCte x -> x;
            case Empty e -> e;
            case Values v -> {
                List<List<Expr>> rows = new ArrayList<>();
                for (List<Expr> row : v.rows()) rows.add(row.stream().map(fn).toList());
                yield new Values(v.outputs(), rows);
            }
            case Project x -> new Project(x.child(), x.assignments().stream()
                    .map(a -> new Assignment(a.target(), fn.apply(a.expr()))).toList());
            case Filter x -> new Filter(x.child(), fn.apply(x.predicate()));
            case Aggregate x -> new Aggregate(x.child(),
                    x.groups().stream().map(a -> new Assignment(a.target(), fn.apply(a.expr()))).toList(),
                    x.aggregates().stream().map(c -> mapAggregateCall(c, fn)).toList());
            case Join x -> new Join(x.type(), x.left(), x.right(), x.condition() == null ? null : fn.apply(x.condition()),
                    x.mark(), x.nullAware());
            case Sort x -> new Sort(x.child(), mapKeys(x.keys(), fn));
            case Limit x -> x;
            case TopN x -> new TopN(x.child(), mapKeys(x.keys(), fn), x.limit(), x.offset());
            case SetOperation x -> x;
            case Window x -> new Window(x.child(), x.calls().stream().map(c -> mapWindowCall(c, fn)).toList());
        };
    }

    public static AggregateCall mapAggregateCall(AggregateCall c, UnaryOperator<Expr> fn) {
        return new AggregateCall(c.output(), c.function(), c.args().stream().map(fn).toList(), c.distinct(),
                c.filter() == null ? null : fn.apply(c.filter()), mapKeys(c.orderBy(), fn));
    }

    public static List<SortKey> mapKeys(List<SortKey> keys, UnaryOperator<Expr> fn) {
        return keys.stream().map(k -> new SortKey(fn.apply(k.expr()), k.ascending(), k.nullsFirst())).toList();
    }

    public static WindowCall mapWindowCall(WindowCall c, UnaryOperator<Expr> fn) {
        LogicalPlan.Frame f = c.frame();
        LogicalPlan.Frame frame = new LogicalPlan.Frame(f.unit(), mapBound(f.start(), fn), mapBound(f.end(), fn));
        return new WindowCall(c.output(), c.kind(), c.aggregate(), c.args().stream().map(fn).toList(), c.distinct(),
                c.filter() == null ? null : fn.apply(c.filter()), c.ignoreNulls(),
                c.partitionBy().stream().map(fn).toList(), mapKeys(c.orderBy(), fn), frame);
    }

    private static FrameBound mapBound(FrameBound b, UnaryOperator<Expr> fn) {
        return b.offset() == null ? b : new FrameBound(b.kind(), fn.apply(b.offset()));
    }

    // ---- symbols --------------------------------------------------------------------------------

    /** Ids of the node's output columns. */
    public static Set<Integer> outputIds(LogicalPlan p) {
        Set<Integer> out = new HashSet<>();
        for (ColumnRef r : p.outputs()) out.add(r.id());
        return out;
    }

    /** The symbols a node defines itself (not passed through from a child). */
    public static List<ColumnRef> definedBy(LogicalPlan p) {
        return switch (p) {
            case Get g -> g.outputs();
            case TableFunctionScan t -> t.outputs();
            case LogicalPlan.CteScan c -> c.outputs();
            case LogicalPlan.MaterializedCte x -> List.of();
            case Values v -> v.outputs();
            case Empty e -> e.outputs();
            case Project x -> x.outputs();
            case Aggregate x -> x.outputs();
            case Join x -> x.type() == LogicalPlan.JoinType.MARK ? List.of(x.mark()) : List.of();
            case SetOperation x -> x.outputs();
            case Window x -> x.calls().stream().map(WindowCall::output).toList();
            case Filter x -> List.of();
            case Sort x -> List.of();
            case Limit x -> List.of();
            case TopN x -> List.of();
        };
    }

    /** Ids of every symbol defined anywhere in the tree. */
    public static Set<Integer> producedIds(LogicalPlan p) {
        Set<Integer> out = new HashSet<>();
        collectProduced(p, out);
        return out;
    }

    private static void collectProduced(LogicalPlan p, Set<Integer> out) {
        for (ColumnRef r : definedBy(p)) out.add(r.id());
        for (LogicalPlan k : p.children()) collectProduced(k, out);
    }

    /** Ids of every symbol read by some expression of the tree (including outer references of nested subqueries). */
    public static Set<Integer> referencedIds(LogicalPlan p) {
        Set<Integer> out = new HashSet<>();
        collectReferenced(p, out);
        return out;
    }

    private static void collectReferenced(LogicalPlan p, Set<Integer> out) {
        for (Expr e : expressions(p)) Exprs.collectColumnIds(e, out);
        for (LogicalPlan k : p.children()) collectReferenced(k, out);
    }

    /**
     * The free symbols of a tree: read by it but defined by none of its nodes. In a subquery these
     * are its correlated (outer) references; a complete query has none.
     */
    public static Set<Integer> freeIds(LogicalPlan p) {
        Set<Integer> free = referencedIds(p);
        free.removeAll(producedIds(p));
        return free;
    }

    /** Replaces references to outer symbols everywhere in the tree. */
    public static LogicalPlan substituteFree(LogicalPlan p, Map<Integer, ? extends Expr> map) {
        return transformUp(p, n -> mapExpressions(n, e -> Exprs.substitute(e, map)));
    }

    /**
     * The plan with exactly the given outputs in the given order: itself if it has them already,
     * otherwise a Project picking them. Rewrites that add or reorder columns use this to keep the
     * column list a parent relies on (the query result, the sides of a set operation).
     */
    public static LogicalPlan restoreOutputs(LogicalPlan p, List<ColumnRef> expected) {
        if (p.outputs().equals(expected)) return p;
        List<Assignment> as = new ArrayList<>();
        for (ColumnRef r : expected) as.add(new Assignment(r, r));
        return new Project(p, as);
    }

    /** Identity assignments for the columns. */
    public static List<Assignment> identity(List<ColumnRef> cols) {
        List<Assignment> out = new ArrayList<>();
        for (ColumnRef r : cols) out.add(new Assignment(r, r));
        return out;
    }

    // ---- copying --------------------------------------------------------------------------------

    /** A copy of a tree with every symbol it defines replaced by a fresh one. */
    public record Copy(LogicalPlan plan, Map<Integer, ColumnRef> mapping) {
        /** The copy's symbol for an original symbol (outer references map to themselves). */
        public ColumnRef map(ColumnRef r) {
            ColumnRef m = mapping.get(r.id());
            return m == null ? r : m;
        }
    }

    /**
     * Copies the tree with fresh symbols, so the copy can sit in the same plan as the original
     * without two nodes defining one symbol. Outer references are kept as they are.
     */
    public static Copy copyWithFreshIds(LogicalPlan p) {
        Map<Integer, ColumnRef> mapping = new HashMap<>();
        LogicalPlan plan = copy(p, mapping);
        return new Copy(plan, mapping);
    }

    private static LogicalPlan copy(LogicalPlan p, Map<Integer, ColumnRef> m) {
        List<LogicalPlan> kids = new ArrayList<>();
        for (LogicalPlan k : p.children()) kids.add(copy(k, m));
        LogicalPlan node = withChildren(p, kids);
        // Fresh symbols for what this node defines, then references rewritten through the mapping.
        // A Project may re-define a symbol it reads (x := x); reading uses the child's mapping,
        // so expressions are mapped before the node's own symbols are added.
        Map<Integer, Expr> before = new HashMap<>(m);
        node = mapExpressions(node, e -> Exprs.substitute(e, before));
        for (ColumnRef r : definedBy(p)) m.put(r.id(), ColumnIds.fresh(r.name(), r.type()));
        return renameDefined(node, m);
    }

    private static ColumnRef rn(ColumnRef r, Map<Integer, ColumnRef> m) {
        ColumnRef x = m.get(r.id());
        return x == null ? r : x;
    }

    private static List<ColumnRef> rn(List<ColumnRef> rs, Map<Integer, ColumnRef> m) {
        return rs.stream().map(r -> rn(r, m)).toList();
    }

    /** Renames the symbols a node defines (its expressions are left alone). */
    private static LogicalPlan renameDefined(LogicalPlan p, Map<Integer, ColumnRef> m) {
        return switch (p) {
            case Get g -> new Get(g.table(), g.columns(), rn(g.outputs(), m));
            case TableFunctionScan t -> new TableFunctionScan(t.function(), rn(t.outputs(), m));
            case LogicalPlan.CteScan c -> new LogicalPlan.CteScan(c.id(), rn(c.outputs(), m), c.definition());
            case LogicalPlan.MaterializedCte x -> x;
            case Values v -> new Values(rn(v.outputs(), m), v.rows());
            case Empty e -> new Empty(rn(e.outputs(), m));
            case Project x -> new Project(x.child(), x.assignments().stream()
                    .map(a -> new Assignment(rn(a.target(), m), a.expr())).toList());
            case Aggregate x -> new Aggregate(x.child(),
                    x.groups().stream().map(a -> new Assignment(rn(a.target(), m), a.expr())).toList(),
                    x.aggregates().stream().map(c -> new AggregateCall(rn(c.output(), m), c.function(), c.args(),
                            c.distinct(), c.filter(), c.orderBy())).toList());
            case Join x -> new Join(x.type(), x.left(), x.right(), x.condition(),
                    x.mark() == null ? null : rn(x.mark(), m), x.nullAware());
            case SetOperation x -> new SetOperation(x.kind(), x.all(), x.left(), x.right(), rn(x.outputs(), m));
            case Window x -> new Window(x.child(), x.calls().stream().map(c -> new WindowCall(rn(c.output(), m), c.kind(),
                    c.aggregate(), c.args(), c.distinct(), c.filter(), c.ignoreNulls(), c.partitionBy(), c.orderBy(),
                    c.frame())).toList());
            case Filter x -> x;
            case Sort x -> x;
            case Limit x -> x;
            case TopN x -> x;
        };
    }

    // ---- equivalence ----------------------------------------------------------------------------

    /**
     * True when {@code b} computes what {@code a} does, symbol for symbol: the same nodes over the
     * same tables with the same expressions, differing only in the ids of the symbols they define.
     * Their outputs then correspond by position.
     */
    public static boolean equivalent(LogicalPlan a, LogicalPlan b) {
        return equivalent(a, b, new HashMap<>());
    }

    /** {@code m}: b's symbols defined so far → a's. */
    private static boolean equivalent(LogicalPlan a, LogicalPlan b, Map<Integer, ColumnRef> m) {
        if (a.getClass() != b.getClass() || a.children().size() != b.children().size()) return false;
        for (int i = 0; i < a.children().size(); i++) {
            if (!equivalent(a.children().get(i), b.children().get(i), m)) return false;
        }
        List<ColumnRef> da = definedBy(a), db = definedBy(b);
        if (da.size() != db.size()) return false;
        // b's node over a's children, reading and defining a's symbols, must then equal a's node
        Map<Integer, Expr> reads = new HashMap<>(m);
        LogicalPlan node = mapExpressions(withChildren(b, a.children()), e -> Exprs.substitute(e, reads));
        for (int i = 0; i < da.size(); i++) {
            if (!da.get(i).type().equals(db.get(i).type())) return false;
            m.put(db.get(i).id(), da.get(i));
        }
        return renameDefined(node, m).equals(a);
    }

    // ---- cardinality facts ----------------------------------------------------------------------

    /** True when the plan always yields exactly one row (an ungrouped aggregate under row-preserving nodes). */
    public static boolean exactlyOneRow(LogicalPlan p) {
        return switch (p) {
            case Aggregate a -> a.groups().isEmpty();
            case Project x -> exactlyOneRow(x.child());
            case Window x -> exactlyOneRow(x.child());
            case Sort x -> exactlyOneRow(x.child());
            case Limit x -> x.offset() == 0 && x.limit() != 0 && exactlyOneRow(x.child());
            case TopN x -> x.offset() == 0 && x.limit() != 0 && exactlyOneRow(x.child());
            case Values v -> v.rows().size() == 1;
            default -> false;
        };
    }

    /** True when the plan can be proven to yield at most one row. */
    public static boolean atMostOneRow(LogicalPlan p) {
        return switch (p) {
            case Aggregate a -> a.groups().isEmpty();
            case Project x -> atMostOneRow(x.child());
            case Window x -> atMostOneRow(x.child());
            case Sort x -> atMostOneRow(x.child());
            case Filter x -> atMostOneRow(x.child());
            case Limit x -> x.limit() >= 0 && x.limit() <= 1 || atMostOneRow(x.child());
            case TopN x -> x.limit() >= 0 && x.limit() <= 1 || atMostOneRow(x.child());
            case Values v -> v.rows().size() <= 1;
            case Empty e -> true;
            default -> false;
        };
    }
}
