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
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row-count estimates from table sizes, column statistics where the storage keeps them (distinct
 * counts and value ranges, see {@link TableStatistics#column}) and fixed selectivities otherwise,
 * in the spirit of System R:
 *
 * <ul>
 *   <li>an equi-join is assumed to be a key/foreign-key join: the side whose source table is
 *       smaller holds the key, each row of the other side matches one key, so A ⋈ B yields
 *       {@code |A|·|B| / min(rows(a), rows(b))} where rows(c) is the row count of the table column
 *       c comes from. Unfiltered that is max(|A|, |B|); filtering the key side by a fraction f
 *       filters the result by f too (σ(orders) ⋈ lineitem ≈ f·|lineitem|);</li>
 *   <li>{@code col = constant} keeps 1/ndv of the rows when the column's distinct count is known
 *       ({@code p_type = '…'}: 1/150), else {@code max(1/rows, 0.1)};</li>
 *   <li>range comparisons of a column with a constant keep the share of the column's known
 *       [min, max] they cover, all bounds on one column taken together (a quarter of the order
 *       dates: about 4 %), else a third each;</li>
 *   <li>LIKE a tenth, IS NULL 5%, anything unknown half.</li>
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
    /** Stored columns' statistics, by column id (through projections that rename them). */
    private final Map<Integer, ColumnStats> columnStats = new java.util.HashMap<>();

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
                for (int i = 0; i < g.outputs().size(); i++) {
                    ColumnRef c = g.outputs().get(i);
                    distinct.put(c.id(), n);
                    ColumnStats s = statistics.column(g.table(), g.columns().get(i));
                    if (s != null) columnStats.put(c.id(), s);
                }
                yield n;
            }
            case TableFunctionScan t -> {
                long n = t.function().estimatedRows();
                yield n < 0 ? TableStatistics.UNKNOWN_ROWS : Math.max(1, n);
            }
            case LogicalPlan.CteScan c -> {
                double n = rows(c.definition());
                for (int i = 0; i < c.outputs().size(); i++) {
                    ColumnRef from = c.definition().outputs().get(i);
                    ColumnRef to = c.outputs().get(i);
                    if (distinct.containsKey(from.id())) distinct.put(to.id(), distinct.get(from.id()));
                    if (columnStats.containsKey(from.id())) columnStats.put(to.id(), columnStats.get(from.id()));
                }
                yield n;
            }
            case LogicalPlan.MaterializedCte m -> rows(m.body());
            case Values v -> v.rows().size();
            case Empty e -> 0;
            case Project x -> {
                double n = rows(x.child());
                for (Assignment a : x.assignments()) {
                    if (a.expr() instanceof ColumnRef r && distinct.containsKey(r.id())) {
                        distinct.put(a.target().id(), distinct.get(r.id()));
                    }
                    if (a.expr() instanceof ColumnRef r && columnStats.containsKey(r.id())) {
                        columnStats.put(a.target().id(), columnStats.get(r.id()));
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
        Map<Integer, double[]> ranges = new java.util.LinkedHashMap<>();
        for (Expr c : conjuncts) {
            if (addRange(c, ranges)) continue;
            double e = equiJoinSelectivity(c, joinBound);
            if (!Double.isNaN(e)) {
                // Several equalities between the same inputs usually form one composite key:
                // count only the most selective one.
                bestEquiJoin = Math.min(bestEquiJoin, e);
            } else {
                s *= single(c);
            }
        }
        for (var r : ranges.entrySet()) s *= rangeFraction(columnStats.get(r.getKey()), r.getValue()[0], r.getValue()[1]);
        return s * bestEquiJoin;
    }

    /**
     * Records {@code column op constant} (op one of {@code < <= > >=}) as a bound on the column's
     * range when the column's value range is known and the constant is comparable with it; the
     * bounds on one column then count once ({@code BETWEEN} is two conjuncts over one interval).
     */
    private boolean addRange(Expr c, Map<Integer, double[]> ranges) {
        String op = Exprs.comparisonOperator(c);
        if (op == null || !(op.equals("<") || op.equals("<=") || op.equals(">") || op.equals(">="))) return false;
        List<Expr> args = ((Expr.Call) c).args();
        boolean columnFirst = rangeColumn(args.get(0)) != null;
        ColumnRef col = rangeColumn(args.get(columnFirst ? 0 : 1));
        if (col == null || !(args.get(columnFirst ? 1 : 0) instanceof Expr.Constant k)) return false;
        ColumnStats stats = columnStats.get(col.id());
        if (stats == null || !stats.hasRange() || !sameDomain(col.type(), k.type())) return false;
        double value = comparable(k.value(), k.type(), col.type());
        if (Double.isNaN(value)) return false;
        boolean upper = columnFirst == op.startsWith("<"); // col < k, or k > col
        double[] range = ranges.computeIfAbsent(col.id(), id -> new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
        if (upper) range[1] = Math.min(range[1], value);
        else range[0] = Math.max(range[0], value);
        return true;
    }

    /** The column compared, bare or widened to another numeric type (which keeps its order). */
    private static ColumnRef rangeColumn(Expr e) {
        if (e instanceof ColumnRef r) return r;
        if (e instanceof Expr.Cast cast && cast.input() instanceof ColumnRef r && !cast.tryCast()
                && r.type().isNumeric() && cast.type().isNumeric()) {
            return r;
        }
        return null;
    }

    /** Share of a column's value range inside [lo, hi], assuming values spread evenly; at least one value's share. */
    private static double rangeFraction(ColumnStats stats, double lo, double hi) {
        double width = stats.max() - stats.min();
        double one = 1 / Math.max(1, stats.distinct());
        if (width <= 0) return lo <= stats.min() && stats.max() <= hi ? 1 : one;
        double covered = Math.min(hi, stats.max()) - Math.max(lo, stats.min());
        return Math.max(one, Math.min(1, covered / width));
    }

    /** Numbers compare with numbers (whatever their scale), dates with dates, timestamps with timestamps. */
    private static boolean sameDomain(LogicalType column, LogicalType constant) {
        if (column.isNumeric()) return constant.isNumeric();
        return column.id() == constant.id() && (column.id() == TypeId.DATE || column.id() == TypeId.TIMESTAMP);
    }

    /** A constant in the column's physical units (decimals rescaled), or NaN. */
    private static double comparable(Object value, LogicalType constantType, LogicalType columnType) {
        if (!(value instanceof Number n) || value instanceof java.math.BigInteger || value instanceof java.math.BigDecimal) {
            return Double.NaN;
        }
        double v = n.doubleValue();
        int from = constantType.id() == TypeId.DECIMAL ? constantType.scale() : 0;
        int to = columnType.id() == TypeId.DECIMAL ? columnType.scale() : 0;
        return v * Math.pow(10, to - from);
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

    /**
     * Fraction of rows equal to one constant: one distinct value's share — from the column's
     * statistics when they are known, else at least {@link #EQUALITY}.
     */
    private double equality(Expr e) {
        ColumnRef c = column(e);
        if (c == null) return EQUALITY;
        ColumnStats stats = e instanceof ColumnRef ? columnStats.get(c.id()) : null;
        if (stats != null && stats.distinct() >= 1) return 1 / stats.distinct();
        Double d = distinct.get(c.id());
        return d == null ? EQUALITY : Math.max(EQUALITY, 1 / Math.max(1, d));
    }
}
