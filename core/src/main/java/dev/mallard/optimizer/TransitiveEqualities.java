package dev.mallard.optimizer;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Expr.Constant;
import dev.mallard.expression.Exprs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cheap transitive closure over the conjuncts of an inner join: columns equated with each other
 * form classes, and a comparison of one member with a constant is copied to every other member of
 * the same type. {@code l_orderkey = o_orderkey AND o_orderkey = 7} gains {@code l_orderkey = 7},
 * which then filters the other join input before the join.
 */
final class TransitiveEqualities {
    private TransitiveEqualities() {}

    /** The conjuncts plus the derived ones (no duplicates, original order first). */
    static List<Expr> derive(List<Expr> conjuncts) {
        Map<Integer, Integer> parent = new HashMap<>();
        Map<Integer, ColumnRef> refs = new java.util.LinkedHashMap<>();
        for (Expr c : conjuncts) {
            if ("=".equals(Exprs.comparisonOperator(c)) && c instanceof Expr.Call call
                    && call.args().get(0) instanceof ColumnRef a && call.args().get(1) instanceof ColumnRef b
                    && a.type().equals(b.type())) {
                refs.put(a.id(), a);
                refs.put(b.id(), b);
                union(parent, a.id(), b.id());
            }
        }
        List<Expr> out = new ArrayList<>(conjuncts);
        if (refs.isEmpty()) return out;
        for (Expr c : conjuncts) {
            if (Exprs.comparisonOperator(c) == null || !(c instanceof Expr.Call call)) continue;
            int colSide = call.args().get(0) instanceof ColumnRef && call.args().get(1) instanceof Constant ? 0
                    : call.args().get(1) instanceof ColumnRef && call.args().get(0) instanceof Constant ? 1 : -1;
            if (colSide < 0) continue;
            ColumnRef col = (ColumnRef) call.args().get(colSide);
            if (!refs.containsKey(col.id())) continue;
            int root = find(parent, col.id());
            for (ColumnRef other : refs.values()) {
                if (other.id() == col.id() || find(parent, other.id()) != root || !other.type().equals(col.type())) continue;
                List<Expr> args = new ArrayList<>(call.args());
                args.set(colSide, other);
                out.add(new Expr.Call(call.function(), args));
            }
        }
        return Exprs.distinct(out);
    }

    private static int find(Map<Integer, Integer> parent, int x) {
        int p = parent.getOrDefault(x, x);
        if (p == x) return x;
        int r = find(parent, p);
        parent.put(x, r);
        return r;
    }

    private static void union(Map<Integer, Integer> parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) parent.put(ra, rb);
    }
}
