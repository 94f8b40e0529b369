package dev.mallard.bench;

import dev.mallard.Mallard;
import dev.mallard.api.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SQL on Java data (issue 6), DuckDB's "SQL on pandas" comparison done for Java: TPC-H lineitem
 * and orders generated in this JVM as {@code List<Lineitem>} and {@code List<Order>} records;
 * queries a–d of {@link FileQueries} run by Mallard on the lists in place (registered, read
 * through the Java API), by the idiomatic Java Streams code ({@link StreamsQueries}), and by
 * DuckDB on the same rows appended into its own tables; at each thread count, the three taking
 * turns run by run ({@link QuerySuite}), every answer checked against DuckDB's; for context, Mallard
 * also runs them on tables copied from the lists, so the report shows what reading records costs
 * against Mallard's own column storage. Then the cost of
 * registering a ten-million-element list and getting the first rows ({@link FirstRows}). The
 * report goes between the java markers of the output file ({@link ReportSection#JAVA}).
 *
 * <pre>./benchmark-java --sf 1 [--threads 1,2] [--runs 5] [--timeout 60] [--out BENCHMARKS.md]</pre>
 */
public final class JavaDataBenchmark {
    final BenchOptions options;
    TpchRecords data;
    double generateSeconds;
    double duckDbAppendSeconds;
    double mallardCopySeconds;
    long heapAfterGenerate;
    /** threads → query → cell, per contender. */
    final Map<Integer, Map<Integer, QuerySuite.Cell>> mallard = new TreeMap<>();
    final Map<Integer, Map<Integer, QuerySuite.Cell>> mallardTables = new TreeMap<>();
    final Map<Integer, Map<Integer, QuerySuite.Cell>> streams = new TreeMap<>();
    final Map<Integer, Map<Integer, QuerySuite.Cell>> duckdb = new TreeMap<>();
    List<FirstRows.Timing> firstRows = List.of();
    int firstRowsThreads;

    JavaDataBenchmark(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parseJava(args);
        long start = System.nanoTime();
        JavaDataBenchmark b = new JavaDataBenchmark(options);
        b.generate();
        b.measure();
        double minutes = (System.nanoTime() - start) / 6e10;
        String section = JavaDataReport.render(b, minutes);
        ReportSection.JAVA.write(Path.of(options.out()), section);
        System.out.println(section);
        System.out.println("written to " + options.out() + " (between " + ReportSection.JAVA.start() + " and " + ReportSection.JAVA.end() + ")");
    }

    private void generate() {
        BenchLog.log("generating lineitem and orders at SF %s as records", ReportFormat.num(options.scaleFactor()));
        long t0 = System.nanoTime();
        data = TpchRecords.generate(options.scaleFactor());
        generateSeconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        Runtime rt = Runtime.getRuntime();
        heapAfterGenerate = rt.totalMemory() - rt.freeMemory();
        BenchLog.log("%,d lineitems, %,d orders in %.1f s", data.lineitems().size(), data.orders().size(), generateSeconds);
    }

    private void measure() throws Exception {
        QuerySuite suite = new QuerySuite(options, FileQueries.onTables("lineitem", "orders"));
        Connection duck = Engine.DUCKDB.open();
        // One runner throughout: once a query cannot be stopped, nothing after it is measured beside it.
        try (QueryRunner runner = new QueryRunner(); Database db = Mallard.open(); Database tables = Mallard.open();
                StreamsContender javaStreams = new StreamsContender(new StreamsQueries(data.lineitems(), data.orders()))) {
            long t0 = System.nanoTime();
            RecordTables.load(duck, "lineitem", Lineitem.class, data.lineitems());
            RecordTables.load(duck, "orders", Order.class, data.orders());
            duckDbAppendSeconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            copy(tables, "lineitem", data.lineitems());
            copy(tables, "orders", data.orders());
            mallardCopySeconds = (System.nanoTime() - t0) / 1e9;
            db.register("lineitem", data.lineitems());
            db.register("orders", data.orders());
            // DuckDB first: its warm-up answers are the reference the others are checked against.
            List<Contender> contenders = List.of(new QuerySuite.Target(Engine.DUCKDB, "DuckDB", duck),
                    new MallardApi("Mallard on the lists", db), new MallardApi("Mallard on its tables", tables), javaStreams);
            List<Map<Integer, Map<Integer, QuerySuite.Cell>>> results = List.of(duckdb, mallard, mallardTables, streams);
            for (int threads : options.threads()) {
                BenchLog.log("queries at %s", ReportFormat.threads(threads));
                System.gc();
                List<QuerySuite.Pass> passes = suite.run(contenders, runner, threads);
                for (int i = 0; i < passes.size(); i++) results.get(i).put(threads, passes.get(i).cells());
            }
            if (!runner.stuck()) Engine.DUCKDB.close(duck);
            firstRowsThreads = Collections.max(options.threads());
            db.sql("SET threads = " + firstRowsThreads);
            System.gc();
            firstRows = FirstRows.measure(db, options.runs());
        }
    }

    /** {@code CREATE TABLE name AS} the list's rows, through a registration dropped afterwards. */
    private static void copy(Database db, String name, List<?> rows) {
        db.register(name + "_list", rows);
        db.sql("CREATE TABLE " + name + " AS SELECT * FROM " + name + "_list");
        db.unregister(name + "_list");
    }
}
