package dev.mallard.bench;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The lazy table API's bulk writes (issue 7): {@code insertMany} of sparse maps into a new table
 * and {@code upsertMany} into a keyed table, Mallard against DuckDB's appender (and its
 * {@code INSERT … ON CONFLICT}) and SQLite's JDBC batches, every engine in memory
 * ({@link TableRuns}); the report goes between the tables markers of the output file
 * ({@link ReportSection#TABLES}).
 *
 * <pre>./benchmark-tables [--rows 1000000] [--engines mallard,duckdb,sqlite] [--runs 5] [--out BENCHMARKS.md]</pre>
 */
public final class TableApiBenchmark {
    final TableBenchOptions options;
    final SparseRows data;
    final Map<TableWorkload, Map<Engine, TableRuns.Outcome>> results = new EnumMap<>(TableWorkload.class);
    MapReadFloor.Result floor;

    private TableApiBenchmark(TableBenchOptions options, SparseRows data) {
        this.options = options;
        this.data = data;
    }

    public static void main(String[] args) throws Exception {
        TableBenchOptions options = TableBenchOptions.parse(args);
        long start = System.nanoTime();
        BenchLog.log("generating %,d rows and %,d changes", options.rows(), Math.max(2, options.rows() / 10));
        // Generated once and shared by every engine and run: all write the very same maps.
        TableApiBenchmark b = new TableApiBenchmark(options, SparseRows.generate(options.rows()));
        BenchLog.log("reading the maps alone");
        b.floor = MapReadFloor.measure(b.data.rows(), Math.max(1, options.runs()));
        BenchLog.log("reading the maps: %.1f ms on 1 thread, %.1f ms on %d", b.floor.oneThreadMs(), b.floor.allThreadsMs(), b.floor.threads());
        for (TableWorkload w : TableWorkload.values()) {
            BenchLog.log("%s", w.label);
            b.results.put(w, TableRuns.measure(w, b.data, options.engines(), options.runs()));
        }
        double minutes = (System.nanoTime() - start) / 6e10;
        String section = TableReport.render(b, minutes);
        ReportSection.TABLES.write(Path.of(options.out()), section);
        System.out.println(section);
        System.out.println("written to " + options.out() + " (between " + ReportSection.TABLES.start() + " and " + ReportSection.TABLES.end() + ")");
    }
}
