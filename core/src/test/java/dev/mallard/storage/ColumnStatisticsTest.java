package dev.mallard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnStatisticsTest {
    @Test
    void sketchCountsDistinctValuesWithinAFewPercent() {
        for (int n : new int[] {1, 10, 1000, 50_000, 2_000_000}) {
            DistinctSketch s = new DistinctSketch();
            for (int rep = 0; rep < 3; rep++) {
                for (long i = 0; i < n; i++) s.add(dev.mallard.execution.hash.VectorHasher.hashBits(i * 7919));
            }
            assertThat(s.estimate()).as("%d distinct", n).isCloseTo(n, within(Math.max(1, n * 0.05)));
        }
    }

    @Test
    void anEstimateAskedBetweenAppendsCountsTheLaterOnes() {
        // the sketch caches its estimate, and learns of new hashes once per batch: each way of adding must tell it
        ColumnStatistics longs = new ColumnStatistics(dev.mallard.types.PhysicalType.INT64);
        ColumnStatistics strings = new ColumnStatistics(dev.mallard.types.PhysicalType.STRING);
        for (int batch = 1; batch <= 3; batch++) {
            Vector l = new Vector(LogicalType.BIGINT, 2048);
            Vector s = new Vector(LogicalType.VARCHAR, 2048);
            for (int i = 0; i < 1000; i++) {
                l.longs[i] = batch * 10_000L + i;
                s.strings[i] = "v" + (batch * 10_000 + i);
            }
            if (batch == 3) {
                longs.add(l, 0); // one row at a time, as small appends do
                strings.add(s, 0);
            } else {
                longs.add(l, null, 1000);
                strings.addStrings(s.strings, null, 0, 1000, new RecentStrings());
            }
            double expected = batch < 3 ? batch * 1000 : 2001;
            assertThat(longs.distinctCount()).as("longs after batch %d", batch).isCloseTo(expected, within(expected * 0.05));
            assertThat(strings.distinctCount()).as("strings after batch %d", batch).isCloseTo(expected, within(expected * 0.05));
        }
        ColumnStatistics set = new ColumnStatistics(dev.mallard.types.PhysicalType.STRING);
        assertThat(set.distinctCount()).isZero();
        set.addStringSet(new String[] {"a", "b", null, "c"}, 10, 1);
        assertThat(set.distinctCount()).isCloseTo(3, within(0.5));
    }

    @Test
    void aVectorAtOnceCountsWhatItsRowsOneByOneDo() {
        // the per-type loops of add(vector, positions, count) against add(vector, row)
        for (LogicalType type : List.of(LogicalType.BOOLEAN, LogicalType.BIGINT, LogicalType.INTEGER, LogicalType.DOUBLE,
                LogicalType.VARCHAR, LogicalType.decimal(30, 2), LogicalType.INTERVAL)) {
            for (int pattern = 0; pattern < 3; pattern++) {
                Vector v = new Vector(type, 2048);
                for (int i = 0; i < 2048; i++) {
                    if (i % 5 == 0) {
                        v.setNull(i);
                        continue;
                    }
                    int x = pattern == 0 ? 7 : pattern == 1 ? i % 2 : i;
                    dev.mallard.jdbc.JavaValueCast.set(v, i, valueOf(type, x));
                }
                ColumnStatistics bulk = new ColumnStatistics(type.physicalType());
                ColumnStatistics rows = new ColumnStatistics(type.physicalType());
                bulk.add(v, null, 2048);
                for (int i = 0; i < 2048; i++) rows.add(v, i);
                assertThat(bulk.distinctCount()).as("%s, pattern %d", type, pattern).isEqualTo(rows.distinctCount());
                assertThat(bulk.nullCount()).as("%s, pattern %d", type, pattern).isEqualTo(rows.nullCount()).isEqualTo(410);
                // the same values hash the same both ways: merged, they are no more distinct values
                ColumnStatistics twice = rows.copy();
                twice.merge(rows);
                bulk.merge(rows);
                assertThat(bulk.distinctCount()).as("%s, pattern %d, merged", type, pattern).isEqualTo(twice.distinctCount());
            }
        }
    }

    private static Object valueOf(LogicalType type, int x) {
        return switch (type.id()) {
            case BOOLEAN -> x % 2 == 0;
            case BIGINT -> (long) x;
            case INTEGER -> x;
            case DOUBLE -> x / 4.0;
            case VARCHAR -> "s" + x;
            case DECIMAL -> java.math.BigDecimal.valueOf(x, 2);
            case INTERVAL -> new dev.mallard.types.Interval(0, 0, x);
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    @Test
    void bulkAppendsCountStringsWhilePackingAsAppendsDo() {
        // appendAll hashes the strings of a full row group while packing it; the partial row group
        // after it goes the usual way. Both must end with what chunk-by-chunk appends count.
        List<LogicalType> types = List.of(LogicalType.VARCHAR, LogicalType.VARCHAR, LogicalType.VARCHAR);
        String[] shared = {"north", "south", "east", "west"};
        int rows = 2 * DataTable.ROW_GROUP_SIZE + 5_000;
        List<DataChunk> chunks = new java.util.ArrayList<>();
        for (int start = 0; start < rows; start += 2048) {
            DataChunk chunk = new DataChunk(types);
            int n = Math.min(2048, rows - start);
            for (int i = 0; i < n; i++) {
                int v = start + i;
                if (v % 7 == 0) chunk.column(0).setNull(i);
                else chunk.column(0).strings[i] = "item " + v; // unique: packed as a heap
                if (v % 5 == 0) chunk.column(1).setNull(i);
                else chunk.column(1).strings[i] = shared[v % shared.length]; // few shared objects: a dictionary
                chunk.column(2).strings[i] = "k" + (v % 40_000); // repeated, not shared
            }
            chunk.setCount(n);
            chunks.add(chunk);
        }
        DataTable[] built = DataTableTest.builtBothWays(types, chunks);
        DataTable bulk = built[0], oneByOne = built[1];
        for (int c = 0; c < types.size(); c++) {
            assertThat(bulk.statistics(c).nullCount()).as("nulls of column %d", c).isEqualTo(oneByOne.statistics(c).nullCount());
            assertThat(bulk.statistics(c).distinctCount()).as("distinct values of column %d", c)
                    .isEqualTo(oneByOne.statistics(c).distinctCount());
        }
        assertThat(bulk.statistics(0).nullCount()).isEqualTo((rows + 6) / 7);
        assertThat(bulk.statistics(0).distinctCount()).isCloseTo(rows - (rows + 6) / 7, within(rows * 0.05));
        assertThat(bulk.statistics(1).distinctCount()).isCloseTo(4, within(0.5));
        assertThat(bulk.statistics(2).distinctCount()).isCloseTo(40_000, within(2_000.0));
    }

    @Test
    void tableKeepsDistinctCountsAndRangesAsRowsArriveAndChange() {
        DataTable t = new DataTable(List.of(LogicalType.INTEGER, LogicalType.VARCHAR, LogicalType.DOUBLE, LogicalType.decimal(15, 2)));
        DataChunk chunk = new DataChunk(t.types());
        for (int start = 0; start < 300_000; start += 2048) {
            chunk.reset();
            int n = Math.min(2048, 300_000 - start);
            for (int i = 0; i < n; i++) {
                int v = start + i;
                chunk.column(0).ints[i] = v % 1000 - 500;
                chunk.column(1).strings[i] = "code" + (v % 150);
                if (v % 10 == 0) chunk.column(2).setNull(i);
                else chunk.column(2).doubles[i] = v / 4.0;
                chunk.column(3).longs[i] = v % 11; // 0.00 .. 0.10
            }
            chunk.setCount(n);
            t.append(chunk);
        }
        ColumnStatistics ints = t.statistics(0);
        assertThat(ints.distinctCount()).isCloseTo(1000, within(40.0));
        assertThat(ints.min()).isEqualTo(-500);
        assertThat(ints.max()).isEqualTo(499);
        assertThat(t.statistics(1).distinctCount()).isCloseTo(150, within(6.0));
        assertThat(t.statistics(1).hasRange()).isFalse();
        assertThat(t.statistics(2).nullCount()).isEqualTo(30_000);
        assertThat(t.statistics(2).max()).isEqualTo(299_999 / 4.0);
        assertThat(t.statistics(3).distinctCount()).isCloseTo(11, within(1.0));
        assertThat(t.statistics(3).max()).isEqualTo(10);

        // an update widens the range; ALTER TABLE keeps the other columns' statistics
        Vector v = new Vector(LogicalType.INTEGER, 1);
        v.ints[0] = 10_000;
        t.update(new long[] {5}, 1, 0, v);
        assertThat(t.statistics(0).max()).isEqualTo(10_000);
        DataTable added = t.withColumnAdded(LogicalType.BIGINT, 7L);
        assertThat(added.statistics(0).max()).isEqualTo(10_000);
        assertThat(added.statistics(4)).isNull();
        DataTable dropped = added.withColumnDropped(0);
        assertThat(dropped.statistics(0).distinctCount()).isCloseTo(150, within(6.0));
    }
}
