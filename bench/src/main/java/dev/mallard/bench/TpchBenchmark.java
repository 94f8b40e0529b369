package dev.mallard.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
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

    record Load(double seconds, long rows) {}

    /** Mallard's memory and GC during one phase. */
    record MallardPhase(String phase, long peakHeapBytes, double gcMillis, double wallMillis) {}

    final BenchOptions options;
    final Map<Engine, Load> loads = new EnumMap<>(Engine.class);
    /** engine → threads → query → cell */
    final Map<Engine, Map<Integer, Map<Integer, QuerySuite.Cell>>> cells = new EnumMap<>(Engine.class);
    final List<MallardPhase> mallardPhases = new ArrayList<>();
    final QuerySuite suite;
    final Map<String, String> footnotes = new LinkedHashMap<>();

    TpchBenchmark(BenchOptions options) {
        this.options = options;
        this.suite = new QuerySuite(options);
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        TpchBenchmark b = new TpchBenchmark(options);
        long start = System.nanoTime();
        for (Engine e : options.engines()) b.measure(e);
        double minutes = (System.nanoTime() - start) / 6e10;
        // The persistence and file benchmarks' figures live in the same file; regenerating must not erase them.
        String report = ReportSection.carryOver(MarkdownReport.render(b, minutes), Path.of(options.out()));
        Files.writeString(Path.of(options.out()), report);
        System.out.println(report);
        System.out.println("written to " + options.out());
    }

    private void measure(Engine engine) throws Exception {
        BenchLog.log("%s: loading SF %s", engine.label, options.scaleFactor());
        System.gc();
        resetPeaks();
        Connection c = engine.open();
        long t0 = System.nanoTime();
        long rows = engine.load(c, options.scaleFactor());
        loads.put(engine, new Load((System.nanoTime() - t0) / 1e9, rows));
        BenchLog.log("%s: %d rows in %.1f s", engine.label, rows, loads.get(engine).seconds());
        if (engine == Engine.MALLARD) mallardPhases.add(new MallardPhase("load", peakHeap(), 0, 0));
        Map<Integer, Map<Integer, QuerySuite.Cell>> byThreads = new TreeMap<>();
        cells.put(engine, byThreads);
        try (QueryRunner runner = new QueryRunner()) {
            List<Integer> threadCounts = engine.threaded ? options.threads() : List.of(1);
            for (int threads : threadCounts) {
                System.gc();
                resetPeaks();
                double gc0 = gcMillis();
                QuerySuite.Pass pass = suite.run(new QuerySuite.Target(engine, engine.label, c), runner, threads);
                byThreads.put(threads, pass.cells());
                if (engine == Engine.MALLARD) {
                    mallardPhases.add(new MallardPhase("queries, " + threads + " thread" + (threads == 1 ? "" : "s"),
                            peakHeap(), gcMillis() - gc0, pass.wallMillis()));
                }
            }
        } finally {
            engine.close(c);
        }
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
}
