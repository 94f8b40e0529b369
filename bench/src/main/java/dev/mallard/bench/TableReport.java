package dev.mallard.bench;

import static dev.mallard.bench.ReportFormat.yes;

import dev.mallard.bench.QuerySuite.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders one table benchmark run as the tables section of BENCHMARKS.md. */
final class TableReport {
    private TableReport() {}

    /** Issue 7's targets: Mallard's throughput over the peer's, at least this much. */
    private record Target(TableWorkload workload, Engine peer, double limit, String peerPath) {}

    private static final List<Target> TARGETS = List.of(
            new Target(TableWorkload.INSERT, Engine.DUCKDB, 1, "DuckDB's appender"),
            new Target(TableWorkload.INSERT, Engine.SQLITE, 10, "SQLite's JDBC batch"),
            new Target(TableWorkload.UPSERT, Engine.DUCKDB, 1, "DuckDB's INSERT … ON CONFLICT"));

    static String render(TableApiBenchmark b, double minutes) {
        TableBenchOptions o = b.options;
        int changes = b.data.changes().size();
        StringBuilder s = new StringBuilder();
        s.append("## Tables: the lazy table API's bulk writes\n\n");
        s.append(String.format(Locale.ROOT, "**insertMany**: %,d rows into a new table. **upsertMany**: %,d rows (half new keys, half "
                + "existing ones spread over the table) into a table of %,d rows keyed by a unique `key` column. ", o.rows(), changes, o.rows()));
        s.append("Each row is a `HashMap` of ten keys — `key` (BIGINT, always present) and nine values (BIGINT, DOUBLE, VARCHAR, DATE, BOOLEAN), ")
                .append(SparseRows.MISSING_IN_TEN).append(" in ten of them left out of each map — generated once from fixed seeds, and every "
                        + "engine writes the same maps. An upsert sets the values a row names and keeps the stored row's others (the lazy API's "
                        + "meaning), so the peers' `DO UPDATE` takes `coalesce(excluded.c, c)`. Every engine runs **in memory** "
                        + "(Mallard `Mallard.open()`, DuckDB `jdbc:duckdb:`, SQLite `jdbc:sqlite::memory:` with its default journal), at their "
                        + "default thread counts. Each run gets a fresh database; the upsert's table is loaded and indexed before the clock "
                        + "starts (Mallard's unique index on `key` by an upsert that changes nothing, as its first upsert would build it; the "
                        + "peers' by a `PRIMARY KEY` on `key`). ").append(TableRuns.WARMUPS).append(" warm-up runs and ")
                .append(o.runs()).append(" timed run").append(o.runs() == 1 ? "" : "s")
                .append(" per engine, the engines taking turns; medians, and throughput as rows written per second. The first run's time "
                        + "is the *first run* column: it includes compiling Mallard's code (the JIT), which takes about three calls of a "
                        + "million rows to finish. After every run the "
                        + "table's checksum (rows, sum of `key` and `qty`, NULL `label`s, true `active`s, present `created` dates) is compared "
                        + "with the one computed from the Java maps. Written by `./benchmark-tables`, which replaces only this section; "
                        + "`./benchmark` keeps it.\n\n");
        s.append("### Command and machine\n\n").append(MachineNote.render("./benchmark-tables " + String.join(" ", o.args()), minutes));
        targets(b, s);
        for (TableWorkload w : TableWorkload.values()) workloadTable(b, w, s);
        floor(b, s);
        checks(b, s);
        return s.toString();
    }

    private static void targets(TableApiBenchmark b, StringBuilder s) {
        boolean judged = b.options.rows() == TableBenchOptions.DOCUMENTED_ROWS;
        s.append("### Targets (issue 7)\n\n| target | measured | met |\n|---|---|---|\n");
        for (Target t : TARGETS) {
            Map<Engine, TableRuns.Outcome> byEngine = b.results.get(t.workload());
            TableRuns.Outcome m = byEngine.get(Engine.MALLARD), p = byEngine.get(t.peer());
            s.append("| Mallard `").append(t.workload().label).append("` throughput ≥ ").append(ReportFormat.num(t.limit())).append("× ")
                    .append(t.peerPath()).append(" | ");
            if (m == null || p == null) {
                s.append("(needs Mallard and ").append(t.peer().label).append(" in the run) | |\n");
                continue;
            }
            String ratio = ReportFormat.ratio(p.cell(), m.cell());
            boolean checked = m.matches() && p.matches();
            s.append(ratio.isEmpty() ? "no time" : ratio + "×").append(checked ? "" : " (a table differs from the expected one)").append(" | ")
                    .append(!judged ? String.format(Locale.ROOT, "(%,d rows only)", TableBenchOptions.DOCUMENTED_ROWS)
                            : yes(checked && !ratio.isEmpty() && p.cell().medianMs() / m.cell().medianMs() >= t.limit()))
                    .append(" |\n");
        }
        s.append('\n');
    }

    /** The cost of reading the maps alone, next to the time a throughput target against SQLite's batch leaves. */
    private static void floor(TableApiBenchmark b, StringBuilder s) {
        MapReadFloor.Result f = b.floor;
        if (f == null) return;
        s.append("### Reading the maps alone\n\n");
        s.append("Every entry of every one of the insertMany maps read once (key and value, iterating `entrySet()`), nothing stored: "
                + "what any engine's insertMany spends before storage work begins. Median of the runs, after a full collection.\n\n");
        s.append("| threads | median (s) |\n|---:|---:|\n");
        s.append(String.format(Locale.ROOT, "| 1 | %.3f |\n| %d | %.3f |\n", f.oneThreadMs() / 1000, f.threads(), f.allThreadsMs() / 1000));
        TableRuns.Outcome sqlite = b.results.getOrDefault(TableWorkload.INSERT, Map.of()).get(Engine.SQLITE);
        if (sqlite != null && sqlite.cell().ok()) {
            double budget = sqlite.cell().medianMs() / 10;
            s.append(String.format(Locale.ROOT, "%nTen times SQLite's batch throughput leaves %.3f s for the whole insertMany; reading the maps alone "
                    + "takes %.1f× that on one thread and %.1f× on %d.%n", budget / 1000, f.oneThreadMs() / budget, f.allThreadsMs() / budget, f.threads()));
        }
        s.append('\n');
    }

    /** A row per engine: how, median, rows per second, warm-up, and Mallard's throughput over the engine's. */
    private static void workloadTable(TableApiBenchmark b, TableWorkload w, StringBuilder s) {
        Map<Engine, TableRuns.Outcome> byEngine = b.results.get(w);
        int rows = w.rowsWritten(b.data);
        TableRuns.Outcome mallard = byEngine.get(Engine.MALLARD);
        s.append(String.format(Locale.ROOT, "### %s: %,d rows\n\n", w.label, rows));
        s.append("| engine | how | median (s) | rows/s | first run (s) | Mallard/engine throughput |\n|---|---|---:|---:|---:|---:|\n");
        for (var e : byEngine.entrySet()) {
            Cell c = e.getValue().cell();
            TableContender how = TableContender.of(e.getKey());
            s.append("| ").append(e.getKey().label).append(" | ").append(w == TableWorkload.INSERT ? how.insertPath() : how.upsertPath()).append(" | ");
            if (c.ok()) s.append(String.format(Locale.ROOT, "%.2f | %,.0f | ", c.medianMs() / 1000, rows / (c.medianMs() / 1000)));
            else s.append(c.status()).append(" | | ");
            s.append(c.firstMs() > 0 ? String.format(Locale.ROOT, "%.2f", c.firstMs() / 1000) : "").append(" | ");
            if (mallard != null) s.append(ReportFormat.ratio(c, mallard.cell()));
            s.append(" |\n");
        }
        s.append('\n');
    }

    /** Every engine's table after its last run against the expected one; differences and failures spelt out. */
    private static void checks(TableApiBenchmark b, StringBuilder s) {
        s.append("### Table checks\n\n| workload | engine | table after the last run | as expected |\n|---|---|---|---|\n");
        List<String> problems = new ArrayList<>();
        for (var w : b.results.entrySet()) {
            RowChecksum expected = w.getKey().expected(b.data);
            s.append("| ").append(w.getKey().label).append(" | (expected, from the Java maps) | ").append(expected.text()).append(" | |\n");
            for (var e : w.getValue().entrySet()) {
                TableRuns.Outcome o = e.getValue();
                s.append("| ").append(w.getKey().label).append(" | ").append(e.getKey().label).append(" | ")
                        .append(o.checksum() == null ? "" : o.checksum().text()).append(" | ").append(yes(o.matches())).append(" |\n");
                String where = e.getKey().label + " " + w.getKey().label;
                if (o.mismatch() != null) problems.add(where + ": a run left " + o.mismatch().text() + "; expected " + expected.text());
                if (!o.cell().ok()) problems.add(where + ", " + o.cell().status() + ": " + o.cell().note());
            }
        }
        s.append('\n');
        if (problems.isEmpty()) {
            s.append("Every run of every engine left the expected table.\n\n");
        } else {
            s.append("Problems:\n\n");
            ReportFormat.bullets(problems, s);
        }
    }
}
