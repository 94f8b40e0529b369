package dev.mallard.optimizer;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Exprs;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Filter;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.SetOperation;
import dev.mallard.plan.Plans;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the order of inner joins and the build side of every join.
 *
 * <p>A tree of INNER joins (after filter pushdown, so its conditions hold all the join predicates)
 * is flattened into its inputs ("relations") and predicates. For up to {@value #DP_LIMIT} relations
 * the cheapest bushy tree is found by dynamic programming over connected subsets (cost = sum of the
 * estimated sizes of all intermediate results, C_out); beyond that a greedy algorithm joins, at
 * each step, the connected pair with the smallest result. Relations are only ever joined without
 * a predicate between them when the join graph is disconnected, and then last, smallest first.
 *
 * <pre>
 * Join[INNER, l_orderkey = o_orderkey]                   Join[INNER, l_orderkey = o_orderkey]
 *   Join[INNER, o_custkey = c_custkey]            →         Get[lineitem]
 *     Get[orders]                                           Join[INNER, o_custkey = c_custkey]
 *     Filter[c_mktsegment = 'BUILDING'](customer)             Get[orders]
 *   Get[lineitem]                                             Filter[c_mktsegment = 'BUILDING'](customer)
 * </pre>
 *
 * <p>Build side: the executor builds its hash table on the right input, so every join gets the
 * smaller estimated input on the right — INNER and FULL joins swap their inputs, LEFT and RIGHT
 * swap and flip their type. Semi, anti, mark and single joins keep their orientation.
 * Swapping reorders output columns; plans refer to columns by symbol, and the sides of set
 * operations (which match columns by position) are given back their column order.
 */
public final class ReorderJoins implements OptimizerRule {
    static final int DP_LIMIT = 10;

    private final CardinalityEstimator estimator;

    public ReorderJoins(CardinalityEstimator estimator) {
        this.estimator = estimator;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return rewrite(plan);
    }

    private LogicalPlan rewrite(LogicalPlan p) {
        if (p instanceof Join j && j.type() == JoinType.INNER) return chooseBuildSide(reorder(j));
        List<LogicalPlan> kids = new ArrayList<>();
        for (LogicalPlan k : p.children()) kids.add(rewrite(k));
        if (p instanceof SetOperation s) {
            kids = List.of(Plans.restoreOutputs(kids.get(0), s.left().outputs()),
                    Plans.restoreOutputs(kids.get(1), s.right().outputs()));
        }
        LogicalPlan node = Plans.withChildren(p, kids);
        return node instanceof Join j ? chooseBuildSide(j) : node;
    }

    /** Puts the smaller input on the right (build) side where the join type allows it. */
    private LogicalPlan chooseBuildSide(LogicalPlan p) {
        if (!(p instanceof Join j)) return p;
        JoinType flipped = switch (j.type()) {
            case INNER, FULL -> j.type();
            case LEFT -> JoinType.RIGHT;
            case RIGHT -> JoinType.LEFT;
            default -> null;
        };
        if (flipped == null || estimator.rows(j.right()) <= estimator.rows(j.left())) return j;
        return new Join(flipped, j.right(), j.left(), j.condition(), j.mark(), j.nullAware());
    }

    // ---- join graph ---------------------------------------------------------------------------

    /** A predicate and the relations (bit set) whose columns it reads. */
    private record Edge(Expr predicate, long relations) {}

    /** The best plan found for a set of relations. */
    private record Best(LogicalPlan plan, double rows, double cost) {}

    private LogicalPlan reorder(Join root) {
        List<LogicalPlan> relations = new ArrayList<>();
        List<Expr> predicates = new ArrayList<>();
        flatten(root, relations, predicates);
        if (relations.size() > 62) return root;
        List<Set<Integer>> columns = new ArrayList<>();
        for (LogicalPlan r : relations) {
            columns.add(Plans.outputIds(r));
            estimator.rows(r);
        }
        shareDomains(predicates);

        List<Edge> edges = new ArrayList<>();
        List<Expr> constant = new ArrayList<>();
        for (Expr e : predicates) {
            long mask = 0;
            for (int id : Exprs.columnIds(e)) {
                for (int i = 0; i < columns.size(); i++) if (columns.get(i).contains(id)) mask |= 1L << i;
            }
            if (mask == 0) {
                constant.add(e);
            } else if (Long.bitCount(mask) == 1) {
                // Reads one relation only (pushdown normally put it there already): filter that relation.
                int i = Long.numberOfTrailingZeros(mask);
                relations.set(i, new Filter(relations.get(i), e));
            } else {
                edges.add(new Edge(e, mask));
            }
        }

        LogicalPlan joined = relations.size() <= DP_LIMIT ? dynamicProgramming(relations, edges) : greedy(relations, edges);
        return constant.isEmpty() ? joined : new Filter(joined, Exprs.and(constant));
    }

    /** Columns equated by the predicates share one domain: tell the estimator (see {@link CardinalityEstimator#limitDistinct}). */
    private void shareDomains(List<Expr> predicates) {
        Map<Integer, Integer> parent = new HashMap<>();
        Map<Integer, ColumnRef> refs = new HashMap<>();
        for (Expr e : predicates) {
            if (!"=".equals(Exprs.comparisonOperator(e))) continue;
            ColumnRef a = CardinalityEstimator.column(((Expr.Call) e).args().get(0));
            ColumnRef b = CardinalityEstimator.column(((Expr.Call) e).args().get(1));
            if (a == null || b == null) continue;
            refs.put(a.id(), a);
            refs.put(b.id(), b);
            parent.put(find(parent, a.id()), find(parent, b.id()));
        }
        Map<Integer, Double> smallest = new HashMap<>();
        for (ColumnRef r : refs.values()) {
            double d = estimator.distinctValues(r, Double.POSITIVE_INFINITY);
            smallest.merge(find(parent, r.id()), d, Math::min);
        }
        for (ColumnRef r : refs.values()) {
            double d = smallest.get(find(parent, r.id()));
            if (!Double.isInfinite(d)) estimator.limitDistinct(r.id(), d);
        }
    }

    private static int find(Map<Integer, Integer> parent, int x) {
        int p = parent.getOrDefault(x, x);
        if (p == x) return x;
        int root = find(parent, p);
        parent.put(x, root);
        return root;
    }

    /** Collects the inputs and conditions of a tree of inner joins; other nodes are inputs (reordered inside). */
    private void flatten(LogicalPlan p, List<LogicalPlan> relations, List<Expr> predicates) {
        if (p instanceof Join j && j.type() == JoinType.INNER) {
            flatten(j.left(), relations, predicates);
            flatten(j.right(), relations, predicates);
            predicates.addAll(Exprs.conjuncts(j.condition()));
        } else {
            relations.add(rewrite(p));
        }
    }

    /** Joins two partial results with the predicates that become evaluable, the smaller one on the build side. */
    private Best combine(Best a, Best b, long setA, long setB, List<Edge> edges) {
        long both = setA | setB;
        List<Expr> on = new ArrayList<>();
        for (Edge e : edges) {
            if ((e.relations & ~both) == 0 && (e.relations & ~setA) != 0 && (e.relations & ~setB) != 0) on.add(e.predicate);
        }
        Best big = a.rows >= b.rows ? a : b;
        Best small = big == a ? b : a;
        Join join = new Join(JoinType.INNER, big.plan, small.plan, Exprs.andOrNull(on), null, false);
        double rows = estimator.rows(join);
        return new Best(join, rows, rows + a.cost + b.cost);
    }

    private static boolean connected(long a, long b, List<Edge> edges) {
        for (Edge e : edges) {
            if ((e.relations & ~(a | b)) == 0 && (e.relations & a) != 0 && (e.relations & b) != 0) return true;
        }
        return false;
    }

    private LogicalPlan dynamicProgramming(List<LogicalPlan> relations, List<Edge> edges) {
        int n = relations.size();
        Map<Long, Best> best = new HashMap<>();
        for (int i = 0; i < n; i++) best.put(1L << i, new Best(relations.get(i), estimator.rows(relations.get(i)), 0));
        long full = (1L << n) - 1;
        // Subsets in increasing order contain all their proper subsets before them.
        for (long set = 1; set <= full; set++) {
            if (Long.bitCount(set) < 2) continue;
            Best found = null;
            // Enumerate splits (left, set - left) with the lowest relation in `left` to see each pair once.
            long lowest = Long.lowestOneBit(set);
            for (long left = (set - 1) & set; left > 0; left = (left - 1) & set) {
                if ((left & lowest) == 0) continue;
                long right = set & ~left;
                Best a = best.get(left);
                Best b = best.get(right);
                if (a == null || b == null || !connected(left, right, edges)) continue;
                Best candidate = combine(a, b, left, right, edges);
                if (found == null || candidate.cost < found.cost) found = candidate;
            }
            if (found != null) best.put(set, found);
        }
        if (best.containsKey(full)) return best.get(full).plan;
        // A disconnected graph: best plan per maximal connected component, then cross products.
        List<Long> components = new ArrayList<>();
        long covered = 0;
        List<Long> sets = new ArrayList<>(best.keySet());
        sets.sort(Comparator.comparingInt(Long::bitCount).reversed());
        for (long s : sets) {
            if ((s & covered) == 0) {
                components.add(s);
                covered |= s;
            }
        }
        List<Best> parts = new ArrayList<>();
        for (long c : components) parts.add(best.get(c));
        return crossProducts(parts, components, edges);
    }

    private LogicalPlan greedy(List<LogicalPlan> relations, List<Edge> edges) {
        List<Best> parts = new ArrayList<>();
        List<Long> sets = new ArrayList<>();
        for (int i = 0; i < relations.size(); i++) {
            parts.add(new Best(relations.get(i), estimator.rows(relations.get(i)), 0));
            sets.add(1L << i);
        }
        while (parts.size() > 1) {
            int bi = -1;
            int bj = -1;
            Best chosen = null;
            for (int i = 0; i < parts.size(); i++) {
                for (int j = i + 1; j < parts.size(); j++) {
                    if (!connected(sets.get(i), sets.get(j), edges)) continue;
                    Best c = combine(parts.get(i), parts.get(j), sets.get(i), sets.get(j), edges);
                    if (chosen == null || c.rows < chosen.rows) {
                        chosen = c;
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (chosen == null) return crossProducts(parts, sets, edges);
            long merged = sets.get(bi) | sets.get(bj);
            parts.remove(bj);
            sets.remove(bj);
            parts.set(bi, chosen);
            sets.set(bi, merged);
        }
        return parts.get(0).plan;
    }

    /** Unconnected parts joined smallest first (predicates spanning parts are applied as soon as they can be). */
    private LogicalPlan crossProducts(List<Best> parts, List<Long> sets, List<Edge> edges) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) order.add(i);
        order.sort(Comparator.comparingDouble(i -> parts.get(i).rows));
        Best acc = parts.get(order.get(0));
        long accSet = sets.get(order.get(0));
        for (int k = 1; k < order.size(); k++) {
            int i = order.get(k);
            acc = combine(acc, parts.get(i), accSet, sets.get(i), edges);
            accSet |= sets.get(i);
        }
        return acc.plan;
    }
}
