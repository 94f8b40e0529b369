package dev.mallard.execution.join;

import dev.mallard.execution.expression.ExpressionResolver;
import dev.mallard.execution.expression.ResolvedExpr;
import dev.mallard.expression.Expr;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a join condition into equi-join keys and a residual: a conjunct {@code a = b} (or
 * {@code a IS NOT DISTINCT FROM b}) where one side reads only left columns and the other only
 * right columns, both of the same type, becomes a key; every other conjunct is residual.
 */
public final class JoinConditionAnalyzer {
    private JoinConditionAnalyzer() {}

    public static JoinCondition analyze(Expr condition, List<Expr.ColumnRef> left, List<Expr.ColumnRef> right,
                                        boolean nullAware) {
        List<Expr> conjuncts = new ArrayList<>();
        flatten(condition, conjuncts);
        Set<Integer> leftIds = ids(left), rightIds = ids(right);
        List<Expr.ColumnRef> pairLayout = new ArrayList<>(left);
        pairLayout.addAll(right);

        List<ResolvedExpr> leftKeys = new ArrayList<>(), rightKeys = new ArrayList<>();
        List<Boolean> nullsEqual = new ArrayList<>();
        List<Expr> residual = new ArrayList<>();
        boolean firstIsKey = false;
        Expr first = null;
        for (int i = 0; i < conjuncts.size(); i++) {
            Expr c = conjuncts.get(i);
            Expr[] key = asKey(c, leftIds, rightIds);
            boolean isFirst = nullAware && i == 0;
            if (key != null && !(isFirst && nullsEqualKey(c))) {
                leftKeys.add(ExpressionResolver.resolve(key[0], left));
                rightKeys.add(ExpressionResolver.resolve(key[1], right));
                nullsEqual.add(nullsEqualKey(c));
                if (isFirst) firstIsKey = true;
            } else if (isFirst) {
                first = c;
            } else {
                residual.add(c);
            }
        }
        boolean[] ne = new boolean[nullsEqual.size()];
        for (int i = 0; i < ne.length; i++) ne[i] = nullsEqual.get(i);
        ResolvedExpr rest = null;
        if (nullAware && firstIsKey && conjuncts.size() > 1) {
            rest = ExpressionResolver.resolve(and(conjuncts.subList(1, conjuncts.size())), pairLayout);
        }
        return new JoinCondition(leftKeys, rightKeys, ne,
                residual.isEmpty() ? null : ExpressionResolver.resolve(and(residual), pairLayout),
                nullAware && !conjuncts.isEmpty(), firstIsKey,
                first == null ? null : ExpressionResolver.resolve(first, pairLayout), rest);
    }

    private static Expr and(List<Expr> conjuncts) {
        return conjuncts.size() == 1 ? conjuncts.get(0) : new Expr.And(List.copyOf(conjuncts));
    }

    private static void flatten(Expr e, List<Expr> out) {
        if (e == null) return;
        if (e instanceof Expr.And a) {
            for (Expr o : a.operands()) flatten(o, out);
        } else if (e instanceof Expr.Constant k && Boolean.TRUE.equals(k.value())) {
            // TRUE: nothing to check
        } else {
            out.add(e);
        }
    }

    private static boolean nullsEqualKey(Expr c) {
        return c instanceof Expr.Call call && call.function().name().equals("is_not_distinct_from");
    }

    /** {left side, right side} if {@code c} is an equi-join conjunct, else null. */
    private static Expr[] asKey(Expr c, Set<Integer> leftIds, Set<Integer> rightIds) {
        if (!(c instanceof Expr.Call call) || call.args().size() != 2) return null;
        String name = call.function().name();
        if (!name.equals("=") && !name.equals("is_not_distinct_from")) return null;
        Expr a = call.args().get(0), b = call.args().get(1);
        LogicalType ta = a.type(), tb = b.type();
        if (!ta.equals(tb)) return null;
        Set<Integer> ra = refs(a), rb = refs(b);
        if (ra.isEmpty() || rb.isEmpty()) return null;
        if (leftIds.containsAll(ra) && rightIds.containsAll(rb)) return new Expr[] {a, b};
        if (rightIds.containsAll(ra) && leftIds.containsAll(rb)) return new Expr[] {b, a};
        return null;
    }

    private static Set<Integer> ids(List<Expr.ColumnRef> refs) {
        Set<Integer> s = new HashSet<>();
        for (Expr.ColumnRef r : refs) s.add(r.id());
        return s;
    }

    /** Ids of the columns an expression reads. */
    public static Set<Integer> refs(Expr e) {
        Set<Integer> out = new HashSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, Set<Integer> out) {
        switch (e) {
            case Expr.ColumnRef c -> out.add(c.id());
            case Expr.Constant k -> { }
            case Expr.Call c -> c.args().forEach(a -> collect(a, out));
            case Expr.Cast c -> collect(c.input(), out);
            case Expr.And a -> a.operands().forEach(o -> collect(o, out));
            case Expr.Or o -> o.operands().forEach(x -> collect(x, out));
            case Expr.Not n -> collect(n.operand(), out);
            case Expr.IsNull n -> collect(n.operand(), out);
            case Expr.Case c -> {
                c.whens().forEach(w -> {
                    collect(w.condition(), out);
                    collect(w.result(), out);
                });
                collect(c.otherwise(), out);
            }
            case Expr.Coalesce c -> c.operands().forEach(o -> collect(o, out));
            case Expr.InList in -> {
                collect(in.value(), out);
                in.list().forEach(x -> collect(x, out));
            }
            case Expr.Subquery s -> out.add(Integer.MIN_VALUE); // never a key
        }
    }
}
