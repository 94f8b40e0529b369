package dev.mallard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The primitive key map of integer unique indexes agrees with a HashMap under puts, overwrites and removes. */
class LongKeyRowsTest {
    @Test
    void agreesWithAHashMap() {
        LongKeyRows rows = new LongKeyRows();
        Map<Long, Long> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 200_000; step++) {
            long key = random.nextInt(5_000) - 2_500L; // negative keys, zero, and many repeats
            switch (random.nextInt(4)) {
                case 0, 1 -> {
                    long row = random.nextLong(1_000_000);
                    rows.put(key, row);
                    expected.put(key, row);
                }
                case 2 -> {
                    rows.remove(key);
                    expected.remove(key);
                }
                default -> assertThat(rows.get(key)).isEqualTo(expected.getOrDefault(key, KeyRows.NONE));
            }
            assertThat(rows.size()).isEqualTo(expected.size());
        }
        for (long key = -2_500; key < 2_500; key++) assertThat(rows.get(key)).isEqualTo(expected.getOrDefault(key, KeyRows.NONE));
        assertThat(rows.get(Integer.valueOf(3))).as("INTEGER keys come as Integers").isEqualTo(expected.getOrDefault(3L, KeyRows.NONE));
    }

    @Test
    void agreesWithAHashMapWhenKeysMostlyComeInOrder() {
        // ids in order (the run), with some out of order, repeated, removed and put back
        LongKeyRows rows = new LongKeyRows();
        Map<Long, Long> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        long next = 1_000;
        for (int step = 0; step < 200_000; step++) {
            long key = switch (random.nextInt(10)) {
                case 0 -> next + random.nextInt(5); // ahead of the run: the hash table, until the run reaches it
                case 1 -> next - 1 - random.nextInt(50); // behind: in the run
                case 2 -> random.nextLong(); // anywhere
                default -> next++;
            };
            if (random.nextInt(8) == 0) {
                rows.remove(key);
                expected.remove(key);
            } else {
                rows.put(key, step);
                expected.put(key, (long) step);
            }
            assertThat(rows.size()).isEqualTo(expected.size());
        }
        for (Map.Entry<Long, Long> e : expected.entrySet()) assertThat(rows.get(e.getKey())).isEqualTo(e.getValue());
        for (long key = 0; key < next + 10; key++) assertThat(rows.get(key)).isEqualTo(expected.getOrDefault(key, KeyRows.NONE));
    }

    @Test
    void newIdsAfterAnEarlierBatchAreFoundFree() {
        // Ids 1..N in, then the ids after them asked before they go in, as INSERT checks a batch.
        // A hash keeping ids in order had the later ids wrap around onto the first ones' cluster
        // and walk it: minutes at this size.
        LongKeyRows rows = new LongKeyRows();
        int first = 1 << 20;
        for (long id = 1; id <= first; id++) rows.put(id, id - 1);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            for (long id = first + 1; id <= 3L * first; id++) assertThat(rows.get(id) == KeyRows.NONE).isTrue();
        });
        LongKeyRows scattered = new LongKeyRows();
        scattered.put(0L, 0); // the run holds only key 0: the others, every 2^20th, go to the hash table
        for (long k = 1; k <= 200_000; k++) scattered.put(k << 20, k);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            for (long k = 1; k <= 200_000; k++) assertThat(scattered.get(k << 20)).isEqualTo(k);
        });
    }

    @Test
    void rangesAgreeWithAHashMap() {
        // Ranges that extend the run, overlap it, sit before it or past a gap, mixed with single
        // puts and removes: holdsNoneOf may say false when unsure, never true for a held key.
        LongKeyRows rows = new LongKeyRows();
        Map<Long, Long> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(13);
        long next = 500;
        for (int step = 0; step < 20_000; step++) {
            int count = 1 + random.nextInt(300);
            long lo = switch (random.nextInt(6)) {
                case 0 -> next - random.nextInt(400); // overlapping the run's end
                case 1 -> next + 1 + random.nextInt(50); // past a gap
                case 2 -> -10_000 - random.nextInt(1_000); // before the run
                default -> next; // extending it
            };
            boolean none = true;
            for (long k = lo; k < lo + count; k++) none &= !expected.containsKey(k);
            if (rows.holdsNoneOf(lo, count)) assertThat(none).as("range %d + %d is free", lo, count).isTrue();
            switch (random.nextInt(5)) {
                case 0 -> {
                    long key = lo + random.nextInt(count);
                    rows.remove(key);
                    expected.remove(key);
                }
                case 1 -> {
                    rows.put(lo, step);
                    expected.put(lo, (long) step);
                }
                default -> {
                    boolean same = random.nextBoolean();
                    rows.putRange(lo, count, step, same);
                    for (int i = 0; i < count; i++) expected.put(lo + i, same ? step : (long) step + i);
                    next = Math.max(next, lo + count);
                }
            }
            assertThat(rows.size()).isEqualTo(expected.size());
        }
        for (Map.Entry<Long, Long> e : expected.entrySet()) assertThat(rows.get(e.getKey())).isEqualTo(e.getValue());
        for (long key = -12_000; key < next + 10; key++) assertThat(rows.get(key)).isEqualTo(expected.getOrDefault(key, KeyRows.NONE));
    }

    @Test
    void aRangeOfNewIdsIsFreeAtOnce() {
        LongKeyRows rows = new LongKeyRows();
        assertThat(rows.holdsNoneOf(1, 2048)).isTrue();
        rows.putRange(1, 2048, 0, false);
        assertThat(rows.holdsNoneOf(2049, 2048)).as("the ids after the run").isTrue();
        assertThat(rows.holdsNoneOf(-2047, 2048)).as("the ids before it").isTrue();
        assertThat(rows.holdsNoneOf(-2046, 2048)).as("reaching its first id").isFalse();
        assertThat(rows.holdsNoneOf(2048, 2048)).as("starting at its last id").isFalse();
        rows.putRange(2049, 2048, 2048, false);
        assertThat(rows.size()).isEqualTo(4096);
        assertThat(rows.get(4096L)).isEqualTo(4095L);
        rows.put(10_000L, 7);
        assertThat(rows.holdsNoneOf(20_000, 10)).as("with hashed keys it cannot tell at once").isFalse();
    }

    @Test
    void aMillionConsecutiveIds() {
        LongKeyRows rows = new LongKeyRows();
        for (long id = 1; id <= 1_000_000; id++) rows.put(id, id - 1);
        assertThat(rows.size()).isEqualTo(1_000_000);
        assertThat(rows.get(1L)).isZero();
        assertThat(rows.get(777_777L)).isEqualTo(777_776L);
        assertThat(rows.get(0L)).isEqualTo(KeyRows.NONE);
        assertThat(rows.get(1_000_001L)).isEqualTo(KeyRows.NONE);
    }

    @Test
    void integerColumnsGetThePrimitiveMapAndOthersAHashMap() {
        assertThat(KeyRows.of(java.util.List.of(dev.mallard.types.LogicalType.BIGINT))).isInstanceOf(LongKeyRows.class);
        assertThat(KeyRows.of(java.util.List.of(dev.mallard.types.LogicalType.INTEGER))).isInstanceOf(LongKeyRows.class);
        assertThat(KeyRows.of(java.util.List.of(dev.mallard.types.LogicalType.VARCHAR))).isInstanceOf(HashKeyRows.class);
        assertThat(KeyRows.of(java.util.List.of(dev.mallard.types.LogicalType.BIGINT, dev.mallard.types.LogicalType.BIGINT)))
                .isInstanceOf(HashKeyRows.class);
    }
}
