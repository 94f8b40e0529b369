package dev.mallard.expression;

import dev.mallard.MallardException;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Expr.Constant;
import dev.mallard.function.FunctionRegistry;
import dev.mallard.function.cast.CastFunctions;
import dev.mallard.plan.Plans;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Generic helpers over {@link Expr} trees: walking, rewriting, substituting symbols, splitting and
 * building conjunctions, and building comparisons with the right casts. Every planner and optimizer
 * rule uses these, so they stay small and obviously correct.
 */
public final class Exprs {
    public static final Constant TRUE = new Constant(true, LogicalType.BOOLEAN);
    public static final Constant FALSE = new Constant(false, LogicalType.BOOLEAN);
    public static final Constant NULL_BOOLEAN = new Constant(null, LogicalType.BOOLEAN);

    private Exprs() {}

    // ---- structure --------------------------------------------------------------------------

    /** The direct sub-expressions, in evaluation order. A subquery's plan is not an expression child. */
    public static List<Expr> children(Expr e) {
        return switch (e) {
            case ColumnRef c -> List.of();
            case Constant c -> List.of();
            case Expr.Call c -> c.args();
            case Expr.Cast c -> List.of(c.input());
            case Expr.And a -> a.operands();
            case Expr.Or o -> o.operands();
            case Expr.Not n -> List.of(n.operand());
            case Expr.IsNull n -> List.of(n.operand());
            case Expr.Case c -> {
                List<Expr> out = new ArrayList<>();
                for (Expr.When w : c.whens()) {
                    out.add(w.condition());
                    out.add(w.result());
                }
                out.add(c.otherwise());
                yield out;
            }
            case Expr.Coalesce c -> c.operands();
            case Expr.InList in -> {
                List<Expr> out = new ArrayList<>();
                out.add(in.value());
                out.addAll(in.list());
                yield out;
            }
            case Expr.Subquery s -> s.operand() == null ? List.of() : List.of(s.operand());
        };
    }

    /** The same node over new children (same count and order as {@link #children}). */
    public static Expr withChildren(Expr e, List<Expr> kids) {
        return switch (e) {
            case ColumnRef c -> c;
            case Constant c -> c;
            case Expr.Call c -> new Expr.Call(c.function(), List.copyOf(kids));
            case Expr.Cast c -> new Expr.Cast(kids.get(0), c.type(), c.tryCast());
            case Expr.And a -> new Expr.And(List.copyOf(kids));
            case Expr.Or o -> new Expr.Or(List.copyOf(kids));
            case Expr.Not n -> new Expr.Not(kids.get(0));
            case Expr.IsNull n -> new Expr.IsNull(kids.get(0), n.negated());
            case Expr.Case c -> {
                List<Expr.When> whens = new ArrayList<>();
                for (int i = 0; i < c.whens().size(); i++) whens.add(new Expr.When(kids.get(2 * i), kids.get(2 * i + 1)));
                yield new Expr.Case(whens, kids.get(kids.size() - 1), c.type());
            }
            case Expr.Coalesce c -> new Expr.Coalesce(List.copyOf(kids), c.type());
            case Expr.InList in -> new Expr.InList(kids.get(0), List.copyOf(kids.subList(1, kids.size())), in.negated());
            case Expr.Subquery s -> new Expr.Subquery(s.kind(), s.plan(), kids.isEmpty() ? null : kids.get(0), s.operator(), s.type());
        };
    }

    /**
     * Rewrites bottom-up: children first, then {@code fn} on the rebuilt node. Nodes whose children
     * did not change are passed to {@code fn} as they were (so identity checks stay cheap).
     */
    public static Expr rewrite(Expr e, UnaryOperator<Expr> fn) {
        List<Expr> kids = children(e);
        if (!kids.isEmpty()) {
            List<Expr> newKids = new ArrayList<>(kids.size());
            boolean changed = false;
            for (Expr k : kids) {
                Expr nk = rewrite(k, fn);
                changed |= nk != k;
                newKids.add(nk);
            }
            if (changed) e = withChildren(e, newKids);
        }
        return fn.apply(e);
    }

    /** True if {@code test} holds for this node or any descendant (not looking into subquery plans). */
    public static boolean any(Expr e, java.util.function.Predicate<Expr> test) {
        if (test.test(e)) return true;
        for (Expr k : children(e)) if (any(k, test)) return true;
        return false;
    }

    /**
     * Structural equality: same tree, same functions (by name and types; two bindings of one
     * function may hold different kernel objects, so record equality is too strict), same
     * constants and symbols. Subqueries are equal only if they share their plan.
     */
    public static boolean equivalent(Expr a, Expr b) {
        if (a == b) return true;
        if (a == null || b == null || a.getClass() != b.getClass() || !a.type().equals(b.type())) return false;
        boolean sameNode = switch (a) {
            case ColumnRef c -> c.id() == ((ColumnRef) b).id();
            case Constant c -> java.util.Objects.equals(c.value(), ((Constant) b).value());
            case Expr.Call c -> {
                Expr.Call d = (Expr.Call) b;
                yield c.function().name().equals(d.function().name()) && c.function().argTypes().equals(d.function().argTypes())
                        && c.function().deterministic() && d.function().deterministic();
            }
            case Expr.Cast c -> c.tryCast() == ((Expr.Cast) b).tryCast();
            case Expr.IsNull n -> n.negated() == ((Expr.IsNull) b).negated();
            case Expr.InList in -> in.negated() == ((Expr.InList) b).negated() && in.list().size() == ((Expr.InList) b).list().size();
            case Expr.Case c -> c.whens().size() == ((Expr.Case) b).whens().size();
            case Expr.Subquery q -> q.plan() == ((Expr.Subquery) b).plan() && q.kind() == ((Expr.Subquery) b).kind()
                    && java.util.Objects.equals(q.operator(), ((Expr.Subquery) b).operator());
            default -> true;
        };
        if (!sameNode) return false;
        List<Expr> ka = children(a);
        List<Expr> kb = children(b);
        if (ka.size() != kb.size()) return false;
        for (int i = 0; i < ka.size(); i++) if (!equivalent(ka.get(i), kb.get(i))) return false;
        return true;
    }

    /** The expressions without repeats (by {@link #equivalent}), first occurrence first. */
    public static List<Expr> distinct(List<Expr> exprs) {
        List<Expr> out = new ArrayList<>();
        for (Expr e : exprs) {
            boolean seen = false;
            for (Expr o : out) seen |= equivalent(o, e);
            if (!seen) out.add(e);
        }
        return out;
    }

    // ---- symbols ----------------------------------------------------------------------------

    /**
     * Ids of the columns the expression reads, including the outer columns a nested subquery's
     * plan refers to (its free columns).
     */
    public static Set<Integer> columnIds(Expr e) {
        Set<Integer> out = new HashSet<>();
        collectColumnIds(e, out);
        return out;
    }

    public static void collectColumnIds(Expr e, Set<Integer> out) {
        switch (e) {
            case ColumnRef c -> out.add(c.id());
            case Expr.Subquery s -> {
                out.addAll(Plans.freeIds(s.plan()));
                if (s.operand() != null) collectColumnIds(s.operand(), out);
            }
            default -> {
                for (Expr k : children(e)) collectColumnIds(k, out);
            }
        }
    }

    /** The distinct column references of the expression (not looking into subquery plans), first occurrence first. */
    public static List<ColumnRef> columnRefs(Expr e) {
        Map<Integer, ColumnRef> seen = new java.util.LinkedHashMap<>();
        any(e, x -> {
            if (x instanceof ColumnRef c) seen.putIfAbsent(c.id(), c);
            return false;
        });
        return new ArrayList<>(seen.values());
    }

    /** Replaces references to the mapped ids (also inside subquery plans, where they are outer references). */
    public static Expr substitute(Expr e, Map<Integer, ? extends Expr> map) {
        if (map.isEmpty()) return e;
        return rewrite(e, x -> switch (x) {
            case ColumnRef c -> {
                Expr r = map.get(c.id());
                yield r == null ? c : r;
            }
            case Expr.Subquery s -> new Expr.Subquery(s.kind(), Plans.substituteFree(s.plan(), map), s.operand(),
                    s.operator(), s.type());
            default -> x;
        });
    }

    /** Substitution map for ids → column refs. */
    public static Map<Integer, Expr> mapping(List<ColumnRef> from, List<? extends Expr> to) {
        Map<Integer, Expr> m = new HashMap<>();
        for (int i = 0; i < from.size(); i++) m.put(from.get(i).id(), to.get(i));
        return m;
    }

    // ---- predicates -------------------------------------------------------------------------

    /** The conjuncts of a predicate, nested ANDs flattened; null (no condition) gives none. */
    public static List<Expr> conjuncts(Expr e) {
        List<Expr> out = new ArrayList<>();
        addConjuncts(e, out);
        return out;
    }

    private static void addConjuncts(Expr e, List<Expr> out) {
        if (e == null) return;
        if (e instanceof Expr.And a) {
            for (Expr o : a.operands()) addConjuncts(o, out);
        } else {
            out.add(e);
        }
    }

    /** The disjuncts of a predicate, nested ORs flattened. */
    public static List<Expr> disjuncts(Expr e) {
        if (!(e instanceof Expr.Or o)) return List.of(e);
        List<Expr> out = new ArrayList<>();
        for (Expr x : o.operands()) out.addAll(disjuncts(x));
        return out;
    }

    /** AND of the conjuncts; TRUE when there are none. */
    public static Expr and(List<Expr> conjuncts) {
        Expr e = andOrNull(conjuncts);
        return e == null ? TRUE : e;
    }

    /** AND of the conjuncts; null (a join's "no condition") when there are none. */
    public static Expr andOrNull(List<Expr> conjuncts) {
        List<Expr> flat = new ArrayList<>();
        for (Expr c : conjuncts) addConjuncts(c, flat);
        return switch (flat.size()) {
            case 0 -> null;
            case 1 -> flat.get(0);
            default -> new Expr.And(List.copyOf(flat));
        };
    }

    /** OR of the disjuncts; FALSE when there are none. */
    public static Expr or(List<Expr> disjuncts) {
        List<Expr> flat = new ArrayList<>();
        for (Expr d : disjuncts) flat.addAll(disjuncts(d));
        return switch (flat.size()) {
            case 0 -> FALSE;
            case 1 -> flat.get(0);
            default -> new Expr.Or(List.copyOf(flat));
        };
    }

    public static boolean isTrue(Expr e) {
        return e instanceof Constant c && Boolean.TRUE.equals(c.value());
    }

    public static boolean isFalse(Expr e) {
        return e instanceof Constant c && Boolean.FALSE.equals(c.value());
    }

    public static boolean isNullConstant(Expr e) {
        return e instanceof Constant c && c.value() == null;
    }

    /** True when every function call in the tree is deterministic and no subquery appears. */
    public static boolean isDeterministic(Expr e) {
        return !any(e, x -> x instanceof Expr.Call c && !c.function().deterministic() || x instanceof Expr.Subquery);
    }

    public static boolean containsSubquery(Expr e) {
        return any(e, x -> x instanceof Expr.Subquery);
    }

    /** No column references, no subqueries, only deterministic functions: safe to evaluate once. */
    public static boolean isConstant(Expr e) {
        return !any(e, x -> x instanceof ColumnRef || x instanceof Expr.Subquery
                || x instanceof Expr.Call c && !c.function().deterministic());
    }

    // ---- comparisons ------------------------------------------------------------------------

    /** Comparison operator names as the function registry knows them. */
    public static final Set<String> COMPARISON_OPERATORS = Set.of("=", "<>", "<", "<=", ">", ">=");

    /** The comparison operator a call applies, or null if it is not a plain comparison. */
    public static String comparisonOperator(Expr e) {
        if (e instanceof Expr.Call c && c.args().size() == 2) {
            String n = c.function().name();
            if (n.equals("!=")) return "<>";
            if (n.equals("==")) return "=";
            if (COMPARISON_OPERATORS.contains(n)) return n;
        }
        return null;
    }

    /** {@code NOT (a op b)} is {@code a negate(op) b} for non-NULL operands (and NULL stays NULL). */
    public static String negate(String op) {
        return switch (op) {
            case "=" -> "<>";
            case "<>", "!=" -> "=";
            case "<" -> ">=";
            case "<=" -> ">";
            case ">" -> "<=";
            case ">=" -> "<";
            default -> throw new MallardException.Internal("not a comparison operator: " + op);
        };
    }

    /** {@code a op b} is {@code b flip(op) a}. */
    public static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    /**
     * A call of a binary operator or function on two operands; when their types differ, both are
     * cast to their common super type first (the registry wants exact argument types).
     */
    public static Expr comparison(String op, Expr left, Expr right) {
        LogicalType t = left.type();
        if (!t.equals(right.type())) {
            t = CastFunctions.commonSuperType(left.type(), right.type());
            if (t == null) {
                throw MallardException.Binder.typeMismatch("cannot compare " + left.type() + " and " + right.type());
            }
        }
        Expr l = cast(left, t);
        Expr r = cast(right, t);
        return new Expr.Call(FunctionRegistry.scalar(op, List.of(t, t)), List.of(l, r));
    }

    /** {@code left = right}. */
    public static Expr equal(Expr left, Expr right) {
        return comparison("=", left, right);
    }

    /** {@code left IS NOT DISTINCT FROM right}: equality that matches NULL with NULL. */
    public static Expr notDistinct(Expr left, Expr right) {
        return comparison("is_not_distinct_from", left, right);
    }

    /** A cast to the type, or the expression itself if it has it already (a NULL literal just takes the type). */
    public static Expr cast(Expr e, LogicalType type) {
        if (e.type().equals(type)) return e;
        if (e instanceof Constant c && c.value() == null) return new Constant(null, type);
        return new Expr.Cast(e, type, false);
    }
}
