package dev.mallard.bench;

import static dev.mallard.bench.ReportFormat.bullets;
import static dev.mallard.bench.ReportFormat.failures;
import static dev.mallard.bench.ReportFormat.mib;
import static dev.mallard.bench.ReportFormat.num;
import static dev.mallard.bench.ReportFormat.threads;
import static dev.mallard.bench.ReportFormat.yes;

import dev.mallard.bench.QuerySuite.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders one Java data run as the java section of BENCHMARKS.md. */
final class JavaDataReport {
    private JavaDataReport() {}

    /** Issue 6's targets: Mallard at least 5× faster than Streams on b–d, no slower than DuckDB, first rows of a big list under 50 ms. */
    static final double STREAMS_SPEEDUP = 5;
    static final List<Integer> SPEEDUP_QUERIES = List.of(2, 3, 4);
    static final double DUCKDB_LIMIT = 1.0;
    static final double FIRST_ROWS_LIMIT_MS = 50;

    static String render(JavaDataBenchmark b, double minutes) {
        BenchOptions o = b.options;
        StringBuilder s = new StringBuilder();
        s.append("## Java data: SQL on lists of records\n\n");
        s.append("DuckDB's \"SQL on pandas\" comparison, for Java: TPC-H lineitem and orders at scale factor ").append(num(o.scaleFactor()))
                .append(", generated in the benchmark's JVM by `io.trino.tpch` as `List<Lineitem>` and `List<Order>` of records "
                        + "(money and quantities as `double`, dates as `LocalDate`, flags as `String`; repeated values share one object). "
                        + "Three contenders answer the four queries below on the same data in the same run: **Mallard** on the lists in place "
                        + "(`db.register(\"lineitem\", lineitems)`, the SQL through `db.sql(...)`, rows read back as Java values), the idiomatic "
                        + "**Java Streams** code (`Collectors.groupingBy` with `summarizingDouble`, a `HashSet` of the open orders' keys for (d); "
                        + "sequential at 1 thread, `.parallel()` inside a `ForkJoinPool` of that many workers otherwise), and **DuckDB** on the same "
                        + "rows appended into its own tables (same column types) through its Appender; for context, not for a target, Mallard also "
                        + "runs them on tables copied from the lists (`CREATE TABLE ... AS`), which shows what reading records costs against its own "
                        + "column storage. At each thread count (`SET threads` for the engines) each query runs once per contender to warm up and then ").append(o.runs())
                .append(" timed times, the contenders taking turns run by run; median wall time in ms with the answer read in full, every "
                        + "answer checked against DuckDB's (floating-point aggregates within a relative 10⁻⁹). Then the cost of starting on a big "
                        + "list: a ").append(String.format(Locale.ROOT, "%,d", FirstRows.ROWS)).append("-element list registered afresh and queried "
                        + "until the first row is in hand, timed together. Written by `./benchmark-java`, which replaces only this section; "
                        + "`./benchmark`, `./benchmark-persistence` and `./benchmark-files` keep it.\n\n");
        s.append("### Command and machine\n\n").append(MachineNote.render("./benchmark-java " + String.join(" ", o.args()), minutes));
        targets(b, s);
        dataTable(b, s);
        queryTable(b, s);
        firstRowsTable(b, s);
        queryTexts(s);
        checks(b, s);
        return s.toString();
    }

    private static void targets(JavaDataBenchmark b, StringBuilder s) {
        boolean sf1 = b.options.scaleFactor() == 1;
        String judged = "(SF 1 only)";
        s.append("### Targets (issue 6)\n\n| target | measured | met |\n|---|---|---|\n");
        for (int threads : b.options.threads()) {
            List<String> speedups = new ArrayList<>();
            boolean met = true;
            for (int q : SPEEDUP_QUERIES) {
                Cell m = cell(b.mallard, threads, q), j = cell(b.streams, threads, q);
                boolean timed = m != null && j != null && m.ok() && j.ok();
                double speedup = timed ? j.medianMs() / m.medianMs() : 0;
                met &= timed && speedup >= STREAMS_SPEEDUP;
                speedups.add(FileQueries.nameOf(q) + " " + (timed ? String.format(Locale.ROOT, "%.1f×", speedup) : "no time"));
            }
            s.append("| Mallard ≥ ").append(num(STREAMS_SPEEDUP)).append("× faster than Java Streams on (b), (c), (d), at ").append(threads(threads))
                    .append(" | ").append(String.join(", ", speedups)).append(" | ").append(sf1 ? yes(met) : judged).append(" |\n");
        }
        for (int threads : b.options.threads()) {
            Ratios r = Ratios.of(b.duckdb.get(threads), b.mallard.get(threads));
            String measured = r == null ? "no query timed on both"
                    : String.format(Locale.ROOT, "max %.2f× (%s), geometric mean %.2f× over %d queries%s", r.max(), FileQueries.nameOf(r.maxQuery()),
                            r.geomean(), r.count(), r.missing() > 0 ? " (" + r.missing() + " without a time)" : "");
            boolean met = r != null && r.max() <= DUCKDB_LIMIT && r.missing() == 0 && r.count() == FileQueries.IDS.size();
            s.append("| Mallard on the lists ≤ DuckDB's time on its tables, each query, at ").append(threads(threads)).append(" | ")
                    .append(measured).append(" | ").append(sf1 ? yes(met) : judged).append(" |\n");
        }
        for (FirstRows.Timing t : b.firstRows) {
            if (!t.judged()) continue;
            s.append("| register a ").append(String.format(Locale.ROOT, "%,d", FirstRows.ROWS)).append("-element list and get ").append(t.what())
                    .append(" in < ").append(num(FIRST_ROWS_LIMIT_MS)).append(" ms (`").append(t.sql()).append("`, median) | ")
                    .append(String.format(Locale.ROOT, "%.1f ms", t.medianMs())).append(" | ").append(yes(t.medianMs() < FIRST_ROWS_LIMIT_MS)).append(" |\n");
        }
        s.append('\n');
    }

    private static void dataTable(JavaDataBenchmark b, StringBuilder s) {
        s.append("### Data\n\n| | |\n|---|---:|\n");
        s.append("| lineitems | ").append(String.format(Locale.ROOT, "%,d", b.data.lineitems().size())).append(" |\n");
        s.append("| orders | ").append(String.format(Locale.ROOT, "%,d", b.data.orders().size())).append(" |\n");
        s.append("| generating both lists | ").append(String.format(Locale.ROOT, "%.1f s", b.generateSeconds)).append(" |\n");
        s.append("| heap in use after generating (after a GC) | ").append(mib(b.heapAfterGenerate)).append(" |\n");
        s.append("| appending both into DuckDB | ").append(String.format(Locale.ROOT, "%.1f s", b.duckDbAppendSeconds)).append(" |\n");
        s.append("| copying both into Mallard tables (`CREATE TABLE ... AS` from the lists) | ")
                .append(String.format(Locale.ROOT, "%.1f s", b.mallardCopySeconds)).append(" |\n");
        s.append("| registering both with Mallard | no copy: each query reads the lists |\n\n");
    }

    /** A table per thread count: a row per query, each contender's median and the ratios the targets are about. */
    private static void queryTable(JavaDataBenchmark b, StringBuilder s) {
        for (int threads : b.options.threads()) {
            s.append("### Queries at ").append(threads(threads)).append(" (median ms)\n\n")
                    .append("| query | Mallard on the lists | Java Streams | DuckDB on its tables | Mallard on its tables | Streams/Mallard"
                            + " | Mallard/DuckDB | lists/tables (Mallard) |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (int q : FileQueries.IDS) {
                Cell m = cell(b.mallard, threads, q), j = cell(b.streams, threads, q), d = cell(b.duckdb, threads, q);
                Cell t = cell(b.mallardTables, threads, q);
                s.append("| ").append(FileQueries.nameOf(q)).append(" | ").append(ReportFormat.time(m)).append(" | ").append(ReportFormat.time(j))
                        .append(" | ").append(ReportFormat.time(d)).append(" | ").append(ReportFormat.time(t)).append(" | ")
                        .append(ReportFormat.ratio(j, m)).append(" | ").append(ReportFormat.ratio(m, d)).append(" | ")
                        .append(ReportFormat.ratio(m, t)).append(" |\n");
            }
            s.append('\n');
        }
    }

    private static void firstRowsTable(JavaDataBenchmark b, StringBuilder s) {
        s.append("### Registering a big list and the first rows\n\n`record Point(long id, double x)`, ")
                .append(String.format(Locale.ROOT, "%,d", FirstRows.ROWS)).append(" of them in an `ArrayList`, Mallard at ").append(threads(b.firstRowsThreads))
                .append(". Each run calls `db.register(\"big\", list)` and runs the query until its first row is in hand; the first run is cold, the median is of ")
                .append(b.options.runs()).append(" more. The filter's first row is not held to the target: it shows whether rows are handed out "
                        + "while the scan still runs.\n\n");
        s.append("| statement | what arrives | first run (ms) | median (ms) |\n|---|---|---:|---:|\n");
        for (FirstRows.Timing t : b.firstRows) {
            s.append("| `").append(t.sql()).append("` | ").append(t.what()).append(" | ").append(String.format(Locale.ROOT, "%.1f", t.firstMs()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", t.medianMs())).append(" |\n");
        }
        s.append('\n');
    }

    private static void queryTexts(StringBuilder s) {
        s.append("### Queries\n\nThe same text for Mallard (on the registered lists, and on its tables) and DuckDB (on its tables).\n\n```sql\n");
        for (int id : FileQueries.IDS) {
            s.append("-- ").append(FileQueries.nameOf(id)).append('\n').append(FileQueries.text(id, "lineitem", "orders")).append(";\n");
        }
        s.append("```\n\n");
    }

    private static void checks(JavaDataBenchmark b, StringBuilder s) {
        List<String> problems = new ArrayList<>();
        problems.addAll(failures("Mallard on the lists", b.mallard, FileQueries::nameOf));
        problems.addAll(failures("Mallard on its tables", b.mallardTables, FileQueries::nameOf));
        problems.addAll(failures("Java Streams", b.streams, FileQueries::nameOf));
        problems.addAll(failures("DuckDB", b.duckdb, FileQueries::nameOf));
        s.append("### Answer checks and problems\n\n");
        if (problems.isEmpty()) {
            s.append("Every answer of Mallard and of the Streams code equals DuckDB's.\n\n");
            return;
        }
        bullets(problems, s);
    }

    private static Cell cell(Map<Integer, Map<Integer, Cell>> byThreads, int threads, int query) {
        Map<Integer, Cell> cells = byThreads.get(threads);
        return cells == null ? null : cells.get(query);
    }
}
