package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.planner.QueryBinder;
import dev.mallard.sql.parser.SqlParser;
import dev.mallard.sql.tree.CommonTableExpression;
import dev.mallard.sql.tree.Identifier;
import dev.mallard.sql.tree.Query;
import dev.mallard.sql.tree.Statement;
import dev.mallard.sql.tree.Summarize;
import dev.mallard.sql.tree.With;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.types.Values;
import dev.mallard.vector.DataChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SUMMARIZE t} / {@code SUMMARIZE query}: one row per column of the input with DuckDB's
 * columns — column_name, column_type, min, max, approx_unique, avg, std, q25, q50, q75, count,
 * null_percentage.
 *
 * <p>The statistics come from one aggregate query over the input, run by the engine like any
 * other (so it is parallel and spills like any other): the input becomes a CTE whose columns are
 * renamed c0, c1, ... (input names may repeat or need quoting), and every statistic of every
 * column is one aggregate of a single result row, which is then turned into one row per column.
 * As in DuckDB, min and max are shown as text; avg and the quartiles exist for numbers, dates and
 * timestamps, std for numbers only (NULL for other types); approx_unique is approx_count_distinct.
 */
final class SummarizeStatement {
    private static final String INPUT = "__summarize_input";
    private static final List<String> NAMES = List.of("column_name", "column_type", "min", "max", "approx_unique", "avg", "std",
            "q25", "q50", "q75", "count", "null_percentage");
    private static final LogicalType PERCENTAGE = LogicalType.decimal(9, 2);
    private static final List<LogicalType> TYPES = List.of(LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.VARCHAR,
            LogicalType.VARCHAR, LogicalType.BIGINT, LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.VARCHAR,
            LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.BIGINT, PERCENTAGE);
    /** The statistics computed per column, in the order of {@link #NAMES} from min on. */
    private static final int STATS = NAMES.size() - 2;

    private final StatementExecutor executor;

    SummarizeStatement(StatementExecutor executor) {
        this.executor = executor;
    }

    StatementResult execute(Summarize s, String sql, List<Values.Typed> params) {
        QueryBinder.Bound input = new QueryBinder(executor.bindContext(sql, params)).bind(s.query());
        List<String> names = input.names();
        List<LogicalType> types = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) types.add(input.plan().outputs().get(i).type());

        Query stats = statisticsQuery(s, types);
        QueryBinder.Bound bound = new QueryBinder(executor.bindContext(sql, params)).bind(stats);
        Object[] row = singleRow(executor.run(bound.plan(), bound.names()), bound.plan().outputs().size());

        List<Object[]> rows = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            Object[] out = new Object[NAMES.size()];
            out[0] = names.get(c);
            out[1] = types.get(c).toString();
            System.arraycopy(row, c * STATS, out, 2, STATS);
            rows.add(out);
        }
        return new MaterializedResult(NAMES, TYPES, rows);
    }

    /** {@code WITH input(c0, ...) AS (<the query>) SELECT <STATS aggregates per column> FROM input}. */
    private static Query statisticsQuery(Summarize s, List<LogicalType> types) {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int c = 0; c < types.size(); c++) {
            if (c > 0) select.append(",\n  ");
            String col = "c" + c;
            LogicalType t = types.get(c);
            boolean numeric = t.isNumeric();
            boolean ordered = numeric || t.isTemporal();
            select.append("CAST(min(").append(col).append(") AS VARCHAR), ");
            select.append("CAST(max(").append(col).append(") AS VARCHAR), ");
            select.append("approx_count_distinct(").append(col).append("), ");
            select.append(average(col, t)).append(", ");
            select.append(numeric ? "CAST(stddev_samp(" + col + ") AS VARCHAR)" : "CAST(NULL AS VARCHAR)").append(", ");
            for (String q : new String[] {"0.25", "0.5", "0.75"}) {
                select.append(ordered ? "CAST(approx_quantile(" + col + ", " + q + ") AS VARCHAR)" : "CAST(NULL AS VARCHAR)").append(", ");
            }
            select.append("count(*), ");
            // A percentage of the rows, NULL (not a division error) for an empty input, as DuckDB.
            select.append("CAST(CAST(count(*) - count(").append(col).append(") AS DOUBLE) * 100 / NULLIF(count(*), 0) AS DECIMAL(9, 2))");
        }
        select.append("\nFROM ").append(INPUT);
        Statement parsed = SqlParser.parseOne(select.toString());
        if (!(parsed instanceof Query body)) throw new MallardException.Internal("SUMMARIZE built a statement that is not a query");
        List<Identifier> columns = new ArrayList<>();
        for (int c = 0; c < types.size(); c++) columns.add(Identifier.of("c" + c));
        CommonTableExpression cte = new CommonTableExpression(s.position(), Identifier.of(INPUT), columns, null, s.query());
        return new Query(s.position(), new With(s.position(), false, List.of(cte)), body.body(), null, null, null);
    }

    /**
     * avg of numbers as DOUBLE text; of dates and timestamps the mean instant, as a TIMESTAMP
     * (DuckDB's avg(DATE) is a TIMESTAMP too), averaged over microseconds since the epoch.
     */
    private static String average(String col, LogicalType t) {
        if (t.isNumeric()) return "CAST(avg(" + col + ") AS VARCHAR)";
        if (t.isTemporal()) {
            String micros = "epoch_us(" + (t.id() == TypeId.DATE ? "CAST(" + col + " AS TIMESTAMP)" : col) + ")";
            return "CAST(make_timestamp(CAST(avg(" + micros + ") AS BIGINT)) AS VARCHAR)";
        }
        return "CAST(NULL AS VARCHAR)";
    }

    /** The one row an aggregate query without GROUP BY returns, as physical values. */
    private static Object[] singleRow(QueryResult result, int width) {
        Object[] row = new Object[width];
        ChunkCollection all = ChunkCollection.drain(result);
        for (DataChunk chunk : all.chunks()) {
            if (chunk.count() == 0) continue;
            for (int c = 0; c < width; c++) row[c] = chunk.getObject(c, 0);
            return row;
        }
        throw new MallardException.Internal("SUMMARIZE's aggregate query returned no row");
    }
}
