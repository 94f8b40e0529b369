package dev.mallard.bench;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few rewrites the TPC-H texts (written for DuckDB and PostgreSQL) need on the row stores.
 * Each keeps the query's meaning, and every answer is checked against DuckDB's anyway.
 */
final class PeerDialect {
    private PeerDialect() {}

    private static final Pattern DATE_ARITHMETIC =
            Pattern.compile("DATE '(\\d{4}-\\d{2}-\\d{2})' ([+-]) INTERVAL '(\\d+)' (DAY|MONTH|YEAR)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_LITERAL = Pattern.compile("DATE '(\\d{4}-\\d{2}-\\d{2})'", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTRACT_YEAR = Pattern.compile("extract\\(year FROM (\\w+)\\)", Pattern.CASE_INSENSITIVE);

    static String rewrite(Engine engine, String sql) {
        if (engine == Engine.DUCKDB || engine == Engine.MALLARD) return sql;
        String s = foldDateArithmetic(sql);
        // A derived column list on a subquery (Q13) is not SQLite syntax; name the column inside instead.
        s = s.replace("count(o_orderkey)\n", "count(o_orderkey) AS c_count\n").replace("AS c_orders (c_custkey, c_count)", "AS c_orders");
        if (engine == Engine.SQLITE) {
            s = DATE_LITERAL.matcher(s).replaceAll("'$1'");
            s = EXTRACT_YEAR.matcher(s).replaceAll("CAST(strftime('%Y', $1) AS INTEGER)");
        }
        if (engine == Engine.SQLITE || engine == Engine.HSQLDB) s = s.replace("substring(", "substr(");
        return s;
    }

    /** {@code DATE 'd' ± INTERVAL 'n' unit} becomes the date it denotes. */
    static String foldDateArithmetic(String sql) {
        Matcher m = DATE_ARITHMETIC.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            LocalDate d = LocalDate.parse(m.group(1));
            long n = Long.parseLong(m.group(3)) * (m.group(2).equals("-") ? -1 : 1);
            LocalDate r = switch (m.group(4).toUpperCase(java.util.Locale.ROOT)) {
                case "DAY" -> d.plusDays(n);
                case "MONTH" -> d.plusMonths(n);
                default -> d.plusYears(n);
            };
            m.appendReplacement(out, "DATE '" + r + "'");
        }
        m.appendTail(out);
        return out.toString();
    }
}
