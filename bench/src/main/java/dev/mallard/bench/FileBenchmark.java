package dev.mallard.bench;

import dev.mallard.bench.QuerySuite.Cell;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TPC-H lineitem as files (issue 5): generate lineitem and orders as CSV, and as Parquet written
 * by DuckDB, once into a work folder; then, for DuckDB and Mallard at each thread count, time the
 * ingest of the CSV file ({@link CsvIngest}) and the four aggregate queries of
 * {@link FileQueries} on the Parquet and CSV files in place, the engines taking turns run by run
 * ({@link QuerySuite}). A failing engine (Mallard before it has its file readers) gets a failure
 * in each cell it fails, and the run goes on. The report goes between the files markers of the
 * output file ({@link ReportSection#FILES}).
 *
 * <pre>./benchmark-files --sf 1 [--engines duckdb,mallard] [--threads 1,2] [--runs 5] [--timeout 120]
 *              [--dir bench/target/tpch-files] [--out BENCHMARKS.md]</pre>
 */
public final class FileBenchmark {
    final BenchOptions options;
    final TpchFiles files;
    /** threads → engine → the CSV ingest. */
    final Map<Integer, Map<Engine, CsvIngest.Result>> ingest = new TreeMap<>();
    /** source → engine → threads → query → cell. */
    final Map<FileSource, Map<Engine, Map<Integer, Map<Integer, Cell>>>> queries = new EnumMap<>(FileSource.class);

    FileBenchmark(BenchOptions options, TpchFiles files) {
        this.options = options;
        this.files = files;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parseFiles(args);
        long start = System.nanoTime();
        FileBenchmark b = new FileBenchmark(options, TpchFiles.prepare(Path.of(options.dir()), options.scaleFactor()));
        // One runner throughout: once a statement cannot be cancelled, nothing after it is measured beside it.
        try (QueryRunner runner = new QueryRunner()) {
            b.measureIngest(runner);
            b.measureQueries(runner);
        }
        double minutes = (System.nanoTime() - start) / 6e10;
        String section = FileReport.render(b, minutes);
        ReportSection.FILES.write(Path.of(options.out()), section);
        System.out.println(section);
        System.out.println("written to " + options.out() + " (between " + ReportSection.FILES.start() + " and " + ReportSection.FILES.end() + ")");
    }

    private void measureIngest(QueryRunner runner) {
        CsvIngest csv = new CsvIngest(options, files, runner);
        for (int threads : options.threads()) ingest.put(threads, csv.measure(threads));
    }

    /**
     * Each source's queries at each thread count, on one empty in-memory database per engine
     * (the files are all they read), the engines interleaved query by query.
     */
    private void measureQueries(QueryRunner runner) throws Exception {
        List<QuerySuite.Target> targets = new ArrayList<>();
        try {
            for (Engine e : options.engines()) targets.add(new QuerySuite.Target(e, e.label, e.open()));
            for (FileSource source : FileSource.values()) {
                // A suite per source: each keeps its own reference answers, DuckDB's on that source.
                QuerySuite suite = new QuerySuite(options, new FileQueries(files, source));
                Map<Engine, Map<Integer, Map<Integer, Cell>>> bySource = new EnumMap<>(Engine.class);
                queries.put(source, bySource);
                for (int threads : options.threads()) {
                    BenchLog.log("queries on %s at %d thread%s", source.label, threads, threads == 1 ? "" : "s");
                    System.gc();
                    List<QuerySuite.Pass> passes = suite.run(targets, runner, threads);
                    for (int i = 0; i < targets.size(); i++) {
                        bySource.computeIfAbsent(targets.get(i).engine(), e -> new TreeMap<>()).put(threads, passes.get(i).cells());
                    }
                }
            }
        } finally {
            if (!runner.stuck()) for (QuerySuite.Target t : targets) t.engine().close(t.connection());
        }
    }
}
