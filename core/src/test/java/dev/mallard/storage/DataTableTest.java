package dev.mallard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataTableTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.VARCHAR);

    private static void appendRange(DataTable t, long from, long to) {
        DataChunk chunk = new DataChunk(TYPES);
        for (long start = from; start < to; start += 2048) {
            chunk.reset();
            int n = (int) Math.min(2048, to - start);
            for (int i = 0; i < n; i++) {
                long v = start + i;
                chunk.column(0).longs[i] = v;
                if (v % 7 == 0) chunk.column(1).setNull(i);
                else chunk.column(1).strings[i] = "s" + v;
            }
            chunk.setCount(n);
            t.append(chunk);
        }
    }

    /** All live rows as (rowid, c0, c1) via 2048-row scans. */
    private static List<Object[]> scanAll(DataTable t, int[] cols) {
        List<LogicalType> types = new ArrayList<>();
        for (int c : cols) types.add(c == DataTable.ROW_ID ? LogicalType.BIGINT : t.types().get(c));
        DataChunk out = new DataChunk(types);
        List<Object[]> rows = new ArrayList<>();
        for (long from = 0; from < t.rowIdLimit(); from += 2048) {
            out.reset();
            t.scan(from, 2048, cols, out);
            for (int k = 0; k < out.count(); k++) {
                Object[] r = new Object[cols.length];
                for (int c = 0; c < cols.length; c++) r[c] = out.getObject(c, k);
                rows.add(r);
            }
        }
        return rows;
    }

    /** Chunks of odd sizes holding {@code from..to}; every third one stores its rows backwards and selects them in order. */
    private static List<DataChunk> chunksOf(long from, long to) {
        List<DataChunk> out = new ArrayList<>();
        java.util.Random r = new java.util.Random(7);
        for (long start = from; start < to; ) {
            int n = (int) Math.min(1 + r.nextInt(2048), to - start);
            boolean selected = out.size() % 3 == 2;
            DataChunk chunk = new DataChunk(TYPES);
            int[] sel = new int[n];
            for (int i = 0; i < n; i++) {
                int at = selected ? n - 1 - i : i;
                sel[i] = at;
                long v = start + i;
                chunk.column(0).longs[at] = v;
                if (v % 7 == 0) chunk.column(1).setNull(at);
                else chunk.column(1).strings[at] = "s" + v;
            }
            if (selected) chunk.setSelection(sel, n);
            else chunk.setCount(n);
            out.add(chunk);
            start += n;
        }
        return out;
    }

    @Test
    void appendAllBuildsRowGroupsOnSeveralThreadsInOrder() throws Exception {
        DataTable t = new DataTable(TYPES);
        appendRange(t, 0, 1000); // a partial row group to top up first
        long end = 1000 + 3L * DataTable.ROW_GROUP_SIZE + 777;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
        try {
            t.appendAll(chunksOf(1000, end), 0, tasks -> {
                List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
                for (Runnable task : tasks) fs.add(pool.submit(() -> { ran.incrementAndGet(); task.run(); }));
                for (var f : fs) {
                    try {
                        f.get();
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }
            });
        } finally {
            pool.shutdown();
        }
        assertThat(ran.get()).as("row groups built as tasks").isEqualTo(3);
        assertThat(t.rowIdLimit()).isEqualTo(end);
        assertThat(t.rowGroupCount()).isEqualTo(4);
        List<Object[]> rows = scanAll(t, new int[] {0, 1});
        for (int i = 0; i < end; i++) {
            assertThat(rows.get(i)[0]).isEqualTo((long) i);
            if (i % 4099 == 0) assertThat(rows.get(i)[1]).isEqualTo(i % 7 == 0 ? null : "s" + i);
        }
        assertThat(t.statistics(0).min()).isEqualTo(0.0);
        assertThat(t.statistics(0).max()).isEqualTo((double) (end - 1));
        assertThat(t.statistics(0).distinctCount()).isBetween(end * 0.9, end * 1.1);
        appendRange(t, end, end + 10); // the last row group takes further appends
        assertThat(t.get(end + 9, 0)).isEqualTo(end + 9);
    }

    /** Tables of {@code chunks} built by {@link DataTable#appendAll} (on this thread) and by row-by-row appends, in that order. */
    static DataTable[] builtBothWays(List<LogicalType> types, List<DataChunk> chunks) {
        DataTable bulk = new DataTable(types);
        bulk.appendAll(chunks, 0, tasks -> tasks.forEach(Runnable::run));
        DataTable byRows = new DataTable(types);
        for (DataChunk chunk : chunks) byRows.append(chunk);
        return new DataTable[] {bulk, byRows};
    }

    @Test
    void bulkBuiltRowGroupsKeepTheZoneMapsAndStatisticsOfRowByRowAppends() {
        // appendAll finds an integer chunk's zone map in its statistics loop and skips the NULL test
        // for the rows it listed as holding a value: the result must be what appending gives
        List<LogicalType> types = List.of(LogicalType.BIGINT, LogicalType.INTEGER, LogicalType.DATE, LogicalType.DOUBLE, LogicalType.VARCHAR,
                LogicalType.BOOLEAN);
        java.util.Random r = new java.util.Random(11);
        List<DataChunk> chunks = new ArrayList<>();
        long rows = 2L * DataTable.ROW_GROUP_SIZE + 3000;
        for (long start = 0; start < rows; start += 2048) {
            int n = (int) Math.min(2048, rows - start);
            DataChunk chunk = new DataChunk(types);
            // 0: no NULL, 1: all NULL, else sparse; the first row group has no all-NULL chunk, whose NULL flag would hide the others'
            int pattern = chunks.size() < 60 ? chunks.size() % 2 * 2 : chunks.size() % 5;
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < types.size(); c++) {
                    Vector v = chunk.column(c);
                    boolean isNull = pattern == 1 || pattern > 1 && r.nextInt(10) < 3;
                    // a NULL row's slot holds a value outside the others' range, which no bound may take
                    long x = isNull ? -1_000_000 - r.nextInt(1000) : r.nextInt(50_000);
                    switch (c) {
                        case 0 -> v.longs[i] = x;
                        case 1, 2 -> v.ints[i] = (int) x;
                        case 3 -> v.doubles[i] = x / 4.0;
                        case 4 -> v.strings[i] = isNull ? "!" : "s" + x;
                        default -> v.bools[i] = x % 2 == 0;
                    }
                    if (isNull) v.setNull(i);
                }
            }
            chunk.setCount(n);
            chunks.add(chunk);
        }
        DataTable[] built = builtBothWays(types, chunks);
        DataTable bulk = built[0], byRows = built[1];
        assertThat(bulk.rowGroupCount()).isEqualTo(3);
        for (int g = 0; g < bulk.rowGroupCount(); g++) {
            for (int c = 0; c < types.size(); c++) {
                assertThat(bulk.segment(g, c).zone).as("row group %d, column %d", g, c).isEqualTo(byRows.segment(g, c).zone);
            }
        }
        for (int c = 0; c < types.size(); c++) {
            ColumnStatistics a = bulk.statistics(c), b = byRows.statistics(c);
            assertThat(a.nullCount()).as("column %d", c).isEqualTo(b.nullCount());
            assertThat(a.distinctCount()).as("column %d", c).isEqualTo(b.distinctCount());
            if (b.hasRange()) {
                assertThat(a.min()).as("column %d", c).isEqualTo(b.min());
                assertThat(a.max()).as("column %d", c).isEqualTo(b.max());
            }
        }
    }

    @Test
    void appendsAcrossRowGroupsAndScansBack() {
        DataTable t = new DataTable(TYPES);
        long n = DataTable.ROW_GROUP_SIZE + 5000;
        appendRange(t, 0, n);
        assertThat(t.rowCount()).isEqualTo(n);
        assertThat(t.rowIdLimit()).isEqualTo(n);
        assertThat(t.rowGroupCount()).isEqualTo(2);
        List<Object[]> rows = scanAll(t, new int[] {DataTable.ROW_ID, 0, 1});
        assertThat(rows).hasSize((int) n);
        for (int i = 0; i < n; i += 997) {
            assertThat(rows.get(i)[0]).isEqualTo((long) i);
            assertThat(rows.get(i)[1]).isEqualTo((long) i);
            assertThat(rows.get(i)[2]).isEqualTo(i % 7 == 0 ? null : "s" + i);
        }
        assertThat(t.get(DataTable.ROW_GROUP_SIZE + 3, 1)).isEqualTo("s" + (DataTable.ROW_GROUP_SIZE + 3));
        assertThat(t.get(14, 1)).isNull();
    }

    @Test
    void scanAcrossRowGroupBoundaryInOneCall() {
        DataTable t = new DataTable(TYPES);
        appendRange(t, 0, DataTable.ROW_GROUP_SIZE + 10);
        DataChunk out = new DataChunk(List.of(LogicalType.BIGINT));
        t.scan(DataTable.ROW_GROUP_SIZE - 5, 2048, new int[] {0}, out);
        assertThat(out.count()).isEqualTo(15);
        assertThat(out.getObject(0, 0)).isEqualTo((long) DataTable.ROW_GROUP_SIZE - 5);
        assertThat(out.getObject(0, 14)).isEqualTo((long) DataTable.ROW_GROUP_SIZE + 9);
    }

    @Test
    void appendHonoursSelection() {
        DataTable t = new DataTable(List.of(LogicalType.INTEGER));
        DataChunk c = new DataChunk(List.of(LogicalType.INTEGER));
        for (int i = 0; i < 10; i++) c.column(0).ints[i] = i;
        c.column(0).setNull(4);
        c.setSelection(new int[] {1, 4, 8}, 3);
        t.append(c);
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.get(0, 0)).isEqualTo(1);
        assertThat(t.get(1, 0)).isNull();
        assertThat(t.get(2, 0)).isEqualTo(8);
    }

    @Test
    void deleteTombstonesAndUndeleteRevives() {
        DataTable t = new DataTable(TYPES);
        appendRange(t, 0, 5000);
        t.delete(new long[] {0, 10, 4999, 10}, 4);
        assertThat(t.rowCount()).isEqualTo(4997);
        assertThat(t.isDeleted(10)).isTrue();
        assertThat(t.isDeleted(11)).isFalse();
        List<Object[]> rows = scanAll(t, new int[] {DataTable.ROW_ID});
        assertThat(rows).hasSize(4997);
        assertThat(rows.get(0)[0]).isEqualTo(1L);
        assertThat(rows.get(9)[0]).isEqualTo(11L); // stable row ids: 10 is gone, 11 keeps its id
        t.undelete(new long[] {10}, 1);
        assertThat(t.rowCount()).isEqualTo(4998);
        assertThat(t.rowIdLimit()).isEqualTo(5000);
    }

    @Test
    void updateWritesValuesAndNulls() {
        DataTable t = new DataTable(TYPES);
        appendRange(t, 0, 100);
        Vector v = new Vector(LogicalType.VARCHAR, 2);
        v.strings[0] = "x";
        v.setNull(1);
        t.update(new long[] {3, 5}, 2, 1, v);
        assertThat(t.get(3, 1)).isEqualTo("x");
        assertThat(t.get(5, 1)).isNull();
        assertThatThrownBy(() -> t.get(100, 0)).isInstanceOf(MallardException.Internal.class);
    }

    @Test
    void addedAndDroppedColumnsShareStorageCopyOnWrite() {
        DataTable t = new DataTable(TYPES);
        appendRange(t, 0, 3000);
        t.delete(new long[] {1}, 1);
        DataTable added = t.withColumnAdded(LogicalType.INTEGER, 42);
        assertThat(added.types()).hasSize(3);
        assertThat(added.rowCount()).isEqualTo(2999);
        assertThat(added.get(2999, 2)).isEqualTo(42);
        assertThat(added.get(2, 1)).isEqualTo("s2");

        // writes to either table stay private
        Vector v = new Vector(LogicalType.VARCHAR, 1);
        v.strings[0] = "changed";
        added.update(new long[] {2}, 1, 1, v);
        assertThat(added.get(2, 1)).isEqualTo("changed");
        assertThat(t.get(2, 1)).isEqualTo("s2");
        added.delete(new long[] {3}, 1);
        assertThat(t.isDeleted(3)).isFalse();
        appendRange(t, 3000, 3010);
        assertThat(added.rowIdLimit()).isEqualTo(3000);
        assertThat(t.get(3005, 0)).isEqualTo(3005L);

        DataTable dropped = added.withColumnDropped(0);
        assertThat(dropped.types()).containsExactly(LogicalType.VARCHAR, LogicalType.INTEGER);
        assertThat(dropped.get(2, 0)).isEqualTo("changed");
        assertThat(dropped.isDeleted(3)).isTrue();
        v.strings[0] = "again";
        dropped.update(new long[] {2}, 1, 0, v);
        assertThat(added.get(2, 1)).isEqualTo("changed");
    }

    @Test
    void int128AndIntervalValuesRoundTrip() {
        DataTable t = new DataTable(List.of(LogicalType.decimal(30, 2), LogicalType.INTERVAL));
        DataChunk c = new DataChunk(t.types());
        BigInteger big = BigInteger.TWO.pow(100).negate();
        c.column(0).setObject(0, big);
        c.column(1).setObject(0, new dev.mallard.types.Interval(1, 2, 3));
        c.column(0).setNull(1);
        c.column(1).setNull(1);
        c.setCount(2);
        t.append(c);
        assertThat(t.get(0, 0)).isEqualTo(big);
        assertThat(t.get(0, 1)).isEqualTo(new dev.mallard.types.Interval(1, 2, 3));
        assertThat(t.get(1, 0)).isNull();
        DataTable added = t.withColumnAdded(LogicalType.decimal(30, 2), BigInteger.TEN);
        assertThat(added.get(1, 2)).isEqualTo(BigInteger.TEN);
    }

    @Test
    void scanSnapshotIgnoresLaterAppends() {
        DataTable t = new DataTable(TYPES);
        appendRange(t, 0, 10);
        long limit = t.rowIdLimit();
        appendRange(t, 10, 20);
        DataChunk out = new DataChunk(List.of(LogicalType.BIGINT));
        t.scan(0, 2048, limit, Snapshot.LATEST, new int[] {0}, out);
        assertThat(out.count()).isEqualTo(10);
    }
}
