package dev.mallard.bench;

import dev.mallard.sqllogictest.ResultTable;
import dev.mallard.tpch.ResultDiff;
import dev.mallard.tpch.TpchQueries;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TPC-H queries as both benchmarks measure them: each query once to warm up and then
 * {@code runs} times, keeping the median, and every answer checked against DuckDB's. The first
 * connection measured on DuckDB supplies the reference answers, so DuckDB goes first in a run.
 */
final class QuerySuite {

    /**
     * One query's measurement on one engine at one thread count: the median of the timed runs and
     * the time of the warm-up run before them (the first run, which pays for any lazy loading).
     */
    record Cell(double medianMs, double firstMs, String status, String note) {
        boolean ok() {
            return status.equals("ok");
        }
    }

    /** The queries at one thread count: their cells and the wall time of all their runs, warm-ups included. */
    record Pass(Map<Integer, Cell> cells, double wallMillis) {}

    /** A database to measure: its engine (for dialect and reference), a name for the progress log, and a connection. */
    record Target(Engine engine, String label, Connection connection) {}

    private final BenchOptions options;
    private final Map<Integer, ResultTable> reference = new HashMap<>();

    QuerySuite(BenchOptions options) {
        this.options = options;
    }

    /** Runs the selected queries on one database at {@code threads}. */
    Pass run(Target target, QueryRunner runner, int threads) throws SQLException {
        return run(List.of(target), runner, threads).get(0);
    }

    /**
     * Runs the selected queries on several databases at {@code threads}, taking each query on every
     * database before the next query: databases compared with each other then meet each query with
     * the same JIT state and the same background load, whatever order they are listed in.
     * Returns one pass per target, in order.
     */
    List<Pass> run(List<Target> targets, QueryRunner runner, int threads) throws SQLException {
        for (Target t : targets) t.engine().setThreads(t.connection(), threads);
        double[] wall = new double[targets.size()];
        List<Map<Integer, Cell>> cells = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) cells.add(new TreeMap<>());
        for (int q : options.queries()) {
            for (int i = 0; i < targets.size(); i++) {
                Target t = targets.get(i);
                Measured m = measure(t, runner, q);
                cells.get(i).put(q, m.cell());
                wall[i] += m.wallMillis();
                BenchLog.log("%s threads=%d q%02d %s %.1f ms", t.label(), threads, q, m.cell().status(), m.cell().medianMs());
            }
        }
        List<Pass> passes = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) passes.add(new Pass(cells.get(i), wall[i]));
        return passes;
    }

    /** One query on one target: its cell and the wall time of all its runs. */
    private record Measured(Cell cell, double wallMillis) {}

    private Measured measure(Target t, QueryRunner runner, int q) {
        if (runner.stuck()) return new Measured(new Cell(0, 0, "skipped", "an earlier query could not be cancelled"), 0);
        Connection c = t.connection();
        String sql = PeerDialect.rewrite(t.engine(), TpchQueries.sql(q));
        QueryRunner.Outcome first = runner.run(c, sql, options.timeoutSeconds());
        double wall = first.millis();
        if (first.answer() == null) return new Measured(new Cell(0, 0, first.timedOut() ? "timeout" : "error", first.failure()), wall);
        String diff = check(t.engine(), q, first.answer());
        if (diff != null) return new Measured(new Cell(0, first.millis(), "wrong", diff), wall);
        // The timed runs of one query stop once they have used the timeout between them (a slow
        // peer gets fewer runs, reported as such), but there is always at least one.
        double[] times = new double[options.runs()];
        int done = 0;
        double spent = 0;
        while (done < times.length && (done == 0 || spent < options.timeoutSeconds() * 1000.0)) {
            QueryRunner.Outcome o = runner.run(c, sql, options.timeoutSeconds());
            wall += o.millis();
            spent += o.millis();
            if (o.answer() == null) return new Measured(new Cell(0, first.millis(), o.timedOut() ? "timeout" : "error", o.failure()), wall);
            times[done++] = o.millis();
        }
        double[] measured = Arrays.copyOf(times, done);
        Arrays.sort(measured);
        String note = done < times.length ? done + " run" + (done == 1 ? "" : "s") : null;
        return new Measured(new Cell(measured[done / 2], first.millis(), "ok", note), wall);
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
