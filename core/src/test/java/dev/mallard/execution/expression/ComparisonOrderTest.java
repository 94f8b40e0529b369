package dev.mallard.execution.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ComparisonOrderTest {
    @Test
    void branchFreeOrderAgreesWithLongCompareIncludingOverflow() {
        long[] edges = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -2, -1, 0, 1, 2, Long.MAX_VALUE - 1, Long.MAX_VALUE,
                Integer.MIN_VALUE, Integer.MAX_VALUE};
        for (long x : edges) {
            for (long y : edges) assertThat(ComparisonSelect.order(x, y)).as("%d vs %d", x, y).isEqualTo(Long.compare(x, y) + 1);
        }
        Random r = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long x = r.nextLong(), y = r.nextBoolean() ? r.nextLong() : x + r.nextInt(3) - 1;
            assertThat(ComparisonSelect.order(x, y)).isEqualTo(Long.compare(x, y) + 1);
        }
    }
}
