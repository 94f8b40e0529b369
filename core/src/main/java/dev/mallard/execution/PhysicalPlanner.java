package dev.mallard.execution;

import dev.mallard.MallardException;
import dev.mallard.execution.aggregate.AggregateSpec;
import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.execution.expression.ExpressionResolver;
import dev.mallard.execution.expression.ResolvedExpr;
import dev.mallard.execution.join.JoinCondition;
import dev.mallard.execution.join.JoinConditionAnalyzer;
import dev.mallard.execution.join.JoinFilterSlot;
import dev.mallard.execution.operator.PhysicalJoin;
import dev.mallard.execution.operator.PhysicalCte;
import dev.mallard.execution.operator.PhysicalCteScan;
import dev.mallard.execution.operator.PhysicalEmpty;
import dev.mallard.execution.operator.PhysicalFilter;
import dev.mallard.execution.operator.PhysicalHashAggregate;
import dev.mallard.execution.operator.PhysicalHashJoin;
import dev.mallard.execution.operator.PhysicalLimit;
import dev.mallard.execution.operator.PhysicalNestedLoopJoin;
import dev.mallard.execution.operator.PhysicalProjection;
import dev.mallard.execution.operator.PhysicalResultCollector;
import dev.mallard.execution.operator.PhysicalSetOperation;
import dev.mallard.execution.operator.PhysicalSort;
import dev.mallard.execution.operator.PhysicalTableFunctionScan;
import dev.mallard.execution.operator.PhysicalTableScan;
import dev.mallard.execution.operator.PhysicalTopN;
import dev.mallard.execution.operator.PhysicalUnionAll;
import dev.mallard.execution.operator.PhysicalValues;
import dev.mallard.execution.operator.PhysicalWindow;
import dev.mallard.execution.operator.SortSpec;
import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Exprs;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.Plans;
import dev.mallard.storage.DataTable;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a (optimized, decorrelated) logical plan into physical operators. Column symbols
 * become input positions here, once: every physical operator's output columns are its logical
 * node's outputs, in the same order, so a parent resolves its expressions against
 * {@code child.outputs()}.
 *
 * <ul>
 *   <li>Get → TABLE_SCAN; TableFunctionScan → TABLE_FUNCTION; Values → VALUES; Empty → EMPTY_RESULT</li>
 *   <li>Project → PROJECTION; Filter → FILTER, or inside the TABLE_SCAN right below it</li>
 *   <li>Aggregate → HASH_GROUP_BY (UNGROUPED_AGGREGATE without keys)</li>
 *   <li>Join → HASH_JOIN when the condition has equi-join keys, else NESTED_LOOP_JOIN / CROSS_PRODUCT</li>
 *   <li>Sort → ORDER_BY; TopN → TOP_N; Limit → LIMIT; Window → WINDOW</li>
 *   <li>MaterializedCte → CTE (definition collected once); CteScan → CTE_SCAN of it</li>
 *   <li>SetOperation: UNION ALL → UNION_ALL; UNION → HASH_GROUP_BY over UNION_ALL;
 *       INTERSECT / EXCEPT [ALL] → INTERSECT / EXCEPT [_ALL]</li>
 * </ul>
 */
public final class PhysicalPlanner {
    /** The materialized CTEs above the node being planned, by id: their scans read them. */
    private final java.util.Map<Integer, PhysicalResultCollector> ctes = new java.util.HashMap<>();
    /**
     * Join filters waiting for their scan: by the symbol of the scanned column that holds a join's
     * probe key. Joins register before their probe side is planned; the scan takes them.
     */
    private final java.util.Map<Integer, List<JoinFilterSlot>> pendingJoinFilters = new java.util.HashMap<>();

    private PhysicalPlanner() {}

    public static PhysicalOperator plan(LogicalPlan plan) {
        return new PhysicalPlanner().node(plan);
    }

    private PhysicalOperator node(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Get g -> scan(g, null);
            case LogicalPlan.TableFunctionScan t -> functionScan(t, List.of());
            case LogicalPlan.MaterializedCte m -> materializedCte(m);
            case LogicalPlan.CteScan c -> {
                PhysicalResultCollector rows = ctes.get(c.id());
                if (rows == null) throw new MallardException.Internal("CTE scan " + c.id() + " outside its CTE");
                yield new PhysicalCteScan(c.id(), rows);
            }
            case LogicalPlan.Values v -> values(v);
            case LogicalPlan.Empty e -> new PhysicalEmpty(types(e.outputs()));
            case LogicalPlan.Project p -> {
                List<ColumnRef> in = p.child().outputs();
                List<ResolvedExpr> exprs = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (LogicalPlan.Assignment a : p.assignments()) {
                    exprs.add(ExpressionResolver.resolve(a.expr(), in));
                    names.add(a.target().name());
                }
                yield new PhysicalProjection(node(p.child()), exprs, names);
            }
            case LogicalPlan.Filter f when f.child() instanceof LogicalPlan.Get g -> scan(g, f.predicate());
            case LogicalPlan.Filter f when f.child() instanceof LogicalPlan.TableFunctionScan t
                    && t.function() instanceof dev.mallard.function.table.ParallelTableFunction -> {
                // The scan skips pieces (files, row groups) the filter rules out; the filter still runs on what it reads.
                List<ResolvedExpr> conjuncts = new ArrayList<>();
                for (Expr conjunct : Exprs.conjuncts(f.predicate())) conjuncts.add(ExpressionResolver.resolve(conjunct, t.outputs()));
                int[] identity = java.util.stream.IntStream.range(0, t.outputs().size()).toArray();
                List<dev.mallard.storage.TableFilter> skipping = dev.mallard.execution.expression.TableFilters.of(conjuncts, identity);
                yield new PhysicalFilter(functionScan(t, skipping), ExpressionResolver.resolve(f.predicate(), t.outputs()));
            }
            case LogicalPlan.Filter f -> new PhysicalFilter(node(f.child()), ExpressionResolver.resolve(f.predicate(), f.child().outputs()));
            case LogicalPlan.Aggregate a -> aggregate(a);
            case LogicalPlan.Join j -> join(j);
            case LogicalPlan.Sort s -> new PhysicalSort(node(s.child()), sortSpecs(s.keys(), s.child().outputs()));
            case LogicalPlan.Limit l -> l.limit() < 0 && l.offset() <= 0 ? node(l.child())
                    : new PhysicalLimit(node(l.child()), l.limit(), l.offset());
            case LogicalPlan.TopN t -> new PhysicalTopN(node(t.child()), sortSpecs(t.keys(), t.child().outputs()), t.limit(), t.offset());
            case LogicalPlan.SetOperation s -> setOperation(s);
            case LogicalPlan.Window w -> window(w);
        };
    }

    /**
     * The definition is planned first, with its columns in the order the scans read them; the
     * body is planned while the CTE is registered, so its scans find it.
     */
    private PhysicalOperator materializedCte(LogicalPlan.MaterializedCte m) {
        PhysicalOperator definition = node(Plans.restoreOutputs(m.definition(), m.columns()));
        PhysicalResultCollector rows = new PhysicalResultCollector(definition);
        ctes.put(m.id(), rows);
        try {
            return new PhysicalCte(m.id(), rows, node(m.body()));
        } finally {
            ctes.remove(m.id());
        }
    }

    private static List<LogicalType> types(List<ColumnRef> refs) {
        return refs.stream().map(ColumnRef::type).toList();
    }

    /** The join filters registered for a scan's outputs (see {@link #joinFilterSlot}), and the output each applies to. */
    private record ScanJoinFilterSlots(List<JoinFilterSlot> slots, int[] columns) {}

    private ScanJoinFilterSlots takeJoinFilters(List<ColumnRef> outputs) {
        List<JoinFilterSlot> joinFilters = new ArrayList<>();
        List<Integer> joinFilterColumns = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            List<JoinFilterSlot> slots = pendingJoinFilters.remove(outputs.get(i).id());
            if (slots == null) continue;
            for (JoinFilterSlot slot : slots) {
                joinFilters.add(slot);
                joinFilterColumns.add(i);
            }
        }
        return new ScanJoinFilterSlots(joinFilters, joinFilterColumns.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A table function scan, skipping pieces by {@code skipping} and applying the join filters registered for it. */
    private PhysicalOperator functionScan(LogicalPlan.TableFunctionScan t, List<dev.mallard.storage.TableFilter> skipping) {
        ScanJoinFilterSlots j = takeJoinFilters(t.outputs());
        return new PhysicalTableFunctionScan(t.function(), skipping, j.slots(), j.columns());
    }

    /** A table scan, evaluating {@code filter} (null: none) inside it, conjunct by conjunct. */
    private PhysicalOperator scan(LogicalPlan.Get g, Expr filter) {
        ScanJoinFilterSlots j = takeJoinFilters(g.outputs());
        int[] columns = new int[g.columns().size()];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            int c = g.columns().get(i);
            columns[i] = c == LogicalPlan.Get.ROW_ID ? DataTable.ROW_ID : c;
            names.add(c == LogicalPlan.Get.ROW_ID ? "rowid" : g.table().columns().get(c).name());
        }
        List<ResolvedExpr> conjuncts = new ArrayList<>();
        List<int[]> reads = new ArrayList<>();
        if (filter != null) {
            for (Expr conjunct : Exprs.conjuncts(filter)) {
                conjuncts.add(ExpressionResolver.resolve(conjunct, g.outputs()));
                java.util.Set<Integer> ids = Exprs.columnIds(conjunct);
                List<Integer> positions = new ArrayList<>();
                for (int i = 0; i < g.outputs().size(); i++) if (ids.contains(g.outputs().get(i).id())) positions.add(i);
                reads.add(positions.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return new PhysicalTableScan(g.table(), columns, types(g.outputs()), names, conjuncts, reads.toArray(int[][]::new),
                j.slots(), j.columns());
    }

    private PhysicalOperator values(LogicalPlan.Values v) {
        List<List<ResolvedExpr>> rows = new ArrayList<>();
        for (List<Expr> row : v.rows()) {
            List<ResolvedExpr> r = new ArrayList<>();
            for (Expr e : row) r.add(ExpressionResolver.resolve(e, List.of()));
            rows.add(r);
        }
        return new PhysicalValues(types(v.outputs()), rows);
    }

    private PhysicalOperator aggregate(LogicalPlan.Aggregate a) {
        List<ColumnRef> in = a.child().outputs();
        List<ResolvedExpr> groups = new ArrayList<>();
        for (LogicalPlan.Assignment g : a.groups()) groups.add(ExpressionResolver.resolve(g.expr(), in));
        List<AggregateSpec> aggs = new ArrayList<>();
        for (LogicalPlan.AggregateCall c : a.aggregates()) {
            List<ResolvedExpr> args = new ArrayList<>();
            for (Expr e : c.args()) args.add(ExpressionResolver.resolve(e, in));
            aggs.add(new AggregateSpec(c.function(), args, c.distinct(),
                    c.filter() == null ? null : ExpressionResolver.resolve(c.filter(), in), sortSpecs(c.orderBy(), in)));
        }
        return new PhysicalHashAggregate(node(a.child()), groups, aggs);
    }

    private PhysicalOperator join(LogicalPlan.Join j) {
        LogicalPlan.Join hoisted = hoistSideExpressions(j);
        if (hoisted != j) return node(Plans.restoreOutputs(hoisted, j.outputs()));
        JoinCondition cond = JoinConditionAnalyzer.analyze(j.condition(), j.left().outputs(), j.right().outputs(), j.nullAware());
        JoinFilterSlot slot = cond.hasKeys() ? joinFilterSlot(j, cond) : null;
        PhysicalOperator left = node(j.left());
        PhysicalOperator right = node(j.right());
        return cond.hasKeys() ? new PhysicalHashJoin(j.type(), left, right, cond, slot)
                : new PhysicalNestedLoopJoin(j.type(), left, right, cond);
    }

    /**
     * The join with each condition subexpression that reads only one side computed in a projection
     * on that side: once per row there instead of once per pair of rows (TPC-H Q11 compares 30,000
     * groups with one threshold whose decimal cast would otherwise run for every pair).
     */
    private static LogicalPlan.Join hoistSideExpressions(LogicalPlan.Join j) {
        if (j.condition() == null || j.nullAware()) return j;
        List<LogicalPlan.Assignment> left = new ArrayList<>(), right = new ArrayList<>();
        java.util.Set<Integer> leftIds = Plans.outputIds(j.left()), rightIds = Plans.outputIds(j.right());
        List<Expr> conjuncts = new ArrayList<>();
        boolean changed = false;
        // only operands of top-level comparisons: anything nested (CASE, COALESCE) may be guarded
        for (Expr c : Exprs.conjuncts(j.condition())) {
            Expr h = c;
            if (c instanceof Expr.Call call && Exprs.comparisonOperator(c) != null && call.args().size() == 2) {
                List<Expr> args = new ArrayList<>();
                for (Expr a : call.args()) args.add(hoist(a, leftIds, left, rightIds, right));
                if (!args.equals(call.args())) h = new Expr.Call(call.function(), args);
            }
            changed |= h != c;
            conjuncts.add(h);
        }
        if (!changed) return j;
        LogicalPlan l = left.isEmpty() ? j.left() : withColumns(j.left(), left);
        LogicalPlan r = right.isEmpty() ? j.right() : withColumns(j.right(), right);
        return new LogicalPlan.Join(j.type(), l, r, Exprs.and(conjuncts), j.mark(), j.nullAware());
    }

    private static LogicalPlan withColumns(LogicalPlan p, List<LogicalPlan.Assignment> extra) {
        List<LogicalPlan.Assignment> as = new ArrayList<>(Plans.identity(p.outputs()));
        as.addAll(extra);
        return new LogicalPlan.Project(p, as);
    }

    /** {@code e} itself, or a new column of the one side it reads (computed there). */
    private static Expr hoist(Expr e, java.util.Set<Integer> leftIds, List<LogicalPlan.Assignment> left,
                              java.util.Set<Integer> rightIds, List<LogicalPlan.Assignment> right) {
        if (e instanceof ColumnRef || e instanceof Expr.Constant || !Exprs.isDeterministic(e) || Exprs.containsSubquery(e)) return e;
        java.util.Set<Integer> ids = Exprs.columnIds(e);
        List<LogicalPlan.Assignment> side = ids.isEmpty() ? null : leftIds.containsAll(ids) ? left
                : rightIds.containsAll(ids) ? right : null;
        if (side == null) return e;
        ColumnRef r = ColumnIds.fresh("expr", e.type());
        side.add(new LogicalPlan.Assignment(r, e));
        return r;
    }

    /**
     * A filter slot when the join drops probe rows without partner and one of its probe keys (the
     * first such) is a column read by a table scan (or a parallel table function: files) in the same pipeline (below projections,
     * filters and the probe sides of other joins); registered for that scan. Null otherwise.
     */
    private JoinFilterSlot joinFilterSlot(LogicalPlan.Join j, JoinCondition cond) {
        if (!PhysicalJoin.dropsUnmatchedProbeRows(j.type())) return null;
        for (int k = 0; k < cond.leftKeys().size(); k++) {
            if (cond.nullsEqual()[k] || !(cond.leftKeys().get(k) instanceof ResolvedExpr.ColumnRef key)) continue;
            if (!key.type().equals(cond.rightKeys().get(k).type())) continue;
            ColumnRef probe = j.left().outputs().get(key.index());
            Integer scanned = scannedColumn(j.left(), probe.id());
            if (scanned == null) continue;
            JoinFilterSlot slot = new JoinFilterSlot(probe.name(), k);
            pendingJoinFilters.computeIfAbsent(scanned, x -> new ArrayList<>()).add(slot);
            return slot;
        }
        return null;
    }

    /** The symbol under which a table scan or parallel table function in {@code p}'s pipeline reads column {@code id}, or null. */
    private static Integer scannedColumn(LogicalPlan p, int id) {
        return switch (p) {
            case LogicalPlan.Get g -> g.outputs().stream().anyMatch(r -> r.id() == id) ? id : null;
            case LogicalPlan.TableFunctionScan t when t.function() instanceof dev.mallard.function.table.ParallelTableFunction ->
                    t.outputs().stream().anyMatch(r -> r.id() == id) ? id : null;
            case LogicalPlan.Filter f -> scannedColumn(f.child(), id);
            case LogicalPlan.Project x -> {
                for (LogicalPlan.Assignment a : x.assignments()) {
                    if (a.target().id() == id) yield a.expr() instanceof ColumnRef r ? scannedColumn(x.child(), r.id()) : null;
                }
                yield null;
            }
            case LogicalPlan.Join j when j.type() != LogicalPlan.JoinType.RIGHT_SEMI && j.type() != LogicalPlan.JoinType.RIGHT_ANTI
                    && j.left().outputs().stream().anyMatch(r -> r.id() == id) -> scannedColumn(j.left(), id);
            default -> null;
        };
    }

    private static List<SortSpec> sortSpecs(List<LogicalPlan.SortKey> keys, List<ColumnRef> in) {
        List<SortSpec> out = new ArrayList<>();
        for (LogicalPlan.SortKey k : keys) out.add(new SortSpec(ExpressionResolver.resolve(k.expr(), in), k.ascending(), k.nullsFirst()));
        return out;
    }

    private PhysicalOperator setOperation(LogicalPlan.SetOperation s) {
        List<LogicalType> types = types(s.outputs());
        PhysicalOperator left = castTo(node(s.left()), s.left().outputs(), types);
        PhysicalOperator right = castTo(node(s.right()), s.right().outputs(), types);
        return switch (s.kind()) {
            case UNION -> {
                PhysicalOperator union = new PhysicalUnionAll(types, left, right);
                if (s.all()) yield union;
                List<ResolvedExpr> keys = new ArrayList<>();
                for (int i = 0; i < types.size(); i++) keys.add(new ResolvedExpr.ColumnRef(i, types.get(i), s.outputs().get(i).name()));
                yield new PhysicalHashAggregate(union, keys, List.of());
            }
            case INTERSECT, EXCEPT -> new PhysicalSetOperation(s.kind(), s.all(), left, right);
        };
    }

    /** A projection casting the child's columns to {@code types} where they differ (nothing if none does). */
    private PhysicalOperator castTo(PhysicalOperator child, List<ColumnRef> outputs, List<LogicalType> types) {
        if (child.types().equals(types)) return child;
        if (outputs.size() != types.size()) {
            throw new MallardException.Internal("set operation inputs have " + outputs.size() + " columns, expected " + types.size());
        }
        List<ResolvedExpr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            Expr e = outputs.get(i);
            if (!outputs.get(i).type().equals(types.get(i))) e = new Expr.Cast(e, types.get(i), false);
            exprs.add(ExpressionResolver.resolve(e, outputs));
            names.add(outputs.get(i).name());
        }
        return new PhysicalProjection(child, exprs, names);
    }

    private PhysicalOperator window(LogicalPlan.Window w) {
        List<ColumnRef> in = w.child().outputs();
        List<PhysicalWindow.Call> calls = new ArrayList<>();
        for (LogicalPlan.WindowCall c : w.calls()) {
            List<ResolvedExpr> partition = new ArrayList<>();
            for (Expr e : c.partitionBy()) partition.add(ExpressionResolver.resolve(e, in));
            List<ResolvedExpr> order = new ArrayList<>();
            for (LogicalPlan.SortKey k : c.orderBy()) order.add(ExpressionResolver.resolve(k.expr(), in));
            List<ResolvedExpr> args = new ArrayList<>();
            for (Expr e : c.args()) args.add(ExpressionResolver.resolve(e, in));
            ResolvedExpr filter = c.filter() == null ? null : ExpressionResolver.resolve(c.filter(), in);
            LogicalPlan.Frame frame = c.frame() == null ? LogicalPlan.Frame.DEFAULT : c.frame();
            Object start = frame.start() == null || frame.start().offset() == null ? null
                    : ExpressionEvaluator.evaluateConstant(frame.start().offset());
            Object end = frame.end() == null || frame.end().offset() == null ? null
                    : ExpressionEvaluator.evaluateConstant(frame.end().offset());
            calls.add(new PhysicalWindow.Call(c, partition, order, args, filter, start, end));
        }
        return new PhysicalWindow(node(w.child()), calls);
    }
}
