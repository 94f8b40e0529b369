package dev.mallard.bench;

import dev.mallard.sqllogictest.ResultTable;
import dev.mallard.tpch.ResultDiff;
import dev.mallard.tpch.TpchQueries;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TPC-H queries as both benchmarks measure them: each query once to warm up and then
 * {@code runs} times, keeping the median, and every answer checked against DuckDB's. The first
 * connection measured on DuckDB supplies the reference answers, so DuckDB goes first in a run.
 */
final class QuerySuite {

    /** One query's measurement on one engine at one thread count. */
    record Cell(double medianMs, String status, String note) {
        boolean ok() {
            return status.equals("ok");
        }
    }

    /** The queries at one thread count: their cells and the wall time of all their runs, warm-ups included. */
    record Pass(Map<Integer, Cell> cells, double wallMillis) {}

    private final BenchOptions options;
    private final Map<Integer, ResultTable> reference = new HashMap<>();

    QuerySuite(BenchOptions options) {
        this.options = options;
    }

    /** Runs the selected queries on {@code c} at {@code threads}; {@code label} names the engine in the progress log. */
    Pass run(Engine engine, String label, Connection c, QueryRunner runner, int threads) throws SQLException {
        engine.setThreads(c, threads);
        double wall = 0;
        Map<Integer, Cell> byQuery = new TreeMap<>();
        for (int q : options.queries()) {
            if (runner.stuck()) {
                byQuery.put(q, new Cell(0, "skipped", "an earlier query could not be cancelled"));
                continue;
            }
            String sql = PeerDialect.rewrite(engine, TpchQueries.sql(q));
            double[] times = new double[options.runs()];
            QueryRunner.Outcome first = runner.run(c, sql, options.timeoutSeconds());
            wall += first.millis();
            Cell cell = null;
            if (first.answer() == null) {
                cell = new Cell(0, first.timedOut() ? "timeout" : "error", first.failure());
            } else {
                String diff = check(engine, q, first.answer());
                if (diff != null) cell = new Cell(0, "wrong", diff);
            }
            // The timed runs of one query stop once they have used the timeout between them (a slow
            // peer gets fewer runs, reported as such), but there is always at least one.
            int done = 0;
            double spent = 0;
            while (cell == null && done < times.length && (done == 0 || spent < options.timeoutSeconds() * 1000.0)) {
                QueryRunner.Outcome o = runner.run(c, sql, options.timeoutSeconds());
                wall += o.millis();
                spent += o.millis();
                if (o.answer() == null) cell = new Cell(0, o.timedOut() ? "timeout" : "error", o.failure());
                times[done++] = o.millis();
            }
            if (cell == null) {
                double[] measured = Arrays.copyOf(times, done);
                Arrays.sort(measured);
                cell = new Cell(measured[done / 2], "ok", done < times.length ? done + " run" + (done == 1 ? "" : "s") : null);
            }
            byQuery.put(q, cell);
            BenchLog.log("%s threads=%d q%02d %s %.1f ms", label, threads, q, cell.status(), cell.medianMs());
        }
        return new Pass(byQuery, wall);
    }

    /** Null when the answer matches DuckDB's (DuckDB itself becomes the reference). */
    private String check(Engine engine, int q, ResultTable answer) {
        if (engine == Engine.DUCKDB) {
            reference.putIfAbsent(q, answer);
            return null;
        }
        ResultTable expected = reference.get(q);
        if (expected == null) return null; // DuckDB not in this run: unchecked, said in the report
        return ResultDiff.compare(expected, answer);
    }
}
