package dev.mallard.execution.expression;

import dev.mallard.MallardException;
import dev.mallard.expression.Expr;
import dev.mallard.function.cast.CastFunctions;
import dev.mallard.types.TypeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a bound {@link Expr} into a {@link ResolvedExpr}: column symbols become input positions
 * (once, at planning), cast kernels are looked up, and constant IN lists become hash sets.
 */
public final class ExpressionResolver {
    /** Maps a column symbol to its position in the input chunk, or -1 if it is not there. */
    @FunctionalInterface
    public interface ColumnLookup {
        int indexOf(Expr.ColumnRef ref);
    }

    private final ColumnLookup columns;

    private ExpressionResolver(ColumnLookup columns) {
        this.columns = columns;
    }

    /** Resolves against an input whose columns are {@code inputs}, in order. */
    public static ResolvedExpr resolve(Expr expr, List<Expr.ColumnRef> inputs) {
        return resolve(expr, lookup(inputs));
    }

    public static ResolvedExpr resolve(Expr expr, ColumnLookup columns) {
        return new ExpressionResolver(columns).resolve(expr);
    }

    /** A lookup over input columns {@code inputs}, in order. */
    public static ColumnLookup lookup(List<Expr.ColumnRef> inputs) {
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) index.putIfAbsent(inputs.get(i).id(), i);
        return ref -> index.getOrDefault(ref.id(), -1);
    }

    private List<ResolvedExpr> resolveAll(List<Expr> exprs) {
        List<ResolvedExpr> out = new ArrayList<>(exprs.size());
        for (Expr e : exprs) out.add(resolve(e));
        return out;
    }

    private ResolvedExpr resolve(Expr expr) {
        return switch (expr) {
            case Expr.ColumnRef c -> {
                int i = columns.indexOf(c);
                if (i < 0) throw new MallardException.Internal("column " + c + " is not an input of the operator evaluating it");
                yield new ResolvedExpr.ColumnRef(i, c.type(), c.name());
            }
            case Expr.Constant k -> new ResolvedExpr.Constant(k.value(), k.type());
            case Expr.Call c -> new ResolvedExpr.Call(c.function(), resolveAll(c.args()));
            case Expr.Cast c -> {
                ResolvedExpr input = resolve(c.input());
                boolean noop = input.type().equals(c.type()) || input.type().id() == TypeId.NULL;
                yield new ResolvedExpr.Cast(input, c.type(), c.tryCast(),
                        noop ? null : CastFunctions.kernel(input.type(), c.type(), c.tryCast()));
            }
            case Expr.And a -> new ResolvedExpr.And(resolveAll(a.operands()));
            case Expr.Or o -> new ResolvedExpr.Or(resolveAll(o.operands()));
            case Expr.Not n -> new ResolvedExpr.Not(resolve(n.operand()));
            case Expr.IsNull n -> new ResolvedExpr.IsNull(resolve(n.operand()), n.negated());
            case Expr.Case c -> {
                List<ResolvedExpr.When> whens = new ArrayList<>();
                for (Expr.When w : c.whens()) whens.add(new ResolvedExpr.When(resolve(w.condition()), resolve(w.result())));
                yield new ResolvedExpr.Case(whens, resolve(c.otherwise()), c.type());
            }
            case Expr.Coalesce c -> new ResolvedExpr.Coalesce(resolveAll(c.operands()), c.type());
            case Expr.InList in -> inList(in);
            case Expr.Subquery s -> throw new MallardException.Internal("subquery reached the executor: " + s.kind()
                    + " subqueries must be planned as joins");
        };
    }

    private ResolvedExpr inList(Expr.InList in) {
        ResolvedExpr value = resolve(in.value());
        List<ResolvedExpr> list = new ArrayList<>();
        List<Object> constants = new ArrayList<>();
        boolean allConstant = true;
        for (Expr e : in.list()) {
            ResolvedExpr r = resolve(e);
            if (!(r instanceof ResolvedExpr.Constant) && isFoldable(r)) {
                try {
                    r = new ResolvedExpr.Constant(ExpressionEvaluator.evaluateConstant(r), r.type());
                } catch (MallardException ex) {
                    // keep it: the error belongs to execution time, and only if the row reaches it
                }
            }
            if (r instanceof ResolvedExpr.Constant k) constants.add(k.value());
            else allConstant = false;
            list.add(r);
        }
        ConstantSet set = allConstant ? new ConstantSet(value.type().physicalType(), constants) : null;
        return new ResolvedExpr.InList(value, list, in.negated(), set);
    }

    /** No column references and nothing non-deterministic below. */
    static boolean isFoldable(ResolvedExpr e) {
        return switch (e) {
            case ResolvedExpr.ColumnRef c -> false;
            case ResolvedExpr.Constant k -> true;
            case ResolvedExpr.Call c -> c.function().deterministic() && c.args().stream().allMatch(ExpressionResolver::isFoldable);
            case ResolvedExpr.Cast c -> isFoldable(c.input());
            case ResolvedExpr.And a -> a.operands().stream().allMatch(ExpressionResolver::isFoldable);
            case ResolvedExpr.Or o -> o.operands().stream().allMatch(ExpressionResolver::isFoldable);
            case ResolvedExpr.Not n -> isFoldable(n.operand());
            case ResolvedExpr.IsNull n -> isFoldable(n.operand());
            case ResolvedExpr.Case c -> isFoldable(c.otherwise())
                    && c.whens().stream().allMatch(w -> isFoldable(w.condition()) && isFoldable(w.result()));
            case ResolvedExpr.Coalesce c -> c.operands().stream().allMatch(ExpressionResolver::isFoldable);
            case ResolvedExpr.InList in -> isFoldable(in.value()) && in.list().stream().allMatch(ExpressionResolver::isFoldable);
        };
    }
}
