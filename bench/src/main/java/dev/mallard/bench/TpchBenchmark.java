package dev.mallard.bench;

import dev.mallard.sqllogictest.ResultTable;
import dev.mallard.tpch.ResultDiff;
import dev.mallard.tpch.TpchQueries;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TPC-H on Mallard and its peers in one run: generate the data once per engine (in-process,
 * deterministic), load it, run each query once to warm up and then {@code runs} times, and keep
 * the median; check every answer against DuckDB's; write the ratios to a Markdown report.
 * Engines run one after another, each released before the next, so they never share the CPU
 * or the heap.
 *
 * <pre>./benchmark --sf 1 [--engines duckdb,mallard,h2,hsqldb,sqlite] [--threads 1,2] [--runs 5]
 *              [--queries 1,3,9] [--timeout 60] [--out BENCHMARKS.md]</pre>
 */
public final class TpchBenchmark {

    /** One query's measurement on one engine at one thread count. */
    record Cell(double medianMs, String status, String note) {
        static Cell ok(double ms) {
            return new Cell(ms, "ok", null);
        }
    }

    record Load(double seconds, long rows) {}

    /** Mallard's memory and GC during one phase. */
    record MallardPhase(String phase, long peakHeapBytes, double gcMillis, double wallMillis) {}

    final BenchOptions options;
    final Map<Engine, Load> loads = new EnumMap<>(Engine.class);
    /** engine → threads → query → cell */
    final Map<Engine, Map<Integer, Map<Integer, Cell>>> cells = new EnumMap<>(Engine.class);
    final List<MallardPhase> mallardPhases = new ArrayList<>();
    final Map<Integer, ResultTable> reference = new TreeMap<>();
    final Map<String, String> footnotes = new LinkedHashMap<>();

    TpchBenchmark(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        TpchBenchmark b = new TpchBenchmark(options);
        long start = System.nanoTime();
        for (Engine e : options.engines()) b.measure(e);
        double minutes = (System.nanoTime() - start) / 6e10;
        String report = MarkdownReport.render(b, minutes);
        Files.writeString(Path.of(options.out()), report);
        System.out.println(report);
        System.out.println("written to " + options.out());
    }

    private void measure(Engine engine) throws Exception {
        log("%s: loading SF %s", engine.label, options.scaleFactor());
        System.gc();
        resetPeaks();
        Connection c = engine.open();
        long t0 = System.nanoTime();
        long rows = engine.load(c, options.scaleFactor());
        loads.put(engine, new Load((System.nanoTime() - t0) / 1e9, rows));
        log("%s: %d rows in %.1f s", engine.label, rows, loads.get(engine).seconds());
        if (engine == Engine.MALLARD) mallardPhases.add(new MallardPhase("load", peakHeap(), 0, 0));
        Map<Integer, Map<Integer, Cell>> byThreads = new TreeMap<>();
        cells.put(engine, byThreads);
        try (QueryRunner runner = new QueryRunner()) {
            List<Integer> threadCounts = engine.threaded ? options.threads() : List.of(1);
            for (int threads : threadCounts) {
                engine.setThreads(c, threads);
                System.gc();
                resetPeaks();
                double gc0 = gcMillis();
                double wall = 0;
                Map<Integer, Cell> byQuery = new TreeMap<>();
                byThreads.put(threads, byQuery);
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
                    log("%s threads=%d q%02d %s %.1f ms", engine.label, threads, q, cell.status(), cell.medianMs());
                }
                if (engine == Engine.MALLARD) {
                    mallardPhases.add(new MallardPhase("queries, " + threads + " thread" + (threads == 1 ? "" : "s"),
                            peakHeap(), gcMillis() - gc0, wall));
                }
            }
        } finally {
            engine.close(c);
        }
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

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any moment since the reset. */
    private static long peakHeap() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) total += pool.getPeakUsage().getUsed();
        }
        return total;
    }

    private static double gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) total += Math.max(0, gc.getCollectionTime());
        return total;
    }

    static void log(String format, Object... args) {
        System.err.printf(format + "%n", args);
    }
}
