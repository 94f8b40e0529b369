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
