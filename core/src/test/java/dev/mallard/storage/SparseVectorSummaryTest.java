package dev.mallard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.types.LogicalType;
import dev.mallard.types.PhysicalType;
import dev.mallard.vector.Vector;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Zone maps and statistics of a whole vector with NULLs go over the rows holding a value
 * ({@link Vector#presentPositions}); they must come out as a pass over every row, which the same
 * methods make when given the rows as a selection.
 */
class SparseVectorSummaryTest {
    @Test
    void presentPositionsListTheRowsWithAValueInOrder() {
        Vector v = new Vector(LogicalType.BIGINT, 200);
        for (int i : new int[] {0, 5, 63, 64, 65, 127, 128, 199}) v.setNull(i);
        int[] out = new int[150];
        int n = v.presentPositions(150, out);
        assertThat(n).isEqualTo(150 - 7); // 199 is past the count
        int k = 0;
        for (int i = 0; i < 150; i++) if (!v.isNull(i)) assertThat(out[k++]).isEqualTo(i);
        assertThat(new Vector(LogicalType.BIGINT, 10).presentPositions(10, out)).isEqualTo(10);
    }

    @Test
    void wholeVectorsSummarizeAsEveryRowDoes() {
        SplittableRandom random = new SplittableRandom(5);
        for (LogicalType type : List.of(LogicalType.BIGINT, LogicalType.INTEGER, LogicalType.DOUBLE, LogicalType.VARCHAR, LogicalType.BOOLEAN)) {
            for (int nullsInTen : new int[] {0, 3, 9, 10}) {
                int count = 1 + random.nextInt(2048);
                Vector v = new Vector(type, 2048);
                for (int i = 0; i < count; i++) {
                    if (random.nextInt(10) < nullsInTen) {
                        v.setNull(i);
                        continue;
                    }
                    switch (type.physicalType()) {
                        case INT64 -> v.longs[i] = random.nextLong(-1_000_000, 1_000_000);
                        case INT32 -> v.ints[i] = random.nextInt();
                        case DOUBLE -> v.doubles[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextDouble(-5, 5);
                        case STRING -> v.strings[i] = "s" + random.nextInt(500);
                        default -> v.bools[i] = random.nextBoolean();
                    }
                }
                int[] every = new int[count];
                for (int i = 0; i < count; i++) every[i] = i;
                String what = type + " with " + nullsInTen + " in ten NULL";
                assertThat(ZoneMap.of(v, null, count)).as(what).isEqualTo(ZoneMap.of(v, every, count));

                ColumnStatistics whole = new ColumnStatistics(type.physicalType()), rows = new ColumnStatistics(type.physicalType());
                whole.add(v, null, count);
                rows.add(v, every, count);
                assertThat(whole.nullCount()).as(what).isEqualTo(rows.nullCount());
                assertThat(whole.distinctCount()).as(what).isEqualTo(rows.distinctCount());
                if (type.physicalType() != PhysicalType.STRING && type.physicalType() != PhysicalType.BOOL) {
                    assertThat(whole.hasRange()).as(what).isEqualTo(rows.hasRange());
                    if (whole.hasRange()) {
                        assertThat(whole.min()).as(what).isEqualTo(rows.min());
                        assertThat(whole.max()).as(what).isEqualTo(rows.max());
                    }
                }
            }
        }
    }
}
