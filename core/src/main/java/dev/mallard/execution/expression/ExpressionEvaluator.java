package dev.mallard.execution.expression;

import dev.mallard.MallardException;
import dev.mallard.execution.data.VectorOps;
import dev.mallard.execution.hash.KeyEquality;
import dev.mallard.expression.Expr;
import dev.mallard.types.LogicalType;
import dev.mallard.types.PhysicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.List;

/**
 * Evaluates one {@link ResolvedExpr} over chunks, vectorized. One instance per thread and
 * expression: it owns the scratch vectors and selection buffers of every node, reused chunk after
 * chunk, so evaluation allocates nothing once warmed up.
 *
 * <p>Only the live positions of the input (its selection, or a narrower one given by the caller)
 * are evaluated, and results are written at the same positions. Special forms narrow the
 * selection instead of evaluating everything: AND/OR evaluate each operand only on rows still
 * undecided (three-valued logic), CASE evaluates each branch only on the rows that take it (so
 * {@code CASE WHEN x <> 0 THEN 1 / x END} never divides by zero), COALESCE evaluates an operand only
 * where all earlier ones were NULL, and IN stops comparing a row once it matched.
 *
 * <p>{@link #select} evaluates a predicate straight into a selection vector: what a filter needs.
 * Selections handed to and produced by the evaluator are ascending lists of positions.
 */
public final class ExpressionEvaluator {
    private final ResolvedExpr expression;
    private final Node root;
    private DataChunk input;

    public ExpressionEvaluator(ResolvedExpr expression) {
        this.expression = expression;
        this.root = new Node(expression);
    }

    public ResolvedExpr expression() {
        return expression;
    }

    /** The value at each live position of {@code chunk}; valid until the next call. */
    public Vector evaluate(DataChunk chunk) {
        return evaluate(chunk, chunk.sel(), chunk.count());
    }

    /** The value at positions {@code sel[0..count)} (or {@code 0..count)}) of {@code chunk}'s columns. */
    public Vector evaluate(DataChunk chunk, int[] sel, int count) {
        this.input = chunk;
        try {
            return eval(root, sel, count, positionBound(chunk, sel, count));
        } finally {
            this.input = null;
        }
    }

    /**
     * A bound on the positions {@code sel} names, to size result vectors: the chunk's vectors
     * hold every position a selection can name, so their capacity is one, found without reading
     * the selection (a scan of it per evaluation cost a tenth of an aggregation over 4 columns).
     */
    private static int positionBound(DataChunk chunk, int[] sel, int count) {
        if (sel == null) return count;
        return chunk.columnCount() > 0 ? Math.max(count, chunk.column(0).capacity()) : VectorOps.positionLimit(sel, count);
    }

    /** Writes the live positions of {@code chunk} where the predicate is TRUE to {@code out}; returns how many. */
    public int select(DataChunk chunk, int[] out) {
        return select(chunk, chunk.sel(), chunk.count(), out);
    }

    /** As {@link #select(DataChunk, int[])} over the positions {@code sel[0..count)} (or {@code 0..count)}). */
    public int select(DataChunk chunk, int[] sel, int count, int[] out) {
        this.input = chunk;
        try {
            return select(root, sel, count, positionBound(chunk, sel, count), out);
        } finally {
            this.input = null;
        }
    }

    /**
     * Evaluates an expression without column references (the optimizer's constant folding) to
     * its value in physical form, null for NULL. Shares every rule with execution, so folding
     * cannot change a result.
     */
    public static Object evaluateConstant(Expr expr) {
        ResolvedExpr r = ExpressionResolver.resolve(expr, ref -> {
            throw new MallardException.Internal("constant expression refers to column " + ref);
        });
        return evaluateConstant(r);
    }

    /** As {@link #evaluateConstant(Expr)} for a resolved expression. */
    public static Object evaluateConstant(ResolvedExpr expr) {
        ExpressionEvaluator ev = new ExpressionEvaluator(expr);
        Vector v = ev.evaluate(new DataChunk(new Vector[0], 1, null));
        return v.getObject(0);
    }

    // ---- evaluation ----------------------------------------------------------------------------

    /** Per-node scratch: the result vector, argument slots and selection buffers. */
    private static final class Node {
        final ResolvedExpr expr;
        final Node[] children;
        final Vector[] args;
        Vector out;
        int[] selA;
        int[] selB;
        int[] selC;
        boolean[] flags;
        /** Constants: positions 0..filled hold the value. */
        int filled;
        /** A comparison {@link ComparisonSelect} can filter on: its outcome mask; else -1. */
        final int comparisonMask;

        Node(ResolvedExpr expr) {
            this.expr = expr;
            List<ResolvedExpr> kids = switch (expr) {
                case ResolvedExpr.ColumnRef c -> List.of();
                case ResolvedExpr.Constant k -> List.of();
                case ResolvedExpr.Call c -> c.args();
                case ResolvedExpr.Cast c -> List.of(c.input());
                case ResolvedExpr.And a -> a.operands();
                case ResolvedExpr.Or o -> o.operands();
                case ResolvedExpr.Not n -> List.of(n.operand());
                case ResolvedExpr.IsNull n -> List.of(n.operand());
                case ResolvedExpr.Case c -> {
                    List<ResolvedExpr> all = new java.util.ArrayList<>();
                    for (ResolvedExpr.When w : c.whens()) {
                        all.add(w.condition());
                        all.add(w.result());
                    }
                    all.add(c.otherwise());
                    yield all;
                }
                case ResolvedExpr.Coalesce c -> c.operands();
                case ResolvedExpr.InList in -> {
                    List<ResolvedExpr> all = new java.util.ArrayList<>();
                    all.add(in.value());
                    all.addAll(in.list());
                    yield all;
                }
            };
            children = new Node[kids.size()];
            for (int i = 0; i < children.length; i++) children[i] = new Node(kids.get(i));
            args = new Vector[children.length];
            comparisonMask = expr instanceof ResolvedExpr.Call c && c.args().size() == 2
                    && c.args().get(0).type().equals(c.args().get(1).type())
                    && ComparisonSelect.supports(c.args().get(0).type().physicalType())
                    ? ComparisonSelect.mask(c.function().name()) : -1;
        }

        Vector out(int limit) {
            if (out == null) out = new Vector(expr.type(), Math.max(limit, Vector.DEFAULT_CAPACITY));
            else out.ensureCapacity(limit);
            return out;
        }

        int[] selA(int n) {
            if (selA == null || selA.length < n) selA = new int[Math.max(n, Vector.DEFAULT_CAPACITY)];
            return selA;
        }

        int[] selB(int n) {
            if (selB == null || selB.length < n) selB = new int[Math.max(n, Vector.DEFAULT_CAPACITY)];
            return selB;
        }

        int[] selC(int n) {
            if (selC == null || selC.length < n) selC = new int[Math.max(n, Vector.DEFAULT_CAPACITY)];
            return selC;
        }

        boolean[] flags(int limit) {
            if (flags == null || flags.length < limit) flags = new boolean[Math.max(limit, Vector.DEFAULT_CAPACITY)];
            return flags;
        }
    }

    private static int pos(int[] sel, int k) {
        return sel == null ? k : sel[k];
    }

    /** Copies the selection (or the dense range) into {@code buf}. */
    private static int[] materialize(int[] sel, int count, int[] buf) {
        if (sel == null) for (int k = 0; k < count; k++) buf[k] = k;
        else System.arraycopy(sel, 0, buf, 0, count);
        return buf;
    }

    private Vector eval(Node node, int[] sel, int count, int limit) {
        return switch (node.expr) {
            case ResolvedExpr.ColumnRef c -> input.column(c.index());
            case ResolvedExpr.Constant k -> constant(node, k, limit);
            case ResolvedExpr.Call c -> {
                for (int i = 0; i < node.children.length; i++) node.args[i] = eval(node.children[i], sel, count, limit);
                Vector out = node.out(limit);
                if (count > 0) c.function().kernel().execute(node.args, sel, count, out);
                yield out;
            }
            case ResolvedExpr.Cast c -> cast(node, c, sel, count, limit);
            case ResolvedExpr.And a -> andOr(node, true, sel, count, limit);
            case ResolvedExpr.Or o -> andOr(node, false, sel, count, limit);
            case ResolvedExpr.Not n -> {
                Vector v = eval(node.children[0], sel, count, limit);
                Vector out = node.out(limit);
                for (int k = 0; k < count; k++) {
                    int p = pos(sel, k);
                    if (v.isNull(p)) {
                        out.setNull(p);
                    } else {
                        out.setNull(p, false);
                        out.bools[p] = !v.bools[p];
                    }
                }
                yield out;
            }
            case ResolvedExpr.IsNull n -> {
                Vector v = eval(node.children[0], sel, count, limit);
                Vector out = node.out(limit);
                boolean negated = n.negated();
                if (!v.mayHaveNulls()) {
                    for (int k = 0; k < count; k++) out.bools[pos(sel, k)] = negated;
                } else {
                    for (int k = 0; k < count; k++) {
                        int p = pos(sel, k);
                        out.bools[p] = v.isNull(p) != negated;
                    }
                }
                if (out.mayHaveNulls()) for (int k = 0; k < count; k++) out.setNull(pos(sel, k), false);
                yield out;
            }
            case ResolvedExpr.Case c -> caseWhen(node, c, sel, count, limit);
            case ResolvedExpr.Coalesce c -> coalesce(node, sel, count, limit);
            case ResolvedExpr.InList in -> inList(node, in, sel, count, limit);
        };
    }

    private static Vector constant(Node node, ResolvedExpr.Constant k, int limit) {
        Vector out = node.out(limit);
        if (node.filled < out.capacity()) {
            // Fill the whole capacity once: later chunks find the value at every position.
            VectorOps.fill(out, k.value(), out.capacity());
            node.filled = out.capacity();
        }
        return out;
    }

    private Vector cast(Node node, ResolvedExpr.Cast c, int[] sel, int count, int limit) {
        Vector v = eval(node.children[0], sel, count, limit);
        if (c.kernel() == null) {
            if (c.input().type().physicalType() == PhysicalType.NONE && c.type().physicalType() != PhysicalType.NONE) {
                Vector out = node.out(limit);
                VectorOps.setNullsSelected(out, sel, count);
                return out;
            }
            return v;
        }
        Vector out = node.out(limit);
        node.args[0] = v;
        if (count > 0) c.kernel().execute(node.args, sel, count, out);
        return out;
    }

    /**
     * Three-valued AND (isAnd) / OR. A row is decided by the first FALSE (AND) or TRUE (OR); later
     * operands run only on undecided rows. Undecided rows end TRUE (AND) / FALSE (OR) unless some
     * operand was NULL for them.
     */
    private Vector andOr(Node node, boolean isAnd, int[] sel, int count, int limit) {
        Vector out = node.out(limit);
        int[] rem = materialize(sel, count, node.selA(count));
        for (int k = 0; k < count; k++) {
            int p = rem[k];
            out.setNull(p, false);
            out.bools[p] = isAnd;
        }
        int n = count;
        for (Node child : node.children) {
            if (n == 0) break;
            Vector v = eval(child, rem, n, limit);
            int m = 0;
            for (int j = 0; j < n; j++) {
                int p = rem[j];
                if (v.isNull(p)) {
                    out.setNull(p);
                    rem[m++] = p;
                } else if (v.bools[p] == isAnd) {
                    rem[m++] = p;
                } else {
                    out.setNull(p, false);
                    out.bools[p] = !isAnd;
                }
            }
            n = m;
        }
        return out;
    }

    private Vector caseWhen(Node node, ResolvedExpr.Case c, int[] sel, int count, int limit) {
        Vector out = node.out(limit);
        int[] rem = materialize(sel, count, node.selA(count));
        int[] other = node.selB(count);
        int[] taken = node.selC(count);
        int n = count;
        int whens = c.whens().size();
        for (int w = 0; w < whens && n > 0; w++) {
            int t = select(node.children[2 * w], rem, n, limit, taken);
            if (t > 0) {
                Vector r = eval(node.children[2 * w + 1], taken, t, limit);
                VectorOps.copySelected(r, taken, t, out);
            }
            // rows not taken (FALSE or NULL) go on; taken is an ordered subsequence of rem
            int m = 0;
            for (int j = 0, i = 0; j < n; j++) {
                if (i < t && taken[i] == rem[j]) i++;
                else other[m++] = rem[j];
            }
            int[] swap = rem;
            rem = other;
            other = swap;
            n = m;
        }
        if (n > 0) {
            Vector r = eval(node.children[2 * whens], rem, n, limit);
            VectorOps.copySelected(r, rem, n, out);
        }
        // the buffers may have swapped: keep them owned by the node
        node.selA = rem;
        node.selB = other;
        return out;
    }

    private Vector coalesce(Node node, int[] sel, int count, int limit) {
        Vector out = node.out(limit);
        int[] rem = materialize(sel, count, node.selA(count));
        int[] found = node.selB(count);
        int n = count;
        for (Node child : node.children) {
            if (n == 0) break;
            Vector v = eval(child, rem, n, limit);
            int m = 0, f = 0;
            for (int j = 0; j < n; j++) {
                int p = rem[j];
                if (v.isNull(p)) rem[m++] = p;
                else found[f++] = p;
            }
            if (f > 0) VectorOps.copySelected(v, found, f, out);
            n = m;
        }
        for (int j = 0; j < n; j++) out.setNull(rem[j]);
        return out;
    }

    private Vector inList(Node node, ResolvedExpr.InList in, int[] sel, int count, int limit) {
        Vector v = eval(node.children[0], sel, count, limit);
        Vector out = node.out(limit);
        boolean negated = in.negated();
        ConstantSet set = in.constants();
        if (set != null) {
            boolean listNull = set.containsNull();
            for (int k = 0; k < count; k++) {
                int p = pos(sel, k);
                if (v.isNull(p)) {
                    out.setNull(p);
                } else if (set.contains(v, p)) {
                    out.setNull(p, false);
                    out.bools[p] = !negated;
                } else if (listNull) {
                    out.setNull(p);
                } else {
                    out.setNull(p, false);
                    out.bools[p] = negated;
                }
            }
            return out;
        }
        // General list: compare element by element, only on rows not yet matched.
        int[] rem = node.selA(count);
        int n = 0;
        for (int k = 0; k < count; k++) {
            int p = pos(sel, k);
            if (v.isNull(p)) {
                out.setNull(p);
            } else {
                out.setNull(p, false);
                out.bools[p] = false;
                rem[n++] = p;
            }
        }
        for (int e = 1; e < node.children.length && n > 0; e++) {
            Vector ev = eval(node.children[e], rem, n, limit);
            int m = 0;
            for (int j = 0; j < n; j++) {
                int p = rem[j];
                if (ev.isNull(p)) {
                    out.setNull(p);
                    rem[m++] = p;
                } else if (KeyEquality.equal(v, p, ev, p)) {
                    out.setNull(p, false);
                    out.bools[p] = true;
                } else {
                    rem[m++] = p;
                }
            }
            n = m;
        }
        if (negated) {
            for (int k = 0; k < count; k++) {
                int p = pos(sel, k);
                if (!out.isNull(p)) out.bools[p] = !out.bools[p];
            }
        }
        return out;
    }

    // ---- selection -----------------------------------------------------------------------------

    private int select(Node node, int[] sel, int count, int limit, int[] out) {
        if (count == 0) return 0;
        switch (node.expr) {
            case ResolvedExpr.And a -> {
                int[] cur = sel;
                int n = count;
                int[] bufA = node.selA(count), bufB = node.selB(count);
                for (int i = 0; i < node.children.length && n > 0; i++) {
                    int[] dst = (i & 1) == 0 ? bufA : bufB;
                    n = select(node.children[i], cur, n, limit, dst);
                    cur = dst;
                }
                if (n > 0) System.arraycopy(cur, 0, out, 0, n);
                return n;
            }
            case ResolvedExpr.Or o -> {
                boolean[] hit = node.flags(limit);
                int[] rem = materialize(sel, count, node.selA(count));
                int[] found = node.selB(count);
                for (int k = 0; k < count; k++) hit[rem[k]] = false;
                int n = count;
                for (Node child : node.children) {
                    if (n == 0) break;
                    int f = select(child, rem, n, limit, found);
                    for (int j = 0; j < f; j++) hit[found[j]] = true;
                    int m = 0;
                    for (int j = 0; j < n; j++) if (!hit[rem[j]]) rem[m++] = rem[j];
                    n = m;
                }
                int t = 0;
                for (int k = 0; k < count; k++) {
                    int p = pos(sel, k);
                    if (hit[p]) out[t++] = p;
                }
                return t;
            }
            case ResolvedExpr.Constant k -> {
                if (Boolean.TRUE.equals(k.value())) {
                    materialize(sel, count, out);
                    return count;
                }
                return 0;
            }
            case ResolvedExpr.Call c when node.comparisonMask >= 0 -> {
                ResolvedExpr left = c.args().get(0), right = c.args().get(1);
                if (right instanceof ResolvedExpr.Constant k) {
                    if (k.value() == null) return 0;
                    return ComparisonSelect.againstConstant(node.comparisonMask, eval(node.children[0], sel, count, limit),
                            k.value(), sel, count, out);
                }
                if (left instanceof ResolvedExpr.Constant k) {
                    if (k.value() == null) return 0;
                    return ComparisonSelect.againstConstant(ComparisonSelect.flip(node.comparisonMask),
                            eval(node.children[1], sel, count, limit), k.value(), sel, count, out);
                }
                Vector a = eval(node.children[0], sel, count, limit);
                Vector b = eval(node.children[1], sel, count, limit);
                return ComparisonSelect.betweenColumns(node.comparisonMask, a, b, sel, count, out);
            }
            default -> {
                Vector v = eval(node, sel, count, limit);
                int n = 0;
                if (v.physicalType() != PhysicalType.BOOL) {
                    if (v.type().id() == dev.mallard.types.TypeId.NULL) return 0;
                    throw new MallardException.Internal("predicate of type " + v.type() + " is not BOOLEAN");
                }
                boolean[] b = v.bools;
                if (!v.mayHaveNulls()) {
                    if (sel == null) {
                        for (int k = 0; k < count; k++) if (b[k]) out[n++] = k;
                    } else {
                        for (int k = 0; k < count; k++) {
                            int p = sel[k];
                            if (b[p]) out[n++] = p;
                        }
                    }
                } else {
                    for (int k = 0; k < count; k++) {
                        int p = pos(sel, k);
                        if (b[p] && !v.isNull(p)) out[n++] = p;
                    }
                }
                return n;
            }
        }
    }

    /** The type the evaluator produces (same as the expression's). */
    public LogicalType type() {
        return expression.type();
    }
}
