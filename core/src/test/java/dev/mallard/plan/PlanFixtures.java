package dev.mallard.plan;

import dev.mallard.catalog.ColumnDefinition;
import dev.mallard.catalog.TableEntry;
import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Expr.Constant;
import dev.mallard.expression.Exprs;
import dev.mallard.function.AggregateFunction;
import dev.mallard.function.FunctionRegistry;
import dev.mallard.plan.LogicalPlan.AggregateCall;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.Get;
import dev.mallard.plan.LogicalPlan.Join;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.optimizer.ColumnStats;
import dev.mallard.optimizer.TableStatistics;
import dev.mallard.storage.DataTable;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds logical plans by hand for planner and optimizer tests: tables, scans, expressions and
 * nodes, with functions from the real registry. Print with {@link LogicalPlanPrinter#printStable}
 * so expected texts do not depend on symbol ids.
 */
public final class PlanFixtures {
    private final Map<String, TableEntry> tables = new LinkedHashMap<>();

    /** A fixture with tables t(a, b, c VARCHAR), u(x, y), v(p, q), all INTEGER unless said. */
    public static PlanFixtures standard() {
        PlanFixtures f = new PlanFixtures();
        f.table("t", "a INTEGER", "b INTEGER", "c VARCHAR");
        f.table("u", "x INTEGER", "y INTEGER");
        f.table("v", "p INTEGER", "q INTEGER");
        return f;
    }

    /** The TPC-H tables (keys INTEGER, money DOUBLE), with {@link #tpchRowCounts} for SF 1. */
    public static PlanFixtures tpch() {
        PlanFixtures f = new PlanFixtures();
        f.table("region", "r_regionkey INTEGER", "r_name VARCHAR", "r_comment VARCHAR");
        f.table("nation", "n_nationkey INTEGER", "n_name VARCHAR", "n_regionkey INTEGER", "n_comment VARCHAR");
        f.table("supplier", "s_suppkey INTEGER", "s_name VARCHAR", "s_address VARCHAR", "s_nationkey INTEGER",
                "s_phone VARCHAR", "s_acctbal DOUBLE", "s_comment VARCHAR");
        f.table("customer", "c_custkey INTEGER", "c_name VARCHAR", "c_address VARCHAR", "c_nationkey INTEGER",
                "c_phone VARCHAR", "c_acctbal DOUBLE", "c_mktsegment VARCHAR", "c_comment VARCHAR");
        f.table("part", "p_partkey INTEGER", "p_name VARCHAR", "p_mfgr VARCHAR", "p_brand VARCHAR", "p_type VARCHAR",
                "p_size INTEGER", "p_container VARCHAR", "p_retailprice DOUBLE", "p_comment VARCHAR");
        f.table("partsupp", "ps_partkey INTEGER", "ps_suppkey INTEGER", "ps_availqty INTEGER", "ps_supplycost DOUBLE",
                "ps_comment VARCHAR");
        f.table("orders", "o_orderkey INTEGER", "o_custkey INTEGER", "o_orderstatus VARCHAR", "o_totalprice DOUBLE",
                "o_orderdate DATE", "o_orderpriority VARCHAR", "o_clerk VARCHAR", "o_shippriority INTEGER", "o_comment VARCHAR");
        f.table("lineitem", "l_orderkey INTEGER", "l_partkey INTEGER", "l_suppkey INTEGER", "l_linenumber INTEGER",
                "l_quantity DOUBLE", "l_extendedprice DOUBLE", "l_discount DOUBLE", "l_tax DOUBLE", "l_returnflag VARCHAR",
                "l_linestatus VARCHAR", "l_shipdate DATE", "l_commitdate DATE", "l_receiptdate DATE",
                "l_shipinstruct VARCHAR", "l_shipmode VARCHAR", "l_comment VARCHAR");
        return f;
    }

    /** TPC-H row counts at scale factor 1. */
    /**
     * {@link #tpchRowCounts} plus SF 1 column statistics as the storage would report them: distinct
     * counts, and value ranges in physical form (dates as days, DECIMAL(15,2) scaled by 100).
     * Keys are dense from 1 (0 for nation and region).
     */
    public static TableStatistics tpchStatistics() {
        return new TableStatistics() {
            @Override
            public long rowCount(TableEntry table) {
                return tpchRowCounts(table);
            }

            @Override
            public ColumnStats column(TableEntry table, int column) {
                String name = table.columns().get(column).name();
                double[] s = TPCH_COLUMNS.get(name);
                if (s != null) return new ColumnStats(s[0], s.length > 1 ? s[1] : Double.NaN, s.length > 1 ? s[2] : Double.NaN);
                if (name.endsWith("key") && !name.endsWith("nationkey") && !name.endsWith("regionkey")) {
                    // a table's own key: one value per row
                    double rows = tpchRowCounts(table);
                    String own = table.name().equals("partsupp") ? "ps_" : table.name().substring(0, 1) + "_";
                    if (name.startsWith(own)) return new ColumnStats(rows, 1, rows);
                }
                return null;
            }
        };
    }

    /** {distinct} or {distinct, min, max} per TPC-H column at SF 1 (strings: distinct only). */
    private static final Map<String, double[]> TPCH_COLUMNS = Map.ofEntries(
            Map.entry("r_name", new double[] {5}),
            Map.entry("r_regionkey", new double[] {5, 0, 4}),
            Map.entry("n_nationkey", new double[] {25, 0, 24}),
            Map.entry("n_name", new double[] {25}),
            Map.entry("n_regionkey", new double[] {5, 0, 4}),
            Map.entry("s_nationkey", new double[] {25, 0, 24}),
            Map.entry("s_acctbal", new double[] {9955, -99999, 999999}),
            Map.entry("c_nationkey", new double[] {25, 0, 24}),
            Map.entry("c_mktsegment", new double[] {5}),
            Map.entry("c_acctbal", new double[] {140187, -99999, 999999}),
            Map.entry("p_name", new double[] {199997}),
            Map.entry("p_mfgr", new double[] {5}),
            Map.entry("p_brand", new double[] {25}),
            Map.entry("p_type", new double[] {150}),
            Map.entry("p_size", new double[] {50, 1, 50}),
            Map.entry("p_container", new double[] {40}),
            Map.entry("p_retailprice", new double[] {20899, 90100, 209899}),
            Map.entry("ps_suppkey", new double[] {10000, 1, 10000}),
            Map.entry("ps_availqty", new double[] {9999, 1, 9999}),
            Map.entry("ps_supplycost", new double[] {99865, 100, 100000}),
            Map.entry("o_orderkey", new double[] {1500000, 1, 6000000}),
            Map.entry("o_custkey", new double[] {99996, 1, 149999}),
            Map.entry("o_orderstatus", new double[] {3}),
            Map.entry("o_totalprice", new double[] {1464556, 85771, 55528516}),
            Map.entry("o_orderdate", new double[] {2406, 8035, 10440}),
            Map.entry("o_orderpriority", new double[] {5}),
            Map.entry("o_clerk", new double[] {1000}),
            Map.entry("o_shippriority", new double[] {1, 0, 0}),
            Map.entry("l_orderkey", new double[] {1500000, 1, 6000000}),
            Map.entry("l_partkey", new double[] {200000, 1, 200000}),
            Map.entry("l_suppkey", new double[] {10000, 1, 10000}),
            Map.entry("l_linenumber", new double[] {7, 1, 7}),
            Map.entry("l_quantity", new double[] {50, 100, 5000}),
            Map.entry("l_extendedprice", new double[] {933900, 90100, 10494950}),
            Map.entry("l_discount", new double[] {11, 0, 10}),
            Map.entry("l_tax", new double[] {9, 0, 8}),
            Map.entry("l_returnflag", new double[] {3}),
            Map.entry("l_linestatus", new double[] {2}),
            Map.entry("l_shipdate", new double[] {2526, 8036, 10561}),
            Map.entry("l_commitdate", new double[] {2466, 8065, 10530}),
            Map.entry("l_receiptdate", new double[] {2554, 8037, 10591}),
            Map.entry("l_shipinstruct", new double[] {4}),
            Map.entry("l_shipmode", new double[] {7}));

    public static long tpchRowCounts(TableEntry t) {
        return switch (t.name()) {
            case "region" -> 5;
            case "nation" -> 25;
            case "supplier" -> 10_000;
            case "customer" -> 150_000;
            case "part" -> 200_000;
            case "partsupp" -> 800_000;
            case "orders" -> 1_500_000;
            case "lineitem" -> 6_001_215;
            default -> 1000;
        };
    }

    /** Declares a table from "name TYPE" column specs (INTEGER, BIGINT, VARCHAR, DOUBLE, DATE). */
    public TableEntry table(String name, String... columns) {
        List<ColumnDefinition> defs = new ArrayList<>();
        for (String spec : columns) {
            String[] parts = spec.split(" ");
            LogicalType type = switch (parts[1]) {
                case "INTEGER" -> LogicalType.INTEGER;
                case "BIGINT" -> LogicalType.BIGINT;
                case "VARCHAR" -> LogicalType.VARCHAR;
                case "DOUBLE" -> LogicalType.DOUBLE;
                case "DATE" -> LogicalType.DATE;
                case "BOOLEAN" -> LogicalType.BOOLEAN;
                case "DECIMAL(15,2)" -> LogicalType.decimal(15, 2);
                default -> throw new IllegalArgumentException(spec);
            };
            defs.add(new ColumnDefinition(parts[0], type, false, null));
        }
        TableEntry t = new TableEntry("main", name, defs, List.of(), List.of(),
                new DataTable(defs.stream().map(ColumnDefinition::type).toList()));
        tables.put(name, t);
        return t;
    }

    public java.util.Collection<TableEntry> tables() {
        return tables.values();
    }

    public TableEntry tableEntry(String name) {
        return tables.get(name);
    }

    /** A scan of all columns of a table, with fresh symbols. */
    public Get scan(String table) {
        TableEntry t = tables.get(table);
        List<Integer> idx = new ArrayList<>();
        List<ColumnRef> outs = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            idx.add(i);
            outs.add(ColumnIds.fresh(t.columns().get(i).name(), t.columns().get(i).type()));
        }
        return new Get(t, idx, outs);
    }

    // ---- expressions ------------------------------------------------------------------------

    /** The output column of a plan with this name. */
    public static ColumnRef col(LogicalPlan p, String name) {
        for (ColumnRef r : p.outputs()) if (r.name().equals(name)) return r;
        throw new IllegalArgumentException("no column " + name + " in " + p.outputs());
    }

    public static Constant lit(int v) {
        return new Constant(v, LogicalType.INTEGER);
    }

    public static Constant lit(String v) {
        return new Constant(v, LogicalType.VARCHAR);
    }

    public static Constant date(String isoDate) {
        return new Constant((int) java.time.LocalDate.parse(isoDate).toEpochDay(), LogicalType.DATE);
    }

    public static Constant lit(double v) {
        return new Constant(v, LogicalType.DOUBLE);
    }

    public static Constant lit(boolean v) {
        return new Constant(v, LogicalType.BOOLEAN);
    }

    public static Constant nullOf(LogicalType t) {
        return new Constant(null, t);
    }

    public static Expr call(String op, Expr... args) {
        List<LogicalType> types = Arrays.stream(args).map(Expr::type).toList();
        return new Expr.Call(FunctionRegistry.scalar(op, types), List.of(args));
    }

    public static Expr eq(Expr a, Expr b) {
        return Exprs.comparison("=", a, b);
    }

    public static Expr cmp(String op, Expr a, Expr b) {
        return Exprs.comparison(op, a, b);
    }

    public static Expr and(Expr... es) {
        return new Expr.And(List.of(es));
    }

    public static Expr or(Expr... es) {
        return new Expr.Or(List.of(es));
    }

    public static Expr not(Expr e) {
        return new Expr.Not(e);
    }

    public static Expr exists(LogicalPlan sub) {
        return new Expr.Subquery(Expr.SubqueryKind.EXISTS, sub, null, null, LogicalType.BOOLEAN);
    }

    public static Expr in(Expr operand, LogicalPlan sub) {
        return new Expr.Subquery(Expr.SubqueryKind.ANY, sub, operand, "=", LogicalType.BOOLEAN);
    }

    public static Expr any(Expr operand, String op, LogicalPlan sub) {
        return new Expr.Subquery(Expr.SubqueryKind.ANY, sub, operand, op, LogicalType.BOOLEAN);
    }

    public static Expr all(Expr operand, String op, LogicalPlan sub) {
        return new Expr.Subquery(Expr.SubqueryKind.ALL, sub, operand, op, LogicalType.BOOLEAN);
    }

    public static Expr scalar(LogicalPlan sub) {
        return new Expr.Subquery(Expr.SubqueryKind.SCALAR, sub, null, null, sub.outputs().get(0).type());
    }

    // ---- nodes --------------------------------------------------------------------------------

    public static LogicalPlan filter(LogicalPlan child, Expr predicate) {
        return new LogicalPlan.Filter(child, predicate);
    }

    /** A projection; arguments alternate name, expression ("a", expr, "b", expr ...). A bare ColumnRef keeps its symbol. */
    public static LogicalPlan.Project project(LogicalPlan child, Object... items) {
        List<Assignment> as = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            if (items[i] instanceof ColumnRef r) {
                as.add(new Assignment(r, r));
            } else {
                Expr e = (Expr) items[++i];
                as.add(new Assignment(ColumnIds.fresh((String) items[i - 1], e.type()), e));
            }
        }
        return new LogicalPlan.Project(child, as);
    }

    public static Join join(JoinType type, LogicalPlan left, LogicalPlan right, Expr condition) {
        return new Join(type, left, right, condition, null, false);
    }

    public static Join cross(LogicalPlan left, LogicalPlan right) {
        return new Join(JoinType.INNER, left, right, null, null, false);
    }

    public static AggregateCall agg(String name, Expr... args) {
        List<LogicalType> types = Arrays.stream(args).map(Expr::type).toList();
        AggregateFunction fn = FunctionRegistry.aggregate(name, types);
        return new AggregateCall(ColumnIds.fresh(name, fn.returnType()), fn, List.of(args), false, null);
    }

    /** An aggregate grouped by the given columns (kept as group keys under fresh symbols). */
    public static LogicalPlan.Aggregate aggregate(LogicalPlan child, List<ColumnRef> groups, AggregateCall... calls) {
        List<Assignment> gs = new ArrayList<>();
        for (ColumnRef g : groups) gs.add(new Assignment(ColumnIds.fresh(g.name(), g.type()), g));
        return new LogicalPlan.Aggregate(child, gs, List.of(calls));
    }

    public static String print(LogicalPlan plan) {
        return LogicalPlanPrinter.printStable(plan);
    }
}
