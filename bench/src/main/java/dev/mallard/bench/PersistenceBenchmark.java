package dev.mallard.bench;

import dev.mallard.bench.QuerySuite.Cell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * TPC-H in a database file (issue 4): for each engine in turn, load into a fresh file, CHECKPOINT
 * and close; reopen it several times, timing the connect and the first answer; then run the
 * queries on the reopened file. Mallard's queries also run, interleaved with those, on an
 * in-memory database loaded the same way, so the report can show what reading from a file costs. The report goes between the
 * persistence markers of the output file ({@link ReportSection#PERSISTENCE}).
 *
 * <pre>./benchmark-persistence --sf 1 [--engines duckdb,mallard] [--threads 1,2] [--runs 5]
 *              [--queries 1,3,9] [--timeout 60] [--dir DIR] [--out BENCHMARKS.md]</pre>
 */
public final class PersistenceBenchmark {
    /** Close/reopen cycles timed per engine; the report gives their median. */
    static final int OPEN_CYCLES = 5;
    static final String FIRST_QUERY = "SELECT count(*) FROM region";

    /** The load into a fresh file and the size on disk once it is closed. */
    record FileLoad(long rows, double loadSeconds, double checkpointSeconds, double closeSeconds, DatabaseFiles.Size size) {}

    /** One close/reopen cycle: getConnection, then the first answer (counted from the start), then close. */
    record Open(double connectMs, double firstAnswerMs, double closeMs) {}

    /** One engine's file: its load, its reopens, its queries (threads → query → cell) and its size at the end. */
    record FileRun(FileLoad load, List<Open> opens, Map<Integer, Map<Integer, Cell>> queries, DatabaseFiles.Size finalSize) {}

    final BenchOptions options;
    final QuerySuite suite;
    final Map<Engine, FileRun> files = new EnumMap<>(Engine.class);
    /** Mallard in memory: threads → query → cell. Empty when Mallard is not in the run. */
    final Map<Integer, Map<Integer, Cell>> mallardInMemory = new TreeMap<>();
    double mallardInMemoryLoadSeconds;
    /** Engine misbehaviour that does not stop the run (a failed close, a wrong count): listed in the report. */
    final List<String> problems = new ArrayList<>();

    PersistenceBenchmark(BenchOptions options) {
        this.options = options;
        this.suite = new QuerySuite(options);
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parsePersistence(args);
        PersistenceBenchmark b = new PersistenceBenchmark(options);
        boolean temporary = options.dir() == null;
        Path dir = temporary ? Files.createTempDirectory("mallard-persistence") : Files.createDirectories(Path.of(options.dir()));
        long start = System.nanoTime();
        try {
            for (Engine e : options.engines()) b.measureFile(e, dir);
        } finally {
            if (temporary) deleteTree(dir);
        }
        double minutes = (System.nanoTime() - start) / 6e10;
        String section = PersistenceReport.render(b, minutes);
        ReportSection.PERSISTENCE.write(Path.of(options.out()), section);
        System.out.println(section);
        System.out.println("written to " + options.out() + " (between " + ReportSection.PERSISTENCE.start() + " and " + ReportSection.PERSISTENCE.end() + ")");
    }

    /** Steps 1 to 3 for one engine: load into a fresh file, time the reopens, query the reopened file. */
    private void measureFile(Engine engine, Path dir) throws Exception {
        DatabaseFiles db = DatabaseFiles.in(dir, engine);
        db.delete();
        FileLoad load = load(engine, db);
        List<Open> opens = new ArrayList<>();
        for (int i = 0; i < OPEN_CYCLES; i++) {
            System.gc(); // no collection of the previous cycle's garbage inside the timed open
            opens.add(reopen(engine, db));
            BenchLog.log("%s: reopen %d: connect %.1f ms, first answer %.1f ms, close %.1f ms", engine.label, i + 1,
                    opens.getLast().connectMs(), opens.getLast().firstAnswerMs(), opens.getLast().closeMs());
        }
        Map<Integer, Map<Integer, Cell>> queries = queryReopened(engine, db);
        files.put(engine, new FileRun(load, opens, queries, db.size()));
    }

    private FileLoad load(Engine engine, DatabaseFiles db) throws SQLException, IOException {
        System.gc();
        BenchLog.log("%s: loading SF %s into %s", engine.label, options.scaleFactor(), db.database());
        Connection c = engine.openFile(db.database());
        long t0 = System.nanoTime();
        long rows = engine.load(c, options.scaleFactor());
        long t1 = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        }
        long t2 = System.nanoTime();
        c.close();
        long t3 = System.nanoTime();
        FileLoad load = new FileLoad(rows, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, db.size());
        BenchLog.log("%s: %d rows in %.1f s, checkpoint %.1f s, close %.1f s, %d + %d bytes on disk", engine.label, rows,
                load.loadSeconds(), load.checkpointSeconds(), load.closeSeconds(), load.size().databaseBytes(), load.size().otherBytes());
        return load;
    }

    /**
     * The queries on the reopened file, threads → query → cell. Mallard's in-memory database is
     * loaded beside the file and queried interleaved with it ({@link QuerySuite#run(List, QueryRunner, int)}),
     * so the reopened/in-memory ratios are not skewed by JIT warm-up or by background load on a
     * shared machine; both live in the heap at once.
     */
    private Map<Integer, Map<Integer, Cell>> queryReopened(Engine engine, DatabaseFiles db) throws SQLException {
        Connection memory = engine == Engine.MALLARD ? loadInMemory() : null;
        Map<Integer, Map<Integer, Cell>> byThreads = new TreeMap<>();
        try {
            Connection c = engine.openFile(db.database());
            try (QueryRunner runner = new QueryRunner()) {
                List<QuerySuite.Target> targets = new ArrayList<>();
                targets.add(new QuerySuite.Target(engine, engine.label + " reopened", c));
                if (memory != null) targets.add(new QuerySuite.Target(engine, engine.label + " in memory", memory));
                for (int threads : options.threads()) {
                    System.gc();
                    List<QuerySuite.Pass> passes = suite.run(targets, runner, threads);
                    byThreads.put(threads, passes.get(0).cells());
                    if (memory != null) mallardInMemory.put(threads, passes.get(1).cells());
                }
            } finally {
                close(engine, c, "after the queries");
            }
        } finally {
            if (memory != null) Engine.MALLARD.close(memory);
        }
        return byThreads;
    }

    /** Times one open: getConnection, the first answer, and the close (which may checkpoint). */
    private Open reopen(Engine engine, DatabaseFiles db) throws SQLException {
        long t0 = System.nanoTime();
        Connection c = engine.openFile(db.database());
        long t1 = System.nanoTime();
        long count;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(FIRST_QUERY)) {
            rs.next();
            count = rs.getLong(1);
        }
        long t2 = System.nanoTime();
        close(engine, c, "after a reopen");
        long t3 = System.nanoTime();
        if (count != 5) problems.add(engine.label + ": `" + FIRST_QUERY + "` on the reopened file answered " + count + ", not 5");
        return new Open((t1 - t0) / 1e6, (t2 - t0) / 1e6, (t3 - t2) / 1e6);
    }

    /** A file database's close can fail (it may checkpoint): the run goes on, the report says so. */
    private void close(Engine engine, Connection c, String when) {
        try {
            c.close();
        } catch (SQLException e) {
            problems.add(engine.label + ": close " + when + " failed: " + e.getMessage());
        }
    }

    /** Mallard in memory, loaded exactly as the file, for the reopened/in-memory ratios. */
    private Connection loadInMemory() throws SQLException {
        BenchLog.log("Mallard: loading SF %s in memory", options.scaleFactor());
        Connection c = Engine.MALLARD.open();
        long t0 = System.nanoTime();
        Engine.MALLARD.load(c, options.scaleFactor());
        mallardInMemoryLoadSeconds = (System.nanoTime() - t0) / 1e9;
        return c;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
