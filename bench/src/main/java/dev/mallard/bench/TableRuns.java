package dev.mallard.bench;

import dev.mallard.bench.QuerySuite.Cell;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workload of the table benchmark for every engine: {@link #WARMUPS} warm-up runs each, then the timed runs
 * taking turns between the engines (the one going first alternating, so none always runs on a
 * machine the previous one just heated), each on a fresh database; the median counts. After every
 * run the table is checked against the expected checksum; a run that differs keeps its time (the
 * report shows both) but the first difference is kept and the engine's target is not met.
 */
final class TableRuns {
    /**
     * One engine's result: its timed runs as a cell (median ms, warm-up ms; an error when a run
     * failed), the checksum its table had after the last run, and the first differing one, if any.
     */
    record Outcome(Cell cell, RowChecksum checksum, RowChecksum mismatch) {
        boolean matches() {
            return cell.ok() && mismatch == null;
        }
    }

    /**
     * Untimed runs per engine before the timed ones. Mallard's insert path reaches compiled speed
     * only after about three calls of a million rows (its loops are compiled while they run, on the
     * same two cores); after one warm-up the median of five mixed compiling and compiled runs, and
     * moved by tens of percent from run to run. The first run's time is reported apart.
     */
    static final int WARMUPS = 3;

    private TableRuns() {}

    static Map<Engine, Outcome> measure(TableWorkload workload, SparseRows data, List<Engine> engines, int runs) {
        RowChecksum expected = workload.expected(data);
        List<Series> all = new ArrayList<>();
        for (Engine e : engines) all.add(new Series(e, workload, data, expected, runs));
        for (int round = 0; round < runs; round++) {
            for (int k = 0; k < all.size(); k++) all.get(round % 2 == 0 ? k : all.size() - 1 - k).timedRun();
        }
        Map<Engine, Outcome> out = new LinkedHashMap<>();
        for (Series s : all) {
            Outcome o = s.outcome();
            out.put(s.engine, o);
            BenchLog.log("%s %s: %s %.1f ms%s", s.engine.label, workload.label, o.cell().status(), o.cell().medianMs(),
                    o.mismatch() == null ? "" : ", table differs: " + o.mismatch().text());
        }
        return out;
    }

    /** One engine's runs, taken one at a time so that the engines can take turns. */
    private static final class Series {
        private final Engine engine;
        private final TableContender contender;
        private final TableWorkload workload;
        private final SparseRows data;
        private final RowChecksum expected;
        private final double[] times;
        private int done;
        private double warmupMs;
        private String failure;
        private RowChecksum last;
        private RowChecksum mismatch;

        /** The warm-up runs; the first one's time is kept. */
        Series(Engine engine, TableWorkload workload, SparseRows data, RowChecksum expected, int runs) {
            this.engine = engine;
            this.contender = TableContender.of(engine);
            this.workload = workload;
            this.data = data;
            this.expected = expected;
            this.times = new double[runs];
            warmupMs = once();
            for (int w = 1; w < WARMUPS && failure == null; w++) once();
        }

        void timedRun() {
            if (failure != null) return;
            double ms = once();
            if (failure == null) times[done++] = ms;
        }

        /** A fresh database, the untimed preparation, the timed part, the check; the time in ms. */
        private double once() {
            // No collection of the previous run's garbage inside this one's timing.
            System.gc();
            try {
                contender.open();
                workload.prepare(contender, data);
                long start = System.nanoTime();
                workload.run(contender, data);
                double ms = (System.nanoTime() - start) / 1e6;
                last = contender.checksum();
                if (!last.equals(expected) && mismatch == null) mismatch = last;
                return ms;
            } catch (Exception | OutOfMemoryError e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                BenchLog.log("%s %s failed: %s", engine.label, workload.label, failure);
                return 0;
            } finally {
                contender.close();
            }
        }

        Outcome outcome() {
            if (failure != null) return new Outcome(new Cell(0, warmupMs, "error", failure), last, mismatch);
            double[] measured = Arrays.copyOf(times, done);
            Arrays.sort(measured);
            return new Outcome(new Cell(measured[done / 2], warmupMs, "ok", null), last, mismatch);
        }
    }
}
