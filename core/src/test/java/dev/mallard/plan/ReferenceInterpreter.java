package dev.mallard.plan;

import dev.mallard.MallardException;
import dev.mallard.catalog.TableEntry;
import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Exprs;
import dev.mallard.function.FunctionRegistry;
import dev.mallard.plan.LogicalPlan.AggregateCall;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.plan.LogicalPlan.WindowCall;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A deliberately naive, row-at-a-time evaluator of logical plans for tests. Subqueries are
 * evaluated per outer row, exactly as SQL defines them, so comparing its answers for a plan
 * before and after unnesting (and optimization) checks that the rewrites keep the meaning —
 * NULLs, empty sets, duplicates and all. Scalar functions run through their real kernels;
 * aggregates (count, sum, min, max, avg) and window functions (row_number) are implemented here.
 *
 * <p>A row is a map from symbol id to value (physical form). Reading a symbol that is neither in
 * the row nor in the outer rows fails, so a rewrite that loses a column is caught.
 */
public final class ReferenceInterpreter {
    private final Map<TableEntry, List<Object[]>> data;

    public ReferenceInterpreter(Map<TableEntry, List<Object[]>> data) {
        this.data = data;
    }

    /** The plan's rows as lists of values in output order. */
    public List<List<Object>> run(LogicalPlan plan) {
        List<List<Object>> out = new ArrayList<>();
        for (Map<Integer, Object> row : eval(plan, Map.of())) {
            List<Object> values = new ArrayList<>();
            for (ColumnRef c : plan.outputs()) values.add(get(row, Map.of(), c.id()));
            out.add(values);
        }
        return out;
    }

    /** The rows as sorted text, for comparing multisets. */
    public static List<String> canonical(List<List<Object>> rows) {
        List<String> out = new ArrayList<>();
        for (List<Object> r : rows) out.add(r.toString());
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static Object get(Map<Integer, Object> row, Map<Integer, Object> outer, int id) {
        if (row.containsKey(id)) return row.get(id);
        if (outer.containsKey(id)) return outer.get(id);
        throw new IllegalStateException("column #" + id + " is not available");
    }

    private static Map<Integer, Object> merged(Map<Integer, Object> a, Map<Integer, Object> b) {
        Map<Integer, Object> m = new HashMap<>(a);
        m.putAll(b);
        return m;
    }

    // ---- plans ----------------------------------------------------------------------------------

    private List<Map<Integer, Object>> eval(LogicalPlan p, Map<Integer, Object> outer) {
        return switch (p) {
            case LogicalPlan.Get g -> {
                List<Map<Integer, Object>> out = new ArrayList<>();
                for (Object[] r : data.getOrDefault(g.table(), List.of())) {
                    Map<Integer, Object> row = new HashMap<>();
                    for (int i = 0; i < g.outputs().size(); i++) row.put(g.outputs().get(i).id(), r[g.columns().get(i)]);
                    out.add(row);
                }
                yield out;
            }
            case LogicalPlan.TableFunctionScan t -> throw new UnsupportedOperationException("table functions");
            case LogicalPlan.MaterializedCte m -> eval(m.body(), outer);
            case LogicalPlan.CteScan c -> {
                List<Map<Integer, Object>> out = new ArrayList<>();
                for (Map<Integer, Object> in : eval(c.definition(), Map.of())) {
                    Map<Integer, Object> row = new HashMap<>();
                    for (int i = 0; i < c.outputs().size(); i++) row.put(c.outputs().get(i).id(), in.get(c.definition().outputs().get(i).id()));
                    out.add(row);
                }
                yield out;
            }
            case LogicalPlan.Values v -> {
                List<Map<Integer, Object>> out = new ArrayList<>();
                for (List<Expr> r : v.rows()) {
                    Map<Integer, Object> row = new HashMap<>();
                    for (int i = 0; i < r.size(); i++) row.put(v.outputs().get(i).id(), expr(r.get(i), outer));
                    out.add(row);
                }
                yield out;
            }
            case LogicalPlan.Empty e -> List.of();
            case LogicalPlan.Project x -> {
                List<Map<Integer, Object>> out = new ArrayList<>();
                for (Map<Integer, Object> in : eval(x.child(), outer)) {
                    Map<Integer, Object> env = merged(outer, in);
                    Map<Integer, Object> row = new HashMap<>();
                    for (Assignment a : x.assignments()) row.put(a.target().id(), expr(a.expr(), env));
                    out.add(row);
                }
                yield out;
            }
            case LogicalPlan.Filter f -> {
                List<Map<Integer, Object>> out = new ArrayList<>();
                for (Map<Integer, Object> in : eval(f.child(), outer)) {
                    if (Boolean.TRUE.equals(expr(f.predicate(), merged(outer, in)))) out.add(in);
                }
                yield out;
            }
            case LogicalPlan.Aggregate a -> aggregate(a, outer);
            case Join j -> join(j, outer);
            case LogicalPlan.Sort s -> sorted(eval(s.child(), outer), s.keys(), outer);
            case LogicalPlan.Limit l -> limit(eval(l.child(), outer), l.limit(), l.offset());
            case LogicalPlan.TopN t -> limit(sorted(eval(t.child(), outer), t.keys(), outer), t.limit(), t.offset());
            case LogicalPlan.SetOperation s -> setOperation(s, outer);
            case LogicalPlan.Window w -> window(w, outer);
        };
    }

    private List<Map<Integer, Object>> aggregate(LogicalPlan.Aggregate a, Map<Integer, Object> outer) {
        Map<List<Object>, List<Map<Integer, Object>>> groups = new LinkedHashMap<>();
        for (Map<Integer, Object> in : eval(a.child(), outer)) {
            Map<Integer, Object> env = merged(outer, in);
            List<Object> key = new ArrayList<>();
            for (Assignment g : a.groups()) key.add(expr(g.expr(), env));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(env);
        }
        if (a.groups().isEmpty() && groups.isEmpty()) groups.put(List.of(), List.of());
        List<Map<Integer, Object>> out = new ArrayList<>();
        for (Map.Entry<List<Object>, List<Map<Integer, Object>>> g : groups.entrySet()) {
            Map<Integer, Object> row = new HashMap<>();
            for (int i = 0; i < a.groups().size(); i++) row.put(a.groups().get(i).target().id(), g.getKey().get(i));
            for (AggregateCall c : a.aggregates()) row.put(c.output().id(), aggregateValue(c, g.getValue()));
            out.add(row);
        }
        return out;
    }

    private Object aggregateValue(AggregateCall c, List<Map<Integer, Object>> rows) {
        List<List<Object>> args = new ArrayList<>();
        for (Map<Integer, Object> env : rows) {
            if (c.filter() != null && !Boolean.TRUE.equals(expr(c.filter(), env))) continue;
            List<Object> a = new ArrayList<>();
            for (Expr e : c.args()) a.add(expr(e, env));
            if (c.distinct() && args.contains(a)) continue;
            args.add(a);
        }
        String name = c.function().name();
        if (name.equals("count_star")) return (long) args.size();
        List<Object> values = new ArrayList<>();
        for (List<Object> a : args) if (a.get(0) != null) values.add(a.get(0));
        return switch (name) {
            case "count" -> (long) values.size();
            case "sum" -> values.isEmpty() ? null : values.get(0) instanceof Double
                    ? (Object) values.stream().mapToDouble(v -> ((Number) v).doubleValue()).sum()
                    : castTo(values.stream().mapToLong(v -> ((Number) v).longValue()).sum(), c.output().type());
            case "avg" -> values.isEmpty() ? null : values.stream().mapToDouble(v -> ((Number) v).doubleValue()).average().orElseThrow();
            case "min" -> values.stream().min(ReferenceInterpreter::compare).orElse(null);
            case "max" -> values.stream().max(ReferenceInterpreter::compare).orElse(null);
            default -> throw new UnsupportedOperationException("aggregate " + name);
        };
    }

    private static Object castTo(long v, LogicalType t) {
        return t.physicalType() == dev.mallard.types.PhysicalType.INT32 ? (Object) (int) v : (Object) v;
    }

    private List<Map<Integer, Object>> join(Join j, Map<Integer, Object> outer) {
        List<Map<Integer, Object>> left = eval(j.left(), outer);
        // LATERAL: a right side reading left columns is evaluated again for each left row.
        boolean lateral = !java.util.Collections.disjoint(Plans.freeIds(j.right()), Plans.outputIds(j.left()));
        List<Map<Integer, Object>> right = lateral ? List.of() : eval(j.right(), outer);
        List<Expr> conjuncts = Exprs.conjuncts(j.condition());
        List<Map<Integer, Object>> out = new ArrayList<>();
        boolean[] rightMatched = new boolean[right.size()];
        for (Map<Integer, Object> l : left) {
            if (lateral) {
                if (j.type() != LogicalPlan.JoinType.INNER && j.type() != LogicalPlan.JoinType.LEFT) {
                    throw new UnsupportedOperationException("lateral " + j.type());
                }
                right = eval(j.right(), merged(outer, l));
            }
            boolean matched = false;
            boolean unknown = false;
            int matches = 0;
            for (int k = 0; k < right.size(); k++) {
                Map<Integer, Object> r = right.get(k);
                Map<Integer, Object> env = merged(merged(outer, l), r);
                Object v;
                if (j.nullAware() && !conjuncts.isEmpty()) {
                    // The first conjunct is the IN comparison; the others are plain filters.
                    boolean rest = true;
                    for (int c = 1; c < conjuncts.size(); c++) rest &= Boolean.TRUE.equals(expr(conjuncts.get(c), env));
                    v = rest ? expr(conjuncts.get(0), env) : Boolean.FALSE;
                } else {
                    v = j.condition() == null ? Boolean.TRUE : expr(j.condition(), env);
                }
                if (Boolean.TRUE.equals(v)) {
                    matched = true;
                    matches++;
                    if (!lateral) rightMatched[k] = true;
                    switch (j.type()) {
                        case INNER, LEFT, RIGHT, FULL, SINGLE -> out.add(merged(l, r));
                        default -> { }
                    }
                } else if (v == null) {
                    unknown = true;
                }
            }
            switch (j.type()) {
                case LEFT, FULL -> {
                    if (!matched) out.add(padded(l, j.right().outputs()));
                }
                case SINGLE -> {
                    if (matches > 1) throw MallardException.Data.cardinality("more than one row returned by a subquery used as an expression");
                    if (!matched) out.add(padded(l, j.right().outputs()));
                }
                case SEMI -> {
                    if (matched) out.add(l);
                }
                case ANTI -> {
                    if (!matched && !(j.nullAware() && unknown)) out.add(l);
                }
                case MARK -> {
                    Map<Integer, Object> row = new HashMap<>(l);
                    row.put(j.mark().id(), matched ? Boolean.TRUE : unknown ? null : Boolean.FALSE);
                    out.add(row);
                }
                default -> { }
            }
        }
        if (!lateral && (j.type() == LogicalPlan.JoinType.RIGHT || j.type() == LogicalPlan.JoinType.FULL)) {
            for (int k = 0; k < right.size(); k++) if (!rightMatched[k]) out.add(padded(right.get(k), j.left().outputs()));
        }
        if (!lateral && (j.type() == LogicalPlan.JoinType.RIGHT_SEMI || j.type() == LogicalPlan.JoinType.RIGHT_ANTI)) {
            boolean want = j.type() == LogicalPlan.JoinType.RIGHT_SEMI;
            for (int k = 0; k < right.size(); k++) if (rightMatched[k] == want) out.add(right.get(k));
        }
        return out;
    }

    private static Map<Integer, Object> padded(Map<Integer, Object> row, List<ColumnRef> nulls) {
        Map<Integer, Object> m = new HashMap<>(row);
        for (ColumnRef c : nulls) m.put(c.id(), null);
        return m;
    }

    private List<Map<Integer, Object>> sorted(List<Map<Integer, Object>> rows, List<SortKey> keys, Map<Integer, Object> outer) {
        List<Map<Integer, Object>> out = new ArrayList<>(rows);
        out.sort((x, y) -> {
            for (SortKey k : keys) {
                Object a = expr(k.expr(), merged(outer, x));
                Object b = expr(k.expr(), merged(outer, y));
                int c;
                if (a == null || b == null) c = a == b ? 0 : (a == null) == k.nullsFirst() ? -1 : 1;
                else c = k.ascending() ? compare(a, b) : -compare(a, b);
                if (c != 0) return c;
            }
            return 0;
        });
        return out;
    }

    private static List<Map<Integer, Object>> limit(List<Map<Integer, Object>> rows, long limit, long offset) {
        int from = (int) Math.min(offset, rows.size());
        int to = limit < 0 ? rows.size() : (int) Math.min(rows.size(), offset + limit);
        return new ArrayList<>(rows.subList(from, Math.max(from, to)));
    }

    private List<Map<Integer, Object>> setOperation(LogicalPlan.SetOperation s, Map<Integer, Object> outer) {
        List<List<Object>> l = positional(eval(s.left(), outer), s.left().outputs());
        List<List<Object>> r = positional(eval(s.right(), outer), s.right().outputs());
        List<List<Object>> result = new ArrayList<>();
        switch (s.kind()) {
            case UNION -> {
                result.addAll(l);
                result.addAll(r);
                if (!s.all()) result = distinct(result);
            }
            case INTERSECT -> {
                List<List<Object>> pool = new ArrayList<>(r);
                for (List<Object> x : s.all() ? l : distinct(l)) if (pool.remove(x)) result.add(x);
            }
            case EXCEPT -> {
                List<List<Object>> pool = new ArrayList<>(r);
                for (List<Object> x : s.all() ? l : distinct(l)) {
                    if (s.all() ? !pool.remove(x) : !pool.contains(x)) result.add(x);
                }
            }
        }
        List<Map<Integer, Object>> out = new ArrayList<>();
        for (List<Object> x : result) {
            Map<Integer, Object> row = new HashMap<>();
            for (int i = 0; i < x.size(); i++) row.put(s.outputs().get(i).id(), x.get(i));
            out.add(row);
        }
        return out;
    }

    private static List<List<Object>> positional(List<Map<Integer, Object>> rows, List<ColumnRef> cols) {
        List<List<Object>> out = new ArrayList<>();
        for (Map<Integer, Object> r : rows) {
            List<Object> x = new ArrayList<>();
            for (ColumnRef c : cols) x.add(get(r, Map.of(), c.id()));
            out.add(x);
        }
        return out;
    }

    private static List<List<Object>> distinct(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : rows) if (!out.contains(r)) out.add(r);
        return out;
    }

    private List<Map<Integer, Object>> window(LogicalPlan.Window w, Map<Integer, Object> outer) {
        List<Map<Integer, Object>> rows = new ArrayList<>();
        for (Map<Integer, Object> r : eval(w.child(), outer)) rows.add(new HashMap<>(r));
        for (WindowCall c : w.calls()) {
            if (c.kind() != LogicalPlan.WindowFunctionKind.ROW_NUMBER) throw new UnsupportedOperationException(c.kind().name());
            Map<List<Object>, List<Map<Integer, Object>>> parts = new LinkedHashMap<>();
            for (Map<Integer, Object> r : rows) {
                List<Object> key = new ArrayList<>();
                for (Expr e : c.partitionBy()) key.add(expr(e, merged(outer, r)));
                parts.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
            for (List<Map<Integer, Object>> part : parts.values()) {
                List<Map<Integer, Object>> ordered = sorted(part, c.orderBy(), outer);
                for (int i = 0; i < ordered.size(); i++) ordered.get(i).put(c.output().id(), (long) (i + 1));
            }
        }
        return rows;
    }

    // ---- expressions ----------------------------------------------------------------------------

    private Object expr(Expr e, Map<Integer, Object> env) {
        return switch (e) {
            case ColumnRef c -> get(env, Map.of(), c.id());
            case Expr.Constant c -> c.value();
            case Expr.Call c -> {
                List<Object> args = new ArrayList<>();
                for (Expr a : c.args()) args.add(expr(a, env));
                yield call(c, args);
            }
            case Expr.Cast c -> {
                Object v = expr(c.input(), env);
                yield v == null ? null : ExpressionEvaluator.evaluateConstant(
                        new Expr.Cast(new Expr.Constant(v, c.input().type()), c.type(), c.tryCast()));
            }
            case Expr.And a -> {
                boolean unknown = false;
                for (Expr o : a.operands()) {
                    Object v = expr(o, env);
                    if (v == null) unknown = true;
                    else if (!(Boolean) v) yield false;
                }
                yield unknown ? null : true;
            }
            case Expr.Or o -> {
                boolean unknown = false;
                for (Expr x : o.operands()) {
                    Object v = expr(x, env);
                    if (v == null) unknown = true;
                    else if ((Boolean) v) yield true;
                }
                yield unknown ? null : false;
            }
            case Expr.Not n -> {
                Object v = expr(n.operand(), env);
                yield v == null ? null : !(Boolean) v;
            }
            case Expr.IsNull n -> (expr(n.operand(), env) == null) != n.negated();
            case Expr.Case c -> {
                for (Expr.When w : c.whens()) if (Boolean.TRUE.equals(expr(w.condition(), env))) yield expr(w.result(), env);
                yield expr(c.otherwise(), env);
            }
            case Expr.Coalesce c -> {
                for (Expr o : c.operands()) {
                    Object v = expr(o, env);
                    if (v != null) yield v;
                }
                yield null;
            }
            case Expr.InList in -> {
                Object v = expr(in.value(), env);
                boolean unknown = v == null;
                boolean found = false;
                for (Expr x : in.list()) {
                    Object w = expr(x, env);
                    if (w == null) unknown = true;
                    else if (v != null && compare(v, w) == 0) found = true;
                }
                Boolean r = found ? Boolean.TRUE : unknown ? null : Boolean.FALSE;
                yield r == null ? null : r != in.negated();
            }
            case Expr.Subquery s -> subquery(s, env);
        };
    }

    private Object subquery(Expr.Subquery s, Map<Integer, Object> env) {
        List<Map<Integer, Object>> rows = eval(s.plan(), env);
        ColumnRef first = s.plan().outputs().get(0);
        return switch (s.kind()) {
            case EXISTS -> !rows.isEmpty();
            case SCALAR -> {
                if (rows.size() > 1) throw MallardException.Data.cardinality("more than one row returned by a subquery used as an expression");
                yield rows.isEmpty() ? null : rows.get(0).get(first.id());
            }
            case ANY, ALL -> {
                Object x = expr(s.operand(), env);
                boolean any = s.kind() == Expr.SubqueryKind.ANY;
                boolean unknown = false;
                for (Map<Integer, Object> r : rows) {
                    Object y = r.get(first.id());
                    Object cmp = call(new Expr.Call(FunctionRegistry.scalar(s.operator(), List.of(first.type(), first.type())),
                            List.of(s.operand(), first)), java.util.Arrays.asList(x, y));
                    if (cmp == null) unknown = true;
                    else if ((Boolean) cmp == any) yield any;
                }
                yield unknown ? null : !any;
            }
        };
    }

    private static Object call(Expr.Call c, List<Object> args) {
        Vector[] vs = new Vector[args.size()];
        for (int i = 0; i < vs.length; i++) {
            vs[i] = new Vector(c.function().argTypes().get(Math.min(i, c.function().argTypes().size() - 1)), 1);
            vs[i].setObject(0, args.get(i));
        }
        Vector out = new Vector(c.type(), 1);
        c.function().kernel().execute(vs, null, 1, out);
        return out.getObject(0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && !(a.getClass().equals(b.getClass()))) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return ((Comparable) a).compareTo(b);
    }

    /** True when the two answers hold the same rows (as multisets). */
    public static boolean sameRows(List<List<Object>> a, List<List<Object>> b) {
        return Objects.equals(canonical(a), canonical(b));
    }
}
