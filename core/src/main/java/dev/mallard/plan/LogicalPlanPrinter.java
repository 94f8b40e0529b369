package dev.mallard.plan;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.plan.LogicalPlan.Aggregate;
import dev.mallard.plan.LogicalPlan.AggregateCall;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.BoundKind;
import dev.mallard.plan.LogicalPlan.Empty;
import dev.mallard.plan.LogicalPlan.Filter;
import dev.mallard.plan.LogicalPlan.Frame;
import dev.mallard.plan.LogicalPlan.FrameBound;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.Limit;
import dev.mallard.plan.LogicalPlan.Project;
import dev.mallard.plan.LogicalPlan.SetOperation;
import dev.mallard.plan.LogicalPlan.Sort;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.plan.LogicalPlan.TableFunctionScan;
import dev.mallard.plan.LogicalPlan.TopN;
import dev.mallard.plan.LogicalPlan.Values;
import dev.mallard.plan.LogicalPlan.Window;
import dev.mallard.plan.LogicalPlan.WindowCall;
import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a logical plan as an indented tree, one node per line with its key details, e.g.
 *
 * <pre>
 * TopN[10, revenue#1 DESC, o_orderdate#2 ASC]
 *   Project[l_orderkey#3 := l_orderkey#4, revenue#1 := sum#5, o_orderdate#2 := o_orderdate#6]
 *     Aggregate[group by: l_orderkey#4 := l_orderkey#9, o_orderdate#6 := o_orderdate#10; sum#5 := sum(l_extendedprice#12 * (1.00 - l_discount#13))]
 *       Join[INNER, l_orderkey#9 = o_orderkey#14]
 *         Filter[l_shipdate#15 &gt; DATE '1995-03-15']
 *           Get[lineitem: l_orderkey#9, l_extendedprice#12, l_discount#13, l_shipdate#15]
 *         Filter[o_orderdate#10 &lt; DATE '1995-03-15']
 *           Get[orders: o_orderkey#14, o_orderdate#10]
 * </pre>
 *
 * Symbols print as {@code name#id}, so a plan can be followed by hand. Expected-plan tests compare
 * this text, so the format is kept stable and free of hash-ordered output.
 */
public final class LogicalPlanPrinter {
    /** Operators printed infix, between their two operands. */
    private static final Set<String> INFIX = Set.of("=", "<>", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "//", "%",
            "||", "~~", "!~~", "~~*", "!~~*", "&", "|", "<<", ">>", "^", "**");

    private final StringBuilder out = new StringBuilder();
    private final List<LogicalPlan> subqueries = new ArrayList<>();

    private LogicalPlanPrinter() {}

    /** The plan as text, one line per node (each line ends with a newline). */
    public static String print(LogicalPlan plan) {
        LogicalPlanPrinter p = new LogicalPlanPrinter();
        p.node(plan, 0);
        return p.out.toString();
    }

    /**
     * The plan as text with symbol ids renumbered 1, 2, 3 ... in order of first appearance, so
     * the text does not depend on how many symbols were handed out before (for expected-plan tests).
     */
    public static String printStable(LogicalPlan plan) {
        return renumber(print(plan));
    }

    /** Replaces each {@code #id} by {@code #n}, n counting distinct ids in order of first appearance. */
    public static String renumber(String text) {
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("#(\\d+)").matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            int n = ids.computeIfAbsent(m.group(1), k -> ids.size() + 1);
            m.appendReplacement(b, "#" + n);
        }
        m.appendTail(b);
        return b.toString();
    }

    /** One expression as text, the way plan lines show it. */
    public static String print(Expr e) {
        return new LogicalPlanPrinter().expr(e, false);
    }

    private void node(LogicalPlan plan, int depth) {
        int firstSubquery = subqueries.size();
        out.append("  ".repeat(depth)).append(line(plan)).append('\n');
        // Subqueries found in this node's expressions (before unnesting) print under it, labelled.
        List<LogicalPlan> mine = new ArrayList<>(subqueries.subList(firstSubquery, subqueries.size()));
        for (int i = 0; i < mine.size(); i++) {
            out.append("  ".repeat(depth + 1)).append("<subquery ").append(firstSubquery + i + 1).append(">\n");
            node(mine.get(i), depth + 2);
        }
        for (LogicalPlan child : plan.children()) node(child, depth + 1);
    }

    private String line(LogicalPlan plan) {
        return switch (plan) {
            case Get g -> "Get[" + g.table().name() + ": " + refs(g.outputs()) + "]";
            case TableFunctionScan t -> "TableFunctionScan[" + t.function().name() + ": " + refs(t.outputs()) + "]";
            case LogicalPlan.MaterializedCte x -> "MaterializedCte[#" + x.id() + ": " + refs(x.columns()) + "]";
            case LogicalPlan.CteScan c -> "CteScan[#" + c.id() + ": " + refs(c.outputs()) + "]";
            case Values v -> "Values[" + refs(v.outputs()) + ": " + v.rows().stream()
                    .map(r -> "(" + exprs(r) + ")").collect(Collectors.joining(", ")) + "]";
            case Empty e -> "Empty[" + refs(e.outputs()) + "]";
            case Project p -> "Project[" + assignments(p.assignments()) + "]";
            case Filter f -> "Filter[" + expr(f.predicate(), false) + "]";
            case Aggregate a -> aggregate(a);
            case Join j -> join(j);
            case Sort s -> "Sort[" + keys(s.keys()) + "]";
            case Limit l -> "Limit[" + (l.limit() < 0 ? "ALL" : String.valueOf(l.limit()))
                    + (l.offset() != 0 ? " OFFSET " + l.offset() : "") + "]";
            case TopN t -> "TopN[" + t.limit() + (t.offset() != 0 ? " OFFSET " + t.offset() : "") + ", " + keys(t.keys()) + "]";
            case SetOperation s -> s.kind() + (s.all() ? " ALL" : "") + "[" + refs(s.outputs()) + "]";
            case Window w -> "Window[" + w.calls().stream().map(this::windowCall).collect(Collectors.joining(", ")) + "]";
        };
    }

    private String aggregate(Aggregate a) {
        List<String> parts = new ArrayList<>();
        if (!a.groups().isEmpty()) parts.add("group by: " + assignments(a.groups()));
        if (!a.aggregates().isEmpty()) {
            parts.add(a.aggregates().stream().map(c -> c.output() + " := " + aggregateCall(c)).collect(Collectors.joining(", ")));
        }
        return "Aggregate[" + String.join("; ", parts) + "]";
    }

    private String aggregateCall(AggregateCall c) {
        String order = c.orderBy().isEmpty() ? "" : " ORDER BY " + keys(c.orderBy());
        String s = c.function().name() + "(" + (c.distinct() ? "DISTINCT " : "") + exprs(c.args()) + order + ")";
        if (c.filter() != null) s += " FILTER (WHERE " + expr(c.filter(), false) + ")";
        return s;
    }

    private String join(Join j) {
        StringBuilder s = new StringBuilder("Join[");
        s.append(j.type() == JoinType.INNER && j.condition() == null ? "CROSS" : j.type().name());
        if (j.nullAware()) s.append(" null-aware");
        if (j.type() == JoinType.MARK && j.mark() != null) s.append(' ').append(j.mark());
        if (j.condition() != null) s.append(", ").append(expr(j.condition(), false));
        return s.append(']').toString();
    }

    private String windowCall(WindowCall c) {
        String fn = switch (c.kind()) {
            case AGGREGATE -> c.aggregate().name();
            default -> c.kind().name().toLowerCase(java.util.Locale.ROOT);
        };
        StringBuilder s = new StringBuilder(c.output().toString()).append(" := ").append(fn).append('(');
        if (c.distinct()) s.append("DISTINCT ");
        s.append(exprs(c.args())).append(')');
        if (c.ignoreNulls()) s.append(" IGNORE NULLS");
        if (c.filter() != null) s.append(" FILTER (WHERE ").append(expr(c.filter(), false)).append(')');
        List<String> over = new ArrayList<>();
        if (!c.partitionBy().isEmpty()) over.add("PARTITION BY " + exprs(c.partitionBy()));
        if (!c.orderBy().isEmpty()) over.add("ORDER BY " + keys(c.orderBy()));
        if (!c.frame().equals(Frame.DEFAULT)) over.add(frame(c.frame()));
        return s.append(" OVER (").append(String.join(" ", over)).append(')').toString();
    }

    private String frame(Frame f) {
        return f.unit() + " BETWEEN " + bound(f.start()) + " AND " + bound(f.end());
    }

    private String bound(FrameBound b) {
        return switch (b.kind()) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
            case CURRENT_ROW -> "CURRENT ROW";
            case PRECEDING, FOLLOWING -> expr(b.offset(), false) + (b.kind() == BoundKind.PRECEDING ? " PRECEDING" : " FOLLOWING");
        };
    }

    private String keys(List<SortKey> keys) {
        return keys.stream().map(k -> expr(k.expr(), false) + (k.ascending() ? " ASC" : " DESC")
                + (k.nullsFirst() ? " NULLS FIRST" : "")).collect(Collectors.joining(", "));
    }

    private static String refs(List<ColumnRef> refs) {
        return refs.stream().map(ColumnRef::toString).collect(Collectors.joining(", "));
    }

    private String assignments(List<Assignment> as) {
        return as.stream().map(a -> a.expr().equals(a.target()) ? a.target().toString()
                : a.target() + " := " + expr(a.expr(), false)).collect(Collectors.joining(", "));
    }

    private String exprs(List<Expr> es) {
        return es.stream().map(e -> expr(e, false)).collect(Collectors.joining(", "));
    }

    /**
     * @param nested true when the expression is an operand of an infix operator, AND, OR or NOT:
     *               operators then get parentheses so the text reads unambiguously
     */
    private String expr(Expr e, boolean nested) {
        String s = switch (e) {
            case ColumnRef c -> c.toString();
            case Expr.Constant c -> constant(c.value(), c.type());
            case Expr.Call c -> call(c);
            case Expr.Cast c -> (c.tryCast() ? "TRY_CAST(" : "CAST(") + expr(c.input(), false) + " AS " + c.type() + ")";
            case Expr.And a -> a.operands().stream().map(x -> expr(x, true)).collect(Collectors.joining(" AND "));
            case Expr.Or o -> o.operands().stream().map(x -> expr(x, true)).collect(Collectors.joining(" OR "));
            case Expr.Not n -> "NOT " + expr(n.operand(), true);
            case Expr.IsNull n -> expr(n.operand(), true) + (n.negated() ? " IS NOT NULL" : " IS NULL");
            case Expr.Case c -> {
                StringBuilder b = new StringBuilder("CASE");
                for (Expr.When w : c.whens()) {
                    b.append(" WHEN ").append(expr(w.condition(), false)).append(" THEN ").append(expr(w.result(), false));
                }
                yield b.append(" ELSE ").append(expr(c.otherwise(), false)).append(" END").toString();
            }
            case Expr.Coalesce c -> "coalesce(" + exprs(c.operands()) + ")";
            case Expr.InList in -> expr(in.value(), true) + (in.negated() ? " NOT IN (" : " IN (") + exprs(in.list()) + ")";
            case Expr.Subquery q -> subquery(q);
        };
        boolean operator = e instanceof Expr.And || e instanceof Expr.Or || e instanceof Expr.Not || e instanceof Expr.IsNull
                || e instanceof Expr.InList || e instanceof Expr.Call c && isInfix(c)
                || e instanceof Expr.Subquery q && q.operand() != null;
        return nested && operator ? "(" + s + ")" : s;
    }

    private static boolean isInfix(Expr.Call c) {
        String n = c.function().name();
        return c.args().size() == 2 && (INFIX.contains(n) || n.equals("is_distinct_from") || n.equals("is_not_distinct_from"))
                || c.args().size() == 1 && n.equals("-");
    }

    private String call(Expr.Call c) {
        String name = c.function().name();
        if (c.args().size() == 2 && INFIX.contains(name)) {
            String op = switch (name) {
                case "~~" -> "LIKE";
                case "!~~" -> "NOT LIKE";
                case "~~*" -> "ILIKE";
                case "!~~*" -> "NOT ILIKE";
                default -> name;
            };
            return expr(c.args().get(0), true) + " " + op + " " + expr(c.args().get(1), true);
        }
        if (c.args().size() == 1 && name.equals("-")) return "-" + expr(c.args().get(0), true);
        if (name.equals("is_not_distinct_from") && c.args().size() == 2) {
            return expr(c.args().get(0), true) + " IS NOT DISTINCT FROM " + expr(c.args().get(1), true);
        }
        if (name.equals("is_distinct_from") && c.args().size() == 2) {
            return expr(c.args().get(0), true) + " IS DISTINCT FROM " + expr(c.args().get(1), true);
        }
        return name + "(" + exprs(c.args()) + ")";
    }

    private String subquery(Expr.Subquery q) {
        subqueries.add(q.plan());
        String ref = "<subquery " + subqueries.size() + ">";
        return switch (q.kind()) {
            case SCALAR -> ref;
            case EXISTS -> "EXISTS " + ref;
            case ANY -> expr(q.operand(), true) + " " + q.operator() + " ANY " + ref;
            case ALL -> expr(q.operand(), true) + " " + q.operator() + " ALL " + ref;
        };
    }

    /** A constant in SQL-like spelling, decoded from its physical form. */
    static String constant(Object v, LogicalType type) {
        if (v == null) return "NULL";
        return switch (type.id()) {
            case VARCHAR -> "'" + v.toString().replace("'", "''") + "'";
            case DECIMAL -> {
                BigInteger unscaled = v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
                yield new BigDecimal(unscaled, type.scale()).toPlainString();
            }
            case DATE -> v instanceof Number n ? "DATE '" + LocalDate.ofEpochDay(n.longValue()) + "'" : "DATE '" + v + "'";
            case TIMESTAMP -> {
                if (!(v instanceof Number n)) yield "TIMESTAMP '" + v + "'";
                long micros = n.longValue();
                LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
                String text = t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
                if (t.getNano() != 0) text += String.format(java.util.Locale.ROOT, ".%06d", t.getNano() / 1000);
                yield "TIMESTAMP '" + text + "'";
            }
            case INTERVAL -> v instanceof Interval i ? "INTERVAL '" + interval(i) + "'" : "INTERVAL '" + v + "'";
            case REAL, DOUBLE -> {
                double d = ((Number) v).doubleValue();
                yield d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15 ? (long) d + ".0" : String.valueOf(d);
            }
            default -> String.valueOf(v);
        };
    }

    private static String interval(Interval i) {
        List<String> parts = new ArrayList<>();
        if (i.months() != 0) parts.add(i.months() + " months");
        if (i.days() != 0) parts.add(i.days() + " days");
        if (i.micros() != 0 || parts.isEmpty()) parts.add(i.micros() + " us");
        return String.join(" ", parts);
    }
}
