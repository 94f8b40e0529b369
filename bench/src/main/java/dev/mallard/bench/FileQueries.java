package dev.mallard.bench;

import java.util.List;

/**
 * The "SQL on pandas" aggregates of issue 5, run on files in place through a table function
 * (and by {@link JavaDataBenchmark} on Java lists and tables, {@link #onTables}):
 * (a) price aggregates over the whole of lineitem, (b) the same per return flag and line status,
 * (c) (b) on the rows shipped by 1998-09-02 (TPC-H Q1's filter), (d) (c) for the lines of open
 * orders, a join with orders. Sorted by the groups, so answers compare row by row. Both engines
 * run the same text.
 */
record FileQueries(TpchFiles files, FileSource source) implements QuerySet {
    static final List<Integer> IDS = List.of(1, 2, 3, 4);
    private static final String AGGREGATES =
            "sum(l_extendedprice), min(l_extendedprice), max(l_extendedprice), avg(l_extendedprice)";
    private static final String GROUPS = "l_returnflag, l_linestatus";

    @Override
    public List<Integer> ids() {
        return IDS;
    }

    @Override
    public String name(int id) {
        return nameOf(id);
    }

    /** a, b, c, d, as issue 5 names them. */
    static String nameOf(int id) {
        return String.valueOf((char) ('a' + id - 1));
    }

    @Override
    public String sql(Engine engine, int id) {
        return text(id, files.read("lineitem", source), files.read("orders", source));
    }

    /** The same queries on tables of these names (or Java lists registered under them), for every engine alike. */
    static QuerySet onTables(String lineitem, String orders) {
        return new QuerySet() {
            @Override public List<Integer> ids() { return IDS; }
            @Override public String name(int id) { return nameOf(id); }
            @Override public String sql(Engine engine, int id) { return text(id, lineitem, orders); }
        };
    }

    /** Query {@code id} on the tables {@code lineitem} and {@code orders} (a table function call or a table name). */
    static String text(int id, String lineitem, String orders) {
        String grouped = " GROUP BY " + GROUPS + " ORDER BY " + GROUPS;
        String shipped = " WHERE l_shipdate <= DATE '1998-09-02'";
        return switch (id) {
            case 1 -> "SELECT " + AGGREGATES + " FROM " + lineitem;
            case 2 -> "SELECT " + GROUPS + ", " + AGGREGATES + " FROM " + lineitem + grouped;
            case 3 -> "SELECT " + GROUPS + ", " + AGGREGATES + " FROM " + lineitem + shipped + grouped;
            case 4 -> "SELECT " + GROUPS + ", " + AGGREGATES + " FROM " + lineitem + " JOIN " + orders + " ON l_orderkey = o_orderkey"
                    + shipped + " AND o_orderstatus = 'O'" + grouped;
            default -> throw new IllegalArgumentException("no file query " + id);
        };
    }
}
