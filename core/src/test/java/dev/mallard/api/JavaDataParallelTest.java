package dev.mallard.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.Mallard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Lists scanned by many threads give the answers one thread gives; many threads query one Database at once. */
class JavaDataParallelTest {
    record Trip(long id, String vendor, double fare, Integer passengers) {}

    private static final int ROWS = 400_000;

    private static List<Trip> trips() {
        List<Trip> trips = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            trips.add(new Trip(i, "v" + i % 7, (i * 37 % 1000) / 8.0, i % 11 == 0 ? null : i % 5));
        }
        return trips;
    }

    private static final String QUERY = "SELECT vendor, count(*) AS n, count(passengers) AS p, sum(fare) AS fare, min(id) AS lo,"
            + " max(id) AS hi FROM trips WHERE fare > 10 GROUP BY vendor ORDER BY vendor";

    @Test
    void aParallelScanGivesTheSameAnswerAsOneThread() {
        List<Trip> trips = trips();
        try (Database db = Mallard.open()) {
            db.register("trips", trips);
            db.sql("SET threads = 1");
            List<Map<String, Object>> serial = db.sql(QUERY).toMaps();
            assertThat(serial).hasSize(7);
            assertThat(serial.stream().mapToLong(m -> (Long) m.get("n")).sum())
                    .isEqualTo(trips.stream().filter(t -> t.fare() > 10).count());
            for (int threads : new int[] {2, 4}) {
                db.sql("SET threads = " + threads);
                assertThat(db.sql(QUERY).toMaps()).as("threads = %d", threads).isEqualTo(serial);
            }
        }
    }

    /** A row whose accessor is slow at the start of each morsel, so every thread of the scan gets some. */
    record Slow(long id) {
        static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

        @Override
        public long id() {
            if (id % (32 * 2048) == 0) {
                THREADS.add(Thread.currentThread().getName());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return id;
        }
    }

    @Test
    void morselsOfAListAreReadByManyThreads() {
        List<Slow> rows = IntStream.range(0, 8 * 32 * 2048).mapToObj(Slow::new).toList();
        try (Database db = Mallard.open()) {
            db.register("slow", rows);
            db.sql("SET threads = 4");
            assertThat(db.sql("SELECT sum(id) FROM slow").scalar(Long.class)).isEqualTo((long) rows.size() * (rows.size() - 1) / 2);
        }
        assertThat(Slow.THREADS).hasSizeGreaterThan(1);
    }

    @Test
    void manyThreadsQueryOneDatabase() throws Exception {
        List<Trip> trips = trips().subList(0, 50_000);
        try (Database db = Mallard.open()) {
            db.register("trips", trips);
            db.sql("CREATE TABLE vendors AS SELECT 'v' || i AS code, i AS rank FROM range(7) t(i)");
            long expected = trips.stream().filter(t -> t.passengers() != null && t.passengers() > 2).count();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int q = 0; q < 15; q++) {
                            assertThat(db.sql("SELECT count(*) FROM trips WHERE passengers > ?", 2).scalar(Long.class)).isEqualTo(expected);
                            List<Trip> mine = List.of(new Trip(thread, "x", q, q));
                            assertThat(db.sql("SELECT fare FROM mine", Map.of("mine", mine)).scalar(Double.class)).isEqualTo((double) q);
                            assertThat(db.sql("SELECT count(*) FROM trips JOIN vendors ON vendor = code WHERE rank < 3")
                                    .scalar(Long.class)).isEqualTo(trips.stream().filter(x -> x.vendor().compareTo("v3") < 0).count());
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) f.get();
            } finally {
                pool.shutdown();
            }
        }
    }
}
