package dev.mallard.bench;

import static dev.mallard.bench.ReportFormat.num;
import static dev.mallard.bench.ReportFormat.yes;

import dev.mallard.bench.QuerySuite.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders one benchmark run as BENCHMARKS.md. */
final class MarkdownReport {
    private MarkdownReport() {}

    static String render(TpchBenchmark b, double minutes) {
        BenchOptions o = b.options;
        StringBuilder s = new StringBuilder();
        s.append("# Benchmarks\n\n");
        s.append("TPC-H at scale factor ").append(num(o.scaleFactor())).append(", generated in-process by `io.trino.tpch` and loaded "
                + "into each engine in memory, then each query run once to warm up and ").append(o.runs())
                .append(" times measured (fewer, as noted, when those runs together exceed the per-query timeout); the tables give the median wall time in milliseconds, with the result fetched "
                        + "through JDBC. Engines run one after another in one JVM, so the ratios come from one run on one "
                        + "machine; absolute times on this shared machine are noise, ratios are the signal. Every answer is "
                        + "checked against DuckDB's. Written by the `bench` module; regenerate with the command below.\n\n");
        if (o.scaleFactor() != 10) {
            s.append("Scale factor 10 (DuckDB and Mallard): [BENCHMARKS-SF10.md](BENCHMARKS-SF10.md).\n\n");
        }
        s.append("## Command and machine\n\n").append(MachineNote.render("./benchmark " + String.join(" ", o.args()), minutes));

        targets(b, s);

        s.append("## Load\n\n| engine | rows | seconds | load path |\n|---|---:|---:|---|\n");
        for (var e : b.loads.entrySet()) {
            s.append("| ").append(e.getKey().label).append(" | ").append(e.getValue().rows()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", e.getValue().seconds())).append(" | ").append(loadPath(e.getKey())).append(" |\n");
        }
        s.append('\n');

        for (int threads : o.threads()) queryTable(b, threads, s);

        if (!b.mallardPhases.isEmpty()) {
            s.append("## Mallard: heap and GC\n\nPeak heap is the sum of the heap pools' peaks since the phase began "
                    + "(an upper bound); GC share is collection time over the wall time of the phase's query runs.\n\n"
                    + "| phase | peak heap (MiB) | GC (ms) | query wall time (ms) | GC share |\n|---|---:|---:|---:|---:|\n");
            for (var p : b.mallardPhases) {
                s.append("| ").append(p.phase()).append(" | ").append(p.peakHeapBytes() >> 20).append(" | ");
                if (p.wallMillis() > 0) {
                    s.append(String.format(Locale.ROOT, "%.0f | %.0f | %.1f %%", p.gcMillis(), p.wallMillis(), 100 * p.gcMillis() / p.wallMillis()));
                } else {
                    s.append("| | ");
                }
                s.append(" |\n");
            }
            s.append('\n');
        }

        List<String> notes = new ArrayList<>();
        for (var e : b.cells.entrySet()) {
            for (var t : e.getValue().entrySet()) {
                for (var q : t.getValue().entrySet()) {
                    Cell c = q.getValue();
                    if (!c.status().equals("ok") && c.note() != null) {
                        notes.add(e.getKey().label + " Q" + q.getKey() + " (" + t.getKey() + " thread" + (t.getKey() == 1 ? "" : "s")
                                + "), " + c.status() + ": " + c.note().replace('\n', ' '));
                    }
                }
            }
        }
        s.append("## Answer checks\n\n");
        if (!b.cells.containsKey(Engine.DUCKDB)) s.append("DuckDB was not in this run, so no answer was checked.\n\n");
        else if (notes.isEmpty()) s.append("Every engine's answer to every query it finished equals DuckDB's.\n\n");
        else {
            s.append("Queries without a time (wrong answer, error, timeout):\n\n");
            ReportFormat.bullets(notes, s);
        }
        return s.toString();
    }

    private static void targets(TpchBenchmark b, StringBuilder s) {
        s.append("## Targets (issue 3)\n\n");
        Map<Integer, Map<Integer, Cell>> duck = b.cells.get(Engine.DUCKDB);
        Map<Integer, Map<Integer, Cell>> mallard = b.cells.get(Engine.MALLARD);
        if (duck == null || mallard == null) {
            s.append("Needs DuckDB and Mallard in the run.\n\n");
            return;
        }
        s.append("| target | measured | met |\n|---|---|---|\n");
        for (int threads : b.options.threads()) {
            Ratios r = Ratios.of(duck.get(threads), mallard.get(threads));
            if (r == null) continue;
            String at = " at " + threads + " thread" + (threads == 1 ? "" : "s");
            boolean sf1 = b.options.scaleFactor() == 1;
            boolean sf10 = b.options.scaleFactor() == 10;
            double limit = sf10 ? 1.2 : 1.0;
            s.append("| geometric mean Mallard/DuckDB ≤ ").append(num(limit)).append(at).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f× over %d queries%s", r.geomean(), r.count(), r.missing() > 0 ? " (" + r.missing() + " without a time)" : ""))
                    .append(" | ").append(sf1 || sf10 ? yes(r.geomean() <= limit && r.missing() == 0) : "(SF 1 / SF 10 only)").append(" |\n");
            if (!sf10) {
                s.append("| no query above 2.0×").append(at).append(" | ")
                        .append(String.format(Locale.ROOT, "max %.2f× (Q%d)", r.max(), r.maxQuery())).append(" | ")
                        .append(sf1 ? yes(r.max() <= 2.0 && r.missing() == 0) : "(SF 1 only)").append(" |\n");
            }
        }
        for (var p : b.mallardPhases) {
            if (p.wallMillis() <= 0) continue;
            double share = 100 * p.gcMillis() / p.wallMillis();
            s.append("| GC ≤ 5 % of query time (").append(p.phase()).append(") | ")
                    .append(String.format(Locale.ROOT, "%.1f %%", share)).append(" | ")
                    .append(b.options.scaleFactor() == 1 ? yes(share <= 5) : "(SF 1 only)").append(" |\n");
        }
        if (b.options.scaleFactor() == 10) {
            s.append("| all 22 within a 16 GiB heap | heap max ").append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB | ")
                    .append(yes(Runtime.getRuntime().maxMemory() <= (16L << 30) + (1L << 28) && Ratios.of(duck.get(b.options.threads().get(0)),
                            mallard.get(b.options.threads().get(0))).missing() == 0)).append(" |\n");
        }
        s.append('\n');
    }

    private static void queryTable(TpchBenchmark b, int threads, StringBuilder s) {
        List<Engine> engines = new ArrayList<>();
        for (Engine e : b.cells.keySet()) {
            if (b.cells.get(e).containsKey(threads)) engines.add(e);
        }
        if (engines.isEmpty()) return;
        boolean ratio = engines.contains(Engine.DUCKDB) && engines.contains(Engine.MALLARD);
        s.append("## Queries at ").append(threads).append(" thread").append(threads == 1 ? "" : "s").append(" (median ms)\n\n");
        if (threads == 1 && engines.stream().anyMatch(e -> !e.threaded)) {
            s.append("H2, HSQLDB and SQLite run a query on one thread; they appear in this table only.\n\n");
        }
        s.append("| query |");
        for (Engine e : engines) s.append(' ').append(e.label).append(" |");
        if (ratio) s.append(" Mallard/DuckDB |");
        s.append("\n|---|");
        for (int i = 0; i < engines.size() + (ratio ? 1 : 0); i++) s.append("---:|");
        s.append('\n');
        Map<Integer, Cell> duck = b.cells.containsKey(Engine.DUCKDB) ? b.cells.get(Engine.DUCKDB).get(threads) : null;
        for (int q : b.options.queries()) {
            s.append("| Q").append(q).append(" |");
            for (int i = 0; i < engines.size(); i++) {
                Cell c = b.cells.get(engines.get(i)).get(threads).get(q);
                s.append(' ').append(ReportFormat.time(c)).append(" |");
            }
            if (ratio) {
                Cell m = b.cells.get(Engine.MALLARD).get(threads).get(q);
                Cell d = duck.get(q);
                s.append(' ').append(ReportFormat.ratio(m, d)).append(" |");
            }
            s.append('\n');
        }
        if (duck != null) {
            s.append("| geometric mean of ratio to DuckDB |");
            for (Engine e : engines) {
                Ratios r = Ratios.of(duck, b.cells.get(e).get(threads));
                s.append(' ').append(r == null ? "" : String.format(Locale.ROOT, "%.2f×", r.geomean())
                        + (r.count() < b.options.queries().size() ? " (" + r.count() + " queries)" : "")).append(" |");
            }
            if (ratio) s.append(" |");
            s.append("\n\nA peer's geometric mean covers only the queries it finished, so timeouts make it look better than it is.\n\n");
        }
    }

    private static String loadPath(Engine e) {
        return switch (e) {
            case DUCKDB -> "appender";
            case MALLARD -> "appender (`MallardConnection.createAppender`)";
            case H2, HSQLDB -> "batched INSERT, one transaction per table";
            case SQLITE -> "batched INSERT, one transaction per table, journal off";
        };
    }
}
