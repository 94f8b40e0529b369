package dev.mallard.bench;

import dev.mallard.bench.QuerySuite.Cell;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV ingest of issue 5: {@code CREATE TABLE lineitem AS SELECT * FROM read_csv(...)} into a
 * fresh in-memory database for every run, so no run finds the previous one's table, pages or
 * caches. Like {@link QuerySuite}: one warm-up run per engine, then the timed runs taking turns
 * between the engines, the one going first alternating, until each has its runs or has spent the
 * timeout on them (at least one); the median counts. Each run's rows are counted afterwards
 * (untimed) against the rows generated into the file.
 */
final class CsvIngest {
    static final String TABLE = "lineitem";

    /** One engine's ingest at one thread count: its timed runs as a cell (median ms), and the rows the warm-up loaded (-1: none). */
    record Result(Cell cell, long rows) {}

    /** One run's wall time of the CREATE TABLE and rows counted after it, or why there are none. */
    private record Run(double millis, long rows, String status, String failure) {}

    private final BenchOptions options;
    private final TpchFiles files;
    private final QueryRunner runner;

    CsvIngest(BenchOptions options, TpchFiles files, QueryRunner runner) {
        this.options = options;
        this.files = files;
        this.runner = runner;
    }

    /** The timed statement, reading the CSV file through {@code reader} (a table function call). */
    static String sql(String reader) {
        return "CREATE TABLE " + TABLE + " AS SELECT * FROM " + reader;
    }

    /** Every engine of the run at {@code threads}, in the options' order. */
    Map<Engine, Result> measure(int threads) {
        List<Runs> all = new ArrayList<>();
        for (Engine e : options.engines()) all.add(new Runs(e, threads));
        for (int round = 0; ; round++) {
            boolean ran = false;
            for (int k = 0; k < all.size(); k++) {
                Runs r = all.get(round % 2 == 0 ? k : all.size() - 1 - k);
                if (r.wantsRun()) {
                    r.timedRun();
                    ran = true;
                }
            }
            if (!ran) break;
        }
        Map<Engine, Result> out = new LinkedHashMap<>();
        for (Runs r : all) {
            Result result = new Result(r.cell(), r.rows);
            out.put(r.engine, result);
            BenchLog.log("%s ingest threads=%d %s %.1f ms, %d rows", r.engine.label, threads, result.cell().status(),
                    result.cell().medianMs(), result.rows());
        }
        return out;
    }

    /** One engine's runs at one thread count, taken one at a time so that the engines can take turns. */
    private final class Runs {
        private final Engine engine;
        private final int threads;
        private final double[] times = new double[options.runs()];
        private int done;
        private double spent;
        private double firstMs;
        private long rows = -1;
        private Cell failed;

        /** The warm-up run, which also checks the row count. */
        Runs(Engine engine, int threads) {
            this.engine = engine;
            this.threads = threads;
            Run first = once();
            if (first.status() != null) {
                failed = new Cell(0, 0, first.status(), first.failure());
                return;
            }
            firstMs = first.millis();
            rows = first.rows();
            long expected = files.rows(TABLE);
            if (rows != expected) failed = new Cell(0, firstMs, "wrong", "loaded " + rows + " rows, the file has " + expected);
        }

        boolean wantsRun() {
            return failed == null && done < times.length && (done == 0 || spent < options.timeoutSeconds() * 1000.0);
        }

        void timedRun() {
            Run r = once();
            if (r.status() != null) {
                failed = new Cell(0, firstMs, r.status(), r.failure());
                return;
            }
            spent += r.millis();
            if (r.rows() != rows) failed = new Cell(0, firstMs, "wrong", "loaded " + r.rows() + " rows, the warm-up " + rows);
            else times[done++] = r.millis();
        }

        Cell cell() {
            if (failed != null) return failed;
            double[] measured = Arrays.copyOf(times, done);
            Arrays.sort(measured);
            return new Cell(measured[done / 2], firstMs, "ok", done < times.length ? done + " run" + (done == 1 ? "" : "s") : null);
        }

        /** A fresh database, the timed CREATE TABLE, the count, and the database dropped. */
        private Run once() {
            if (runner.stuck()) return new Run(0, -1, "skipped", "an earlier statement could not be cancelled");
            // No collection of the previous run's database inside this one's timing.
            System.gc();
            Connection c;
            try {
                c = engine.open();
            } catch (SQLException e) {
                return new Run(0, -1, "error", "open: " + e.getMessage());
            }
            try {
                engine.setThreads(c, threads);
                QueryRunner.Outcome load = runner.execute(c, sql(files.read(TABLE, FileSource.CSV)), options.timeoutSeconds());
                if (load.answer() == null) return new Run(0, -1, load.timedOut() ? "timeout" : "error", load.failure());
                QueryRunner.Outcome count = runner.run(c, "SELECT count(*) FROM " + TABLE, options.timeoutSeconds());
                if (count.answer() == null) return new Run(0, -1, count.timedOut() ? "timeout" : "error", "count: " + count.failure());
                return new Run(load.millis(), ((Number) count.answer().rows().get(0)[0]).longValue(), null, null);
            } catch (SQLException e) {
                return new Run(0, -1, "error", e.getMessage());
            } finally {
                // A statement that would not stop still uses the connection: leave it be rather than close under it.
                if (!runner.stuck()) engine.close(c);
            }
        }
    }
}
