package dev.mallard.optimizer;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Exprs;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Aggregate;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.Empty;
import dev.mallard.plan.LogicalPlan.Filter;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.Limit;
import dev.mallard.plan.LogicalPlan.Project;
import dev.mallard.plan.LogicalPlan.SetOperation;
import dev.mallard.plan.LogicalPlan.Sort;
import dev.mallard.plan.LogicalPlan.TableFunctionScan;
import dev.mallard.plan.LogicalPlan.TopN;
import dev.mallard.plan.LogicalPlan.Values;
import dev.mallard.plan.LogicalPlan.Window;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row-count estimates from table sizes and fixed selectivities, in the spirit of System R: there
 * are no column statistics yet, so
 *
 * <ul>
 *   <li>an equi-join is assumed to be a key/foreign-key join: the side whose source table is
 *       smaller holds the key, each row of the other side matches one key, so A ⋈ B yields
 *       {@code |A|·|B| / min(rows(a), rows(b))} where rows(c) is the row count of the table column
 *       c comes from. Unfiltered that is max(|A|, |B|); filtering the key side by a fraction f
 *       filters the result by f too (σ(orders) ⋈ lineitem ≈ f·|lineitem|);</li>
 *   <li>{@code col = constant} keeps {@code max(1/ndv, 0.1)} of the rows, a range comparison a
 *       third, LIKE a tenth, IS NULL 5%, anything unknown half.</li>
 * </ul>
 *
 * Good enough to put small dimension tables on the build side and join filtered inputs first,
 * which is what matters for TPC-H-like star and snowflake joins.
 */
public final class CardinalityEstimator {
    static final double EQUALITY = 0.1;
    static final double RANGE = 1.0 / 3;
    static final double LIKE = 0.1;
    static final double IS_NULL = 0.05;
    static final double UNKNOWN = 0.5;

    private final TableStatistics statistics;
    private final Map<LogicalPlan, Double> memo = new IdentityHashMap<>();
    /** Row count of the table (or aggregate) each column comes from: its distinct values, at most. */
    private final Map<Integer, Double> distinct = new java.util.HashMap<>();

    public CardinalityEstimator(TableStatistics statistics) {
        this.statistics = statistics;
    }

    /** Estimated rows the plan yields (at least 1 unless the plan is Empty). */
    public double rows(LogicalPlan p) {
        Double known = memo.get(p);
        if (known != null) return known;
        double r = compute(p);
        memo.put(p, r);
        return r;
    }

    private double compute(LogicalPlan p) {
        return switch (p) {
            case Get g -> {
                double n = Math.max(1, statistics.rowCount(g.table()));
                for (ColumnRef c : g.outputs()) distinct.put(c.id(), n);
                yield n;
            }
            case TableFunctionScan t -> {
                long n = t.function().estimatedRows();
                yield n < 0 ? TableStatistics.UNKNOWN_ROWS : Math.max(1, n);
            }
            case Values v -> v.rows().size();
            case Empty e -> 0;
            case Project x -> {
                double n = rows(x.child());
                for (Assignment a : x.assignments()) {
                    if (a.expr() instanceof ColumnRef r && distinct.containsKey(r.id())) {
                        distinct.put(a.target().id(), distinct.get(r.id()));
                    }
                }
                yield n;
            }
            case Filter f -> Math.max(1, rows(f.child()) * selectivity(f.predicate()));
            case Aggregate a -> aggregate(a);
            case Join j -> join(j);
            case Sort s -> rows(s.child());
            case Window w -> rows(w.child());
            case Limit l -> l.limit() < 0 ? rows(l.child()) : Math.min(rows(l.child()), l.limit());
            case TopN t -> Math.min(rows(t.child()), t.limit());
            case SetOperation s -> switch (s.kind()) {
                case UNION -> rows(s.left()) + rows(s.right());
                case INTERSECT -> Math.min(rows(s.left()), rows(s.right()));
                case EXCEPT -> rows(s.left());
            };
        };
    }

    private double aggregate(Aggregate a) {
        double child = rows(a.child());
        if (a.groups().isEmpty()) return 1;
        double groups = 1;
        for (Assignment g : a.groups()) {
            groups *= g.expr() instanceof ColumnRef r ? distinctValues(r, child) : child;
            if (groups >= child) break;
        }
        double n = Math.max(1, Math.min(child, groups));
        for (Assignment g : a.groups()) distinct.put(g.target().id(), n);
        return n;
    }

    private double join(Join j) {
        double l = rows(j.left());
        double r = rows(j.right());
        double inner = l * r * selectivity(j.condition(), Math.max(l, r));
        return switch (j.type()) {
            case INNER -> Math.max(1, inner);
            case LEFT -> Math.max(l, inner);
            case RIGHT -> Math.max(r, inner);
            case FULL -> Math.max(Math.max(l, r), inner);
            case SEMI -> Math.max(1, Math.min(l, inner));
            case ANTI -> Math.max(1, Math.max(l - Math.min(l, inner), l * 0.1));
            case RIGHT_SEMI -> Math.max(1, Math.min(r, inner));
            case RIGHT_ANTI -> Math.max(1, Math.max(r - Math.min(r, inner), r * 0.1));
            case MARK, SINGLE -> l;
        };
    }

    /**
     * Lowers the distinct-value estimate of columns known to share values with others: columns
     * equated by join predicates draw from one domain, no larger than the smallest member's
     * ({@code c_nationkey = n_nationkey = s_nationkey} all have at most 25 values), which keeps
     * joins between two foreign keys from looking as selective as key joins.
     */
    void limitDistinct(int columnId, double atMost) {
        Double d = distinct.get(columnId);
        if (d == null || d > atMost) distinct.put(columnId, atMost);
    }

    /** Distinct values of a column: its source table's row count when known, else the given bound. */
    double distinctValues(ColumnRef c, double fallback) {
        Double d = distinct.get(c.id());
        return d == null ? fallback : d;
    }

    /** Fraction of rows a filter predicate keeps. */
    public double selectivity(Expr predicate) {
        return selectivity(predicate, Double.NaN);
    }

    /**
     * @param joinBound for join conditions, the larger input's size (fallback distinct count);
     *                  NaN for filters
     */
    double selectivity(Expr predicate, double joinBound) {
        if (predicate == null) return 1;
        List<Expr> conjuncts = Exprs.conjuncts(predicate);
        double s = 1;
        double bestEquiJoin = 1;
        for (Expr c : conjuncts) {
            double e = equiJoinSelectivity(c, joinBound);
            if (!Double.isNaN(e)) {
                // Several equalities between the same inputs usually form one composite key:
                // count only the most selective one.
                bestEquiJoin = Math.min(bestEquiJoin, e);
            } else {
                s *= single(c);
            }
        }
        return s * bestEquiJoin;
    }

    /** {@code a = b} over columns: 1 / min(rows(a), rows(b)) (see the class comment); NaN if the conjunct is not such an equality. */
    private double equiJoinSelectivity(Expr c, double bound) {
        if (!"=".equals(Exprs.comparisonOperator(c))) return Double.NaN;
        List<Expr> args = ((Expr.Call) c).args();
        ColumnRef a = column(args.get(0));
        ColumnRef b = column(args.get(1));
        if (a == null || b == null) return Double.NaN;
        double fallback = Double.isNaN(bound) ? 1 / EQUALITY : bound;
        return 1 / Math.max(1, Math.min(distinctValues(a, fallback), distinctValues(b, fallback)));
    }

    static ColumnRef column(Expr e) {
        if (e instanceof ColumnRef r) return r;
        if (e instanceof Expr.Cast c && c.input() instanceof ColumnRef r) return r;
        return null;
    }

    private double single(Expr c) {
        return switch (c) {
            case Expr.And a -> selectivity(a);
            case Expr.Or o -> {
                double none = 1;
                for (Expr d : o.operands()) none *= 1 - single(d);
                yield 1 - none;
            }
            case Expr.Not n -> 1 - single(n.operand());
            case Expr.IsNull n -> n.negated() ? 1 - IS_NULL : IS_NULL;
            case Expr.InList in -> Math.min(1, in.list().size() * equality(in.value()));
            case Expr.Constant k -> Exprs.isTrue(k) ? 1 : 0;
            case Expr.Call call -> {
                String op = Exprs.comparisonOperator(call);
                if (op != null) {
                    yield switch (op) {
                        case "=" -> equality(column(call.args().get(0)) != null ? call.args().get(0) : call.args().get(1));
                        case "<>" -> 1 - EQUALITY;
                        default -> RANGE;
                    };
                }
                yield switch (call.function().name()) {
                    case "~~", "~~*", "glob", "similar_to", "prefix", "starts_with", "contains", "suffix", "ends_with" -> LIKE;
                    case "!~~", "!~~*", "!similar_to" -> 1 - LIKE;
                    default -> UNKNOWN;
                };
            }
            default -> UNKNOWN;
        };
    }

    /** Fraction of rows equal to one constant: one distinct value's share, but at least {@link #EQUALITY}. */
    private double equality(Expr e) {
        ColumnRef c = column(e);
        if (c == null) return EQUALITY;
        Double d = distinct.get(c.id());
        return d == null ? EQUALITY : Math.max(EQUALITY, 1 / Math.max(1, d));
    }
}
