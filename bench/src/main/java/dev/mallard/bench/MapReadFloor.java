package dev.mallard.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What any engine's insertMany must spend before it stores anything: reading every entry of every
 * map once (its key and value, as a writer has to), on one thread and split over every core. The
 * maps are the benchmark's own, so this is the part of the measured times no storage work can
 * remove; it puts a throughput target against another engine's time in proportion.
 */
final class MapReadFloor {
    /** Median milliseconds of the runs, on one thread and on {@code threads}. */
    record Result(double oneThreadMs, double allThreadsMs, int threads) {}

    private MapReadFloor() {}

    static Result measure(List<Map<String, Object>> rows, int runs) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        read(rows, 0, rows.size()); // warm-up
        double[] one = new double[runs], all = new double[runs];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int r = 0; r < runs; r++) {
                System.gc();
                long t0 = System.nanoTime();
                long sink = read(rows, 0, rows.size());
                one[r] = (System.nanoTime() - t0) / 1e6;
                System.gc();
                t0 = System.nanoTime();
                Future<?>[] parts = new Future<?>[threads];
                for (int t = 0; t < threads; t++) {
                    int from = (int) ((long) rows.size() * t / threads), to = (int) ((long) rows.size() * (t + 1) / threads);
                    parts[t] = pool.submit(() -> read(rows, from, to));
                }
                for (Future<?> f : parts) sink += (Long) f.get();
                all[r] = (System.nanoTime() - t0) / 1e6;
                if (sink == 42) System.out.print(""); // keeps the reads from being optimized away
            }
        } finally {
            pool.shutdown();
        }
        return new Result(median(one), median(all), threads);
    }

    /** Touches every key and value of maps [from, to). */
    private static long read(List<Map<String, Object>> rows, int from, int to) {
        long h = 0;
        for (int i = from; i < to; i++) {
            for (Map.Entry<String, Object> e : rows.get(i).entrySet()) {
                h += e.getKey().length();
                Object v = e.getValue();
                if (v != null) h += v.getClass().hashCode();
            }
        }
        return h;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
