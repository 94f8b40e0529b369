package dev.mallard.optimizer;

import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.Constant;
import dev.mallard.expression.Exprs;
import dev.mallard.function.FunctionRegistry;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Simplifies one expression, bottom-up:
 *
 * <ul>
 *   <li>Constant folding: a node whose operands are all constants and whose function is
 *       deterministic is evaluated once by the executor's own evaluator (so folding can never
 *       disagree with execution). If evaluation fails (say {@code 1/0}), the expression is kept:
 *       the error then surfaces only if a row actually evaluates it.</li>
 *   <li>Boolean rules with SQL's three-valued logic: {@code x AND TRUE → x},
 *       {@code x AND FALSE → FALSE}, {@code x OR TRUE → TRUE}, {@code x OR FALSE → x},
 *       {@code NOT NOT x → x}, {@code NOT (a < b) → a >= b}, {@code NOT (x IS NULL) → x IS NOT NULL},
 *       duplicate operands of AND/OR removed. {@code x AND NULL} stays: it is NULL or FALSE.</li>
 *   <li>CASE drops branches whose condition is constant FALSE/NULL and stops at a constant TRUE;
 *       COALESCE drops NULL constants and stops at a non-NULL constant; casts to the same type vanish.</li>
 * </ul>
 */
public final class ExpressionSimplifier {
    private ExpressionSimplifier() {}

    public static Expr simplify(Expr e) {
        return e == null ? null : Exprs.rewrite(e, ExpressionSimplifier::simplifyNode);
    }

    /** Simplifies one node whose children are already simplified. */
    private static Expr simplifyNode(Expr e) {
        return switch (e) {
            case Expr.And a -> and(a.operands());
            case Expr.Or o -> or(o.operands());
            case Expr.Not n -> not(n.operand());
            case Expr.IsNull n -> n.operand() instanceof Constant c
                    ? new Constant((c.value() == null) != n.negated(), LogicalType.BOOLEAN) : n;
            case Expr.Case c -> caseExpr(c);
            case Expr.Coalesce c -> coalesce(c);
            case Expr.Cast c -> c.input().type().equals(c.type()) ? c.input() : foldIfConstant(c);
            case Expr.Call c -> {
                Expr folded = foldIfConstant(c);
                yield folded instanceof Expr.Call call ? unwrapCastInComparison(call) : folded;
            }
            case Expr.InList in -> foldIfConstant(in);
            default -> e;
        };
    }

    /** Evaluates a deterministic node over constant operands; keeps it when evaluation fails. */
    private static Expr foldIfConstant(Expr e) {
        if (e instanceof Expr.Call c && !c.function().deterministic()) return e;
        for (Expr k : Exprs.children(e)) if (!(k instanceof Constant)) return e;
        try {
            return new Constant(ExpressionEvaluator.evaluateConstant(e), e.type());
        } catch (RuntimeException failed) {
            // A MallardException (division by zero, bad cast ...) must be raised only when a row
            // really evaluates this expression; anything else is left for execution to report too.
            return e;
        }
    }

    /**
     * {@code CAST(x AS T) op constant} → {@code x op constant'} when the cast is a widening that
     * keeps order and distinct values apart (integer to a wider integer or decimal, DATE to
     * TIMESTAMP, decimal to a wider decimal) and the constant converts back exactly. The column is
     * then compared in its own type: no per-row cast, and the filter can be pushed into a scan or
     * used as a join key. E.g. {@code CAST(l_shipdate AS TIMESTAMP) < TIMESTAMP '1995-01-01 00:00:00'}
     * → {@code l_shipdate < DATE '1995-01-01'}.
     */
    private static Expr unwrapCastInComparison(Expr.Call c) {
        String op = Exprs.comparisonOperator(c);
        if (op == null) return c;
        int castSide = c.args().get(0) instanceof Expr.Cast && c.args().get(1) instanceof Constant ? 0
                : c.args().get(1) instanceof Expr.Cast && c.args().get(0) instanceof Constant ? 1 : -1;
        if (castSide < 0) return c;
        Expr.Cast cast = (Expr.Cast) c.args().get(castSide);
        Constant k = (Constant) c.args().get(1 - castSide);
        LogicalType from = cast.input().type();
        if (cast.tryCast() || k.value() == null || !wideningKeepsOrder(from, cast.type())) return c;
        try {
            Object narrowed = ExpressionEvaluator.evaluateConstant(new Expr.Cast(k, from, false));
            if (narrowed == null) return c;
            Object back = ExpressionEvaluator.evaluateConstant(new Expr.Cast(new Constant(narrowed, from), cast.type(), false));
            if (!java.util.Objects.equals(back, k.value())) return c;
            List<Expr> args = new ArrayList<>(c.args());
            args.set(castSide, cast.input());
            args.set(1 - castSide, new Constant(narrowed, from));
            return new Expr.Call(FunctionRegistry.scalar(c.function().name(), List.of(from, from)), args);
        } catch (RuntimeException notExact) {
            return c;
        }
    }

    private static boolean wideningKeepsOrder(LogicalType from, LogicalType to) {
        if (from.isInteger() && to.isInteger()) return to.integerDigits() >= from.integerDigits();
        if (from.isInteger() && to.isDecimal()) return to.precision() - to.scale() >= from.integerDigits();
        if (from.isDecimal() && to.isDecimal()) {
            return to.scale() >= from.scale() && to.precision() - to.scale() >= from.precision() - from.scale();
        }
        return from.id() == dev.mallard.types.TypeId.DATE && to.id() == dev.mallard.types.TypeId.TIMESTAMP;
    }

    private static Expr and(List<Expr> operands) {
        List<Expr> out = new ArrayList<>();
        for (Expr o : Exprs.conjuncts(Exprs.andOrNull(operands))) {
            if (Exprs.isFalse(o)) return Exprs.FALSE;
            if (!Exprs.isTrue(o)) out.add(o);
        }
        if (out.size() > 1 && out.stream().allMatch(Exprs::isNullConstant)) return Exprs.NULL_BOOLEAN;
        return Exprs.and(Exprs.distinct(out));
    }

    private static Expr or(List<Expr> operands) {
        List<Expr> out = new ArrayList<>();
        for (Expr o : Exprs.disjuncts(Exprs.or(operands))) {
            if (Exprs.isTrue(o)) return Exprs.TRUE;
            if (!Exprs.isFalse(o)) out.add(o);
        }
        if (out.size() > 1 && out.stream().allMatch(Exprs::isNullConstant)) return Exprs.NULL_BOOLEAN;
        return factorCommonConjuncts(Exprs.distinct(out));
    }

    /**
     * {@code (a AND b) OR (a AND c)} → {@code a AND (b OR c)}: a conjunct every disjunct shares
     * moves out, so {@code a} can become a hash-join key or be pushed down (TPC-H Q19 repeats
     * {@code p_partkey = l_partkey} in each branch). Exact in three-valued logic: AND distributes
     * over OR. If some disjunct is left with nothing, the OR is TRUE and only {@code a} remains.
     */
    private static Expr factorCommonConjuncts(List<Expr> disjuncts) {
        if (disjuncts.size() < 2) return Exprs.or(disjuncts);
        List<List<Expr>> terms = new ArrayList<>();
        for (Expr d : disjuncts) terms.add(Exprs.conjuncts(d));
        List<Expr> common = new ArrayList<>();
        for (Expr c : terms.get(0)) {
            boolean everywhere = true;
            for (List<Expr> t : terms) everywhere &= t.stream().anyMatch(x -> Exprs.equivalent(x, c));
            if (everywhere && common.stream().noneMatch(x -> Exprs.equivalent(x, c))) common.add(c);
        }
        if (common.isEmpty()) return Exprs.or(disjuncts);
        List<Expr> rest = new ArrayList<>();
        for (List<Expr> t : terms) {
            List<Expr> remaining = t.stream().filter(x -> common.stream().noneMatch(c -> Exprs.equivalent(c, x))).toList();
            if (remaining.isEmpty()) return Exprs.and(common);
            rest.add(Exprs.and(remaining));
        }
        List<Expr> all = new ArrayList<>(common);
        all.add(Exprs.or(rest));
        return Exprs.and(all);
    }

    private static Expr not(Expr x) {
        if (x instanceof Constant c) return c.value() == null ? Exprs.NULL_BOOLEAN : new Constant(!(Boolean) c.value(), LogicalType.BOOLEAN);
        if (x instanceof Expr.Not n) return n.operand();
        if (x instanceof Expr.IsNull n) return new Expr.IsNull(n.operand(), !n.negated());
        String op = Exprs.comparisonOperator(x);
        if (op != null) {
            // NOT (a < b) is a >= b also for NULLs (both NULL); the negated form can be pushed and hashed.
            Expr.Call c = (Expr.Call) x;
            try {
                return new Expr.Call(FunctionRegistry.scalar(Exprs.negate(op), c.function().argTypes()), c.args());
            } catch (RuntimeException noSuchOperator) {
                return new Expr.Not(x);
            }
        }
        return new Expr.Not(x);
    }

    private static Expr caseExpr(Expr.Case c) {
        List<Expr.When> whens = new ArrayList<>();
        for (Expr.When w : c.whens()) {
            if (Exprs.isFalse(w.condition()) || Exprs.isNullConstant(w.condition())) continue;
            if (Exprs.isTrue(w.condition())) {
                if (whens.isEmpty()) return w.result();
                return new Expr.Case(whens, w.result(), c.type());
            }
            whens.add(w);
        }
        if (whens.isEmpty()) return c.otherwise();
        return whens.equals(c.whens()) ? c : new Expr.Case(whens, c.otherwise(), c.type());
    }

    private static Expr coalesce(Expr.Coalesce c) {
        List<Expr> out = new ArrayList<>();
        for (Expr o : c.operands()) {
            if (Exprs.isNullConstant(o)) continue;
            out.add(o);
            if (o instanceof Constant) break;
        }
        if (out.isEmpty()) return new Constant(null, c.type());
        if (out.size() == 1 && out.get(0).type().equals(c.type())) return out.get(0);
        return out.equals(c.operands()) ? c : new Expr.Coalesce(out, c.type());
    }
}
