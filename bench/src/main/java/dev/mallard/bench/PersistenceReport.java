package dev.mallard.bench;

import static dev.mallard.bench.ReportFormat.bullets;
import static dev.mallard.bench.ReportFormat.failures;
import static dev.mallard.bench.ReportFormat.mib;
import static dev.mallard.bench.ReportFormat.num;
import static dev.mallard.bench.ReportFormat.threads;
import static dev.mallard.bench.ReportFormat.yes;

import dev.mallard.bench.PersistenceBenchmark.FileRun;
import dev.mallard.bench.PersistenceBenchmark.Open;
import dev.mallard.bench.QuerySuite.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Renders one persistence run as the persistence section of BENCHMARKS.md. */
final class PersistenceReport {
    private PersistenceReport() {}

    /** Issue 4's limits: file size and reopened query times relative to their references, open time in ms. */
    static final double SIZE_LIMIT = 1.2;
    static final double QUERY_LIMIT = 1.2;
    static final double OPEN_LIMIT_MS = 200;

    static String render(PersistenceBenchmark b, double minutes) {
        BenchOptions o = b.options;
        StringBuilder s = new StringBuilder();
        s.append("## Persistence: TPC-H in a database file\n\n");
        s.append("TPC-H at scale factor ").append(num(o.scaleFactor())).append(" loaded into a fresh database file per engine "
                + "(through the appender, as above), then `CHECKPOINT` and close. The file is then closed and reopened ")
                .append(PersistenceBenchmark.OPEN_CYCLES).append(" times, timing `DriverManager.getConnection` and the first answer of `")
                .append(PersistenceBenchmark.FIRST_QUERY).append("` (medians below), and the queries run on the reopened file: each once "
                        + "to warm up, then ").append(o.runs()).append(" times measured, median wall time in ms, every answer checked "
                        + "against DuckDB's. Mallard's queries also run on an in-memory database loaded the same way in the same JVM, "
                        + "interleaved query by query with the reopened file (never at the same moment), so both meet each query "
                        + "with the same JIT state and background load. Engines run one after another, never concurrently. The files are reopened right after being written, so they sit in the OS page cache: "
                        + "these are warm-cache opens. Written by `./benchmark-persistence`, which replaces only this section; "
                        + "`./benchmark`, `./benchmark-files` and `./benchmark-java` keep it.\n\n");
        s.append("### Command and machine\n\n").append(MachineNote.render("./benchmark-persistence " + String.join(" ", o.args()), minutes));
        targets(b, s);
        filesTable(b, s);
        opensTable(b, s);
        for (int threads : o.threads()) queryTable(b, threads, s);
        checks(b, s);
        return s.toString();
    }

    private static void targets(PersistenceBenchmark b, StringBuilder s) {
        boolean sf1 = b.options.scaleFactor() == 1;
        String judged = "(SF 1 only)";
        s.append("### Targets (issue 4)\n\n| target | measured | met |\n|---|---|---|\n");
        FileRun mallard = b.files.get(Engine.MALLARD);
        FileRun duck = b.files.get(Engine.DUCKDB);
        if (mallard == null) {
            s.append("| (needs Mallard in the run) | | |\n\n");
            return;
        }
        if (duck != null) {
            double ratio = (double) mallard.load().size().total() / duck.load().size().total();
            s.append("| file size ≤ ").append(num(SIZE_LIMIT)).append("× DuckDB's | ")
                    .append(String.format(Locale.ROOT, "%.2f× (%s / %s)", ratio, mib(mallard.load().size().total()), mib(duck.load().size().total())))
                    .append(" | ").append(sf1 ? yes(ratio <= SIZE_LIMIT) : judged).append(" |\n");
        }
        double open = median(mallard.opens(), Open::firstAnswerMs);
        s.append("| open of the file under ").append(num(OPEN_LIMIT_MS)).append(" ms (connect + first answer, median) | ")
                .append(String.format(Locale.ROOT, "%.1f ms", open)).append(" | ").append(sf1 ? yes(open < OPEN_LIMIT_MS) : judged).append(" |\n");
        for (int threads : b.options.threads()) {
            Ratios r = Ratios.of(b.mallardInMemory.get(threads), mallard.queries().get(threads));
            if (r == null) continue;
            s.append("| queries on the reopened file within ").append(num(QUERY_LIMIT)).append("× of in memory, at ").append(threads(threads))
                    .append(" | ").append(String.format(Locale.ROOT, "max %.2f× (Q%d), geometric mean %.2f× over %d queries%s", r.max(), r.maxQuery(),
                            r.geomean(), r.count(), r.missing() > 0 ? " (" + r.missing() + " without a time)" : ""))
                    .append(" | ").append(sf1 ? yes(r.max() <= QUERY_LIMIT && r.missing() == 0) : judged).append(" |\n");
        }
        s.append('\n');
    }

    private static void filesTable(PersistenceBenchmark b, StringBuilder s) {
        s.append("### Files\n\nSize on disk after `CHECKPOINT` and close: the database file, and any other file under its name "
                + "(a WAL left behind); the last column is the total again after the reopens and the queries.\n\n");
        s.append("| engine | rows | load (s) | CHECKPOINT (s) | close (s) | database file (bytes) | other files (bytes) | total | "
                + "size / DuckDB's | total after the queries |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        FileRun duck = b.files.get(Engine.DUCKDB);
        for (var e : b.files.entrySet()) {
            PersistenceBenchmark.FileLoad l = e.getValue().load();
            s.append("| ").append(e.getKey().label).append(" | ").append(l.rows()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f | %.2f | %.2f | ", l.loadSeconds(), l.checkpointSeconds(), l.closeSeconds()))
                    .append(l.size().databaseBytes()).append(" | ").append(l.size().otherBytes()).append(" | ").append(mib(l.size().total())).append(" | ")
                    .append(duck == null ? "" : String.format(Locale.ROOT, "%.2f", (double) l.size().total() / duck.load().size().total())).append(" | ")
                    .append(mib(e.getValue().finalSize().total())).append(" |\n");
        }
        if (!b.mallardInMemory.isEmpty()) {
            s.append(String.format(Locale.ROOT, "| Mallard in memory | | %.1f | | | | | | | |%n", b.mallardInMemoryLoadSeconds));
        }
        s.append('\n');
    }

    private static void opensTable(PersistenceBenchmark b, StringBuilder s) {
        int first = b.options.threads().get(0);
        s.append("### Open\n\nMedians of ").append(PersistenceBenchmark.OPEN_CYCLES).append(" close/reopen cycles in ms; "
                + "\"connect + first answer\" counts from `getConnection` to the answer of `").append(PersistenceBenchmark.FIRST_QUERY)
                .append("`, and all cycles are listed after it (the first includes class loading). \"First runs\" is the sum of each query's warm-up run on the reopened file at ")
                .append(threads(first)).append(", against the same sum in memory: an engine that reads columns from the file lazily pays for that here. "
                        + "Each query's warm-up on Mallard's file precedes the one in memory, so the "
                        + "JIT warm-up of the first queries falls on the file's side.\n\n");
        s.append("| engine | connect | connect + first answer | (each cycle) | close | first runs of the queries (ms) |\n"
                + "|---|---:|---:|---|---:|---:|\n");
        for (var e : b.files.entrySet()) {
            List<Open> opens = e.getValue().opens();
            List<String> each = new ArrayList<>();
            for (Open o : opens) each.add(String.format(Locale.ROOT, "%.0f", o.firstAnswerMs()));
            s.append("| ").append(e.getKey().label).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f | %.1f | ", median(opens, Open::connectMs), median(opens, Open::firstAnswerMs)))
                    .append(String.join(", ", each)).append(" | ").append(String.format(Locale.ROOT, "%.1f", median(opens, Open::closeMs))).append(" | ")
                    .append(firstRuns(e.getValue().queries().get(first))).append(" |\n");
        }
        if (!b.mallardInMemory.isEmpty()) {
            s.append("| Mallard in memory | | | | | ").append(firstRuns(b.mallardInMemory.get(first))).append(" |\n");
        }
        s.append('\n');
    }

    private static void queryTable(PersistenceBenchmark b, int threads, StringBuilder s) {
        Map<Integer, Cell> memory = b.mallardInMemory.get(threads);
        FileRun mallardRun = b.files.get(Engine.MALLARD);
        FileRun duckRun = b.files.get(Engine.DUCKDB);
        Map<Integer, Cell> mallard = mallardRun == null ? null : mallardRun.queries().get(threads);
        Map<Integer, Cell> duck = duckRun == null ? null : duckRun.queries().get(threads);
        s.append("### Queries at ").append(threads(threads)).append(" (median ms)\n\n");
        s.append("| query | Mallard in memory | Mallard reopened | reopened / in memory | DuckDB reopened | Mallard / DuckDB, reopened |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        for (int q : b.options.queries()) {
            Cell m = get(memory, q), f = get(mallard, q), d = get(duck, q);
            s.append("| Q").append(q).append(" | ").append(ReportFormat.time(m)).append(" | ").append(ReportFormat.time(f)).append(" | ")
                    .append(ReportFormat.ratio(f, m)).append(" | ").append(ReportFormat.time(d)).append(" | ").append(ReportFormat.ratio(f, d)).append(" |\n");
        }
        Ratios fileToMemory = Ratios.of(memory, mallard);
        Ratios toDuck = Ratios.of(duck, mallard);
        s.append("| geometric mean | | | ").append(fileToMemory == null ? "" : String.format(Locale.ROOT, "%.2f×", fileToMemory.geomean()))
                .append(" | | ").append(toDuck == null ? "" : String.format(Locale.ROOT, "%.2f×", toDuck.geomean())).append(" |\n");
        s.append("| max | | | ").append(fileToMemory == null ? "" : String.format(Locale.ROOT, "%.2f× (Q%d)", fileToMemory.max(), fileToMemory.maxQuery()))
                .append(" | | ").append(toDuck == null ? "" : String.format(Locale.ROOT, "%.2f× (Q%d)", toDuck.max(), toDuck.maxQuery())).append(" |\n\n");
    }

    private static void checks(PersistenceBenchmark b, StringBuilder s) {
        List<String> notes = new ArrayList<>(b.problems);
        for (var e : b.files.entrySet()) notes.addAll(failures(e.getKey().label + " reopened", e.getValue().queries(), q -> "Q" + q));
        notes.addAll(failures("Mallard in memory", b.mallardInMemory, q -> "Q" + q));
        s.append("### Answer checks and problems\n\n");
        if (!b.files.containsKey(Engine.DUCKDB)) s.append("DuckDB was not in this run, so no answer was checked.\n\n");
        if (notes.isEmpty()) {
            s.append(b.files.containsKey(Engine.DUCKDB) ? "Every answer equals DuckDB's, and every open and close succeeded.\n\n"
                    : "Every open and close succeeded.\n\n");
            return;
        }
        bullets(notes, s);
    }

    private static String firstRuns(Map<Integer, Cell> cells) {
        if (cells == null) return "";
        double sum = 0;
        for (Cell c : cells.values()) sum += c.firstMs();
        return String.format(Locale.ROOT, "%.0f", sum);
    }

    private static Cell get(Map<Integer, Cell> cells, int q) {
        return cells == null ? null : cells.get(q);
    }

    private static <T> double median(List<T> values, ToDoubleFunction<T> f) {
        double[] v = values.stream().mapToDouble(f).sorted().toArray();
        return v.length == 0 ? 0 : v[v.length / 2];
    }
}
