package dev.mallard.bench;

import dev.mallard.sqllogictest.ResultTable;
import dev.mallard.tpch.ResultDiff;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Queries (TPC-H unless a {@link QuerySet} says otherwise) as the benchmarks measure them: each
 * query once to warm up and then {@code runs} times, keeping the median, and every answer checked
 * against DuckDB's. The first connection measured on DuckDB supplies the reference answers, so
 * DuckDB goes first in a run.
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
    record Target(Engine engine, String label, Connection connection) implements Contender {
        @Override
        public boolean reference() {
            return engine == Engine.DUCKDB;
        }

        @Override
        public void setThreads(int threads) throws SQLException {
            engine.setThreads(connection, threads);
        }

        @Override
        public QueryRunner.Outcome answer(QueryRunner runner, QuerySet queries, int id, int timeoutSeconds) {
            return runner.run(connection, queries.sql(engine, id), timeoutSeconds);
        }
    }

    private final BenchOptions options;
    private final QuerySet queries;
    private final Map<Integer, ResultTable> reference = new HashMap<>();

    /** The TPC-H queries the options select. */
    QuerySuite(BenchOptions options) {
        this(options, QuerySet.tpch(options.queries()));
    }

    /** Other queries, measured the same way (runs and timeout from the options). */
    QuerySuite(BenchOptions options, QuerySet queries) {
        this.options = options;
        this.queries = queries;
    }

    /** Runs the selected queries on one database at {@code threads}. */
    Pass run(Target target, QueryRunner runner, int threads) throws SQLException {
        return run(List.of(target), runner, threads).get(0);
    }

    /**
     * Runs the selected queries on several databases at {@code threads}, query by query: every
     * database's warm-up run of a query comes before any timed run of it, and the timed runs then
     * take turns. Databases compared with each other thus meet each query with the same JIT state,
     * and background load or drift on a shared machine falls on all of them alike. Returns one pass
     * per target, in order; with a single target this is simply warm-up, then the runs.
     */
    List<Pass> run(List<? extends Contender> targets, QueryRunner runner, int threads) throws SQLException {
        for (Contender t : targets) t.setThreads(threads);
        double[] wall = new double[targets.size()];
        List<Map<Integer, Cell>> cells = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) cells.add(new TreeMap<>());
        for (int q : queries.ids()) {
            List<Measurement> ms = new ArrayList<>();
            for (Contender t : targets) ms.add(new Measurement(t, q, runner));
            // Targets take turns run by run, and the one going first alternates: neither always
            // runs right after the other's caches and hash tables were built.
            for (int round = 0; ; round++) {
                boolean ran = false;
                for (int k = 0; k < ms.size(); k++) {
                    Measurement m = ms.get(round % 2 == 0 ? k : ms.size() - 1 - k);
                    if (m.wantsRun()) {
                        m.timedRun();
                        ran = true;
                    }
                }
                if (!ran) break;
            }
            for (int i = 0; i < targets.size(); i++) {
                Cell cell = ms.get(i).cell();
                cells.get(i).put(q, cell);
                wall[i] += ms.get(i).wall;
                BenchLog.log("%s threads=%d %s %s %.1f ms", targets.get(i).label(), threads, queries.name(q), cell.status(), cell.medianMs());
            }
        }
        List<Pass> passes = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) passes.add(new Pass(cells.get(i), wall[i]));
        return passes;
    }

    /** One query on one target, taken run by run so that several targets can take turns. */
    private final class Measurement {
        private final Contender target;
        private final QueryRunner runner;
        private final int query;
        private final double[] times = new double[options.runs()];
        private int done;
        private double spent;
        private double wall;
        private double firstMs;
        /** Set once the query cannot be timed (skipped, failed, wrong): the cell to report. */
        private Cell failed;

        /** Runs the warm-up, which also checks the answer. */
        Measurement(Contender target, int q, QueryRunner runner) {
            this.target = target;
            this.runner = runner;
            this.query = q;
            if (runner.stuck()) {
                failed = new Cell(0, 0, "skipped", "an earlier query could not be cancelled");
                return;
            }
            QueryRunner.Outcome first = target.answer(runner, queries, q, options.timeoutSeconds());
            wall = first.millis();
            if (first.answer() == null) {
                failed = new Cell(0, 0, first.timedOut() ? "timeout" : "error", first.failure());
                return;
            }
            firstMs = first.millis();
            String diff = check(target.reference(), q, first.answer());
            if (diff != null) failed = new Cell(0, firstMs, "wrong", diff);
        }

        /**
         * Whether another timed run is due. The timed runs of one query stop once they have used the
         * timeout between them (a slow peer gets fewer runs, reported as such), but there is always at least one.
         */
        boolean wantsRun() {
            return failed == null && done < times.length && (done == 0 || spent < options.timeoutSeconds() * 1000.0);
        }

        void timedRun() {
            QueryRunner.Outcome o = runner.stuck() ? null : target.answer(runner, queries, query, options.timeoutSeconds());
            if (o == null) {
                failed = new Cell(0, firstMs, "skipped", "an earlier query could not be cancelled");
                return;
            }
            wall += o.millis();
            spent += o.millis();
            if (o.answer() == null) failed = new Cell(0, firstMs, o.timedOut() ? "timeout" : "error", o.failure());
            else times[done++] = o.millis();
        }

        Cell cell() {
            if (failed != null) return failed;
            double[] measured = Arrays.copyOf(times, done);
            Arrays.sort(measured);
            String note = done < times.length ? done + " run" + (done == 1 ? "" : "s") : null;
            return new Cell(measured[done / 2], firstMs, "ok", note);
        }
    }

    /** Null when the answer matches DuckDB's (DuckDB itself becomes the reference). */
    private String check(boolean isReference, int q, ResultTable answer) {
        if (isReference) {
            reference.putIfAbsent(q, answer);
            return null;
        }
        ResultTable expected = reference.get(q);
        if (expected == null) return null; // DuckDB not in this run: unchecked, said in the report
        return ResultDiff.compare(expected, answer);
    }
}
