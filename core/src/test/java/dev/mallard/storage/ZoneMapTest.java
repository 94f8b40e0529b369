package dev.mallard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.storage.file.BlockFile;
import dev.mallard.storage.file.BlockStreamReader;
import dev.mallard.storage.file.BlockStreamWriter;
import dev.mallard.storage.file.FileLayer;
import dev.mallard.storage.ZoneMap.NoRange;
import dev.mallard.storage.ZoneMap.Range;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zone maps: built from values, widened by writes, kept by copies and checkpoints, and read only when safe. */
class ZoneMapTest {
    private static final int G = DataTable.ROW_GROUP_SIZE;
    private static final int LESS = ZoneMap.LESS, EQUAL = ZoneMap.EQUAL, GREATER = ZoneMap.GREATER;

    @TempDir
    Path dir;

    // ---- the zone map of values ------------------------------------------------------------------

    private static Vector longs(Long... values) {
        Vector v = new Vector(LogicalType.BIGINT, values.length);
        for (int i = 0; i < values.length; i++) v.setObject(i, values[i]);
        return v;
    }

    private static Vector doubles(Double... values) {
        Vector v = new Vector(LogicalType.DOUBLE, values.length);
        for (int i = 0; i < values.length; i++) v.setObject(i, values[i]);
        return v;
    }

    @Test
    void integersGiveTheirRangeAndNullFlag() {
        assertThat(ZoneMap.of(longs(5L, -7L, 3L), null, 3)).isEqualTo(new Range(-7L, 5L, false));
        assertThat(ZoneMap.of(longs(5L, null, -7L), null, 3)).isEqualTo(new Range(-7L, 5L, true));
        assertThat(ZoneMap.of(longs(5L, null, -7L), new int[] {0, 1}, 2)).isEqualTo(new Range(5L, 5L, true));
        assertThat(ZoneMap.of(longs(null, null), null, 2)).isEqualTo(new NoRange(true, false));
        assertThat(ZoneMap.of(longs(), null, 0)).isEqualTo(ZoneMap.EMPTY);
        Vector dates = new Vector(LogicalType.DATE, 2);
        dates.ints[0] = -3;
        dates.ints[1] = 9000;
        assertThat(ZoneMap.of(dates, null, 2)).isEqualTo(new Range(-3L, 9000L, false)); // INT32 keyed as Long
    }

    @Test
    void typesWithoutOrderKeepOnlyTheirNullFlags() {
        Vector b = new Vector(LogicalType.BOOLEAN, 2);
        b.bools[0] = true;
        b.setNull(1);
        ZoneMap z = ZoneMap.of(b, null, 2);
        assertThat(z).isEqualTo(new NoRange(true, true));
        assertThat(z.mayCompare(EQUAL, false)).isTrue();
    }

    @Test
    void comparisonsRuleOutOnlyWhatTheRangeExcludes() {
        ZoneMap z = new Range(-5L, 10L, false);
        // x = c
        assertThat(z.mayCompare(EQUAL, -5)).isTrue();
        assertThat(z.mayCompare(EQUAL, 10L)).isTrue();
        assertThat(z.mayCompare(EQUAL, 11L)).isFalse();
        assertThat(z.mayCompare(EQUAL, -6)).isFalse();
        // x < c, x <= c
        assertThat(z.mayCompare(LESS, -5L)).isFalse();
        assertThat(z.mayCompare(LESS, -4L)).isTrue();
        assertThat(z.mayCompare(LESS | EQUAL, -5L)).isTrue();
        assertThat(z.mayCompare(LESS | EQUAL, -6L)).isFalse();
        // x > c, x >= c
        assertThat(z.mayCompare(GREATER, 10L)).isFalse();
        assertThat(z.mayCompare(GREATER, 9L)).isTrue();
        assertThat(z.mayCompare(GREATER | EQUAL, 10L)).isTrue();
        assertThat(z.mayCompare(GREATER | EQUAL, 11L)).isFalse();
        // x <> c: only a segment of one value equal to c is ruled out
        assertThat(z.mayCompare(LESS | GREATER, 3L)).isTrue();
        assertThat(new Range(3L, 3L, true).mayCompare(LESS | GREATER, 3L)).isFalse();
        // nothing but NULLs: no comparison holds; no range known: every comparison may
        assertThat(new NoRange(true, false).mayCompare(LESS | EQUAL | GREATER, 1L)).isFalse();
        assertThat(new NoRange(false, true).mayCompare(EQUAL, 1L)).isTrue();
        // a constant of a form the map does not know is a "maybe"
        assertThat(z.mayCompare(EQUAL, "x")).isTrue();
    }

    @Test
    void nanIsTheLargestDoubleAndSignedZerosAreEqual() {
        ZoneMap z = ZoneMap.of(doubles(1.5, Double.NaN, -2.0, null), null, 4);
        assertThat(z).isEqualTo(new Range(-2.0, Double.NaN, true));
        assertThat(z.mayCompare(GREATER, 1e300)).isTrue(); // NaN > 1e300 in SQL
        assertThat(z.mayCompare(EQUAL, Double.NaN)).isTrue();
        assertThat(z.mayCompare(LESS, -2.0)).isFalse();
        ZoneMap numbers = ZoneMap.of(doubles(1.5, -2.0), null, 2);
        assertThat(numbers.mayCompare(EQUAL, Double.NaN)).isFalse();
        assertThat(numbers.mayCompare(GREATER, 1.5)).isFalse();
        assertThat(ZoneMap.of(doubles(Double.NaN), null, 1)).isEqualTo(new Range(Double.NaN, Double.NaN, false));
        ZoneMap zero = ZoneMap.of(doubles(-0.0), null, 1);
        assertThat(zero.mayCompare(GREATER | EQUAL, 0.0)).isTrue(); // -0.0 >= 0.0
        assertThat(zero.mayCompare(EQUAL, -0.0)).isTrue();
        assertThat(zero.mayCompare(LESS, 0.0)).isFalse(); // -0.0 < 0.0 is false
        assertThat(ZoneMap.of(doubles(0.0), null, 1).mayCompare(LESS | EQUAL, -0.0)).isTrue();
    }

    @Test
    void stringsCompareAsTheFiltersDo() {
        Vector v = new Vector(LogicalType.VARCHAR, 3);
        v.strings[0] = "pear";
        v.strings[1] = "Apple";
        v.strings[2] = "apple";
        ZoneMap z = ZoneMap.of(v, null, 3);
        assertThat(z).isEqualTo(new Range("Apple", "pear", false));
        assertThat(z.mayCompare(GREATER, "pear")).isFalse();
        assertThat(z.mayCompare(LESS, "Apple")).isFalse();
        assertThat(z.mayCompare(EQUAL, "banana")).isTrue();
    }

    @Test
    void unionWidensAndReturnsItselfWhenItCovers() {
        ZoneMap a = new Range(1L, 5L, false);
        assertThat(a.union(new Range(2L, 3L, false))).isSameAs(a);
        assertThat(a.union(ZoneMap.EMPTY)).isSameAs(a);
        assertThat(a.union(new Range(0L, 3L, false))).isEqualTo(new Range(0L, 5L, false));
        assertThat(a.union(new NoRange(true, false))).isEqualTo(new Range(1L, 5L, true));
        assertThat(ZoneMap.EMPTY.union(a)).isSameAs(a);
        assertThat(new NoRange(true, false).union(a)).isEqualTo(new Range(1L, 5L, true));
        assertThat(a.covers(new Range(1L, 5L, false))).isTrue();
        assertThat(a.covers(new Range(1L, 6L, false))).isFalse();
        assertThat(a.covers(new NoRange(true, false))).isFalse();
    }

    @Test
    void tableFiltersTestTheirColumn() {
        ZoneMap z = new Range(10L, 20L, false);
        assertThat(new TableFilter.Comparison(0, LESS, 10L).mayMatch(z)).isFalse();
        assertThat(new TableFilter.InList(0, List.of(1L, 25L)).mayMatch(z)).isFalse();
        assertThat(new TableFilter.InList(0, List.of(1L, 15L)).mayMatch(z)).isTrue();
        assertThat(new TableFilter.InList(0, List.of()).mayMatch(z)).isFalse();
        assertThat(new TableFilter.NullTest(0, false).mayMatch(z)).isFalse();
        assertThat(new TableFilter.NullTest(0, true).mayMatch(z)).isTrue();
        assertThat(new TableFilter.NullTest(0, true).mayMatch(new NoRange(true, false))).isFalse();
    }

    // ---- zone maps of a table ----------------------------------------------------------------------

    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.DATE, LogicalType.decimal(12, 2),
            LogicalType.DOUBLE, LogicalType.VARCHAR);

    /** Row r: r - 200000, a date, a decimal, a double (NULL every 100th, NaN once in row group 2), a string. */
    private static void appendRows(DataTable t, long from, long to) {
        DataChunk chunk = new DataChunk(TYPES);
        for (long start = from; start < to; start += 2048) {
            chunk.reset();
            int n = (int) Math.min(2048, to - start);
            for (int i = 0; i < n; i++) {
                long r = start + i;
                chunk.column(0).longs[i] = r - 200_000;
                chunk.column(1).ints[i] = (int) (r / 100);
                chunk.column(2).longs[i] = -r * 3;
                if (r % 100 == 0) chunk.column(3).setNull(i);
                else chunk.column(3).doubles[i] = r == 2L * G + 101 ? Double.NaN : r * 0.5;
                chunk.column(4).strings[i] = String.format("k%07d", r);
            }
            chunk.setCount(n);
            t.append(chunk);
        }
    }

    private static ZoneMap zone(DataTable t, int group, int column) {
        return t.segment(group, column).zone;
    }

    /** The zone map computed from the live values of a row group, for comparing. */
    private static ZoneMap valuesOf(DataTable t, int group, int column) {
        DataChunk out = new DataChunk(List.of(TYPES.get(column)));
        ZoneMap z = ZoneMap.EMPTY;
        long end = Math.min((long) (group + 1) * G, t.rowIdLimit());
        for (long from = (long) group * G; from < end; from += 2048) {
            out.reset();
            t.scan(from, (int) Math.min(2048, end - from), new int[] {column}, out);
            z = z.union(ZoneMap.of(out.column(0), null, out.count()));
        }
        return z;
    }

    @Test
    void appendsKeepAZoneMapPerRowGroupAndColumn() {
        DataTable t = new DataTable(TYPES);
        appendRows(t, 0, 3L * G + 1000);
        assertThat(t.rowGroupCount()).isEqualTo(4);
        assertThat(t.segment(0, 0).isPacked()).isTrue(); // packing keeps the map
        assertThat(zone(t, 0, 0)).isEqualTo(new Range(-200_000L, G - 1 - 200_000L, false));
        assertThat(zone(t, 1, 1)).isEqualTo(new Range((long) G / 100, (2L * G - 1) / 100, false));
        assertThat(zone(t, 2, 2)).isEqualTo(new Range(-(3L * G - 1) * 3, -2L * G * 3, false));
        assertThat(zone(t, 2, 3)).isEqualTo(new Range((double) G, Double.NaN, true));
        assertThat(zone(t, 3, 4)).isEqualTo(new Range(String.format("k%07d", 3 * G), String.format("k%07d", 3 * G + 999), false));
        for (int g = 0; g < 4; g++) {
            for (int c = 0; c < TYPES.size(); c++) assertThat(zone(t, g, c)).as("group %d column %d", g, c).isEqualTo(valuesOf(t, g, c));
        }
        // the partial row group's map grows with it
        appendRows(t, 3L * G + 1000, 3L * G + 1001);
        assertThat(zone(t, 3, 0)).isEqualTo(new Range(3L * G - 200_000, 3L * G + 1000 - 200_000, false));
        assertThat(t.verify("t")).isEmpty();
    }

    @Test
    void packedStringBoundsAreTheValuesBoundsWhateverTheirBytes() {
        // A heap's bounds are mostly decided on the values' first eight UTF-8 bytes: short values,
        // NUL characters, shared prefixes longer than eight bytes, and characters past ASCII (where
        // UTF-8's byte order is not Java's char order: U+FFFD sorts after an emoji's surrogates in
        // chars, before it in bytes) must still give the bounds String.compareTo gives.
        String[] tricky = {"", "\u0000", "a", "a\u0000", "a\u0000b", "abcdefgh", "abcdefgh\u0000", "abcdefghi", "abcdefgg\uFFFF",
            "\uFFFD", "\uD83D\uDE00", "\uFFFDzz", "\uD83D\uDE00zz", "é", "e\u0301", "zzzzzzzz", "zzzzzzzz\u00FF", "~", "\u007F",
            "\u0080", "abcdefgh" + "\uD83D\uDE00", "abcdefgh" + "\uFFFD"};
        List<LogicalType> types = List.of(LogicalType.VARCHAR);
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int round = 0; round < 6; round++) {
            List<DataChunk> chunks = new java.util.ArrayList<>();
            String lo = null, hi = null;
            for (int start = 0; start < G; start += 2048) {
                DataChunk c = new DataChunk(types);
                for (int i = 0; i < 2048; i++) {
                    String v;
                    int pick = random.nextInt(10);
                    if (pick == 0) v = tricky[random.nextInt(tricky.length)] + (round > 2 ? "" : tricky[random.nextInt(tricky.length)]);
                    else v = "abcdefgh" + random.nextInt(1_000_000); // mostly unique, one long shared prefix
                    if (round % 2 == 1 && pick == 1) {
                        c.column(0).setNull(i);
                        continue;
                    }
                    c.column(0).strings[i] = v;
                    if (lo == null || v.compareTo(lo) < 0) lo = v;
                    if (hi == null || v.compareTo(hi) > 0) hi = v;
                }
                c.setCount(2048);
                chunks.add(c);
            }
            DataTable t = new DataTable(types);
            t.appendAll(chunks, 0, tasks -> tasks.forEach(Runnable::run));
            assertThat(t.segment(0, 0).isPacked()).isTrue();
            assertThat(zone(t, 0, 0)).as("round %d", round).isEqualTo(new Range(lo, hi, round % 2 == 1));
        }
    }

    @Test
    void bulkAppendsMakeStringMapsWhilePacking() {
        // appendAll packs each full row group as it builds it, and makes its STRING maps then:
        // column 0 is unique (packed as a heap), column 1 has three values (packed as a dictionary).
        List<LogicalType> types = List.of(LogicalType.VARCHAR, LogicalType.VARCHAR);
        String[] fruit = {"pear", "apple", "zucchini"};
        List<DataChunk> chunks = new java.util.ArrayList<>();
        long end = 2L * G + 500;
        for (long start = 0; start < end; start += 2048) {
            DataChunk c = new DataChunk(types);
            int n = (int) Math.min(2048, end - start);
            for (int i = 0; i < n; i++) {
                long r = start + i;
                if (r >= G && r % 11 == 5) c.column(0).setNull(i); // NULLs in row group 1 only
                else c.column(0).strings[i] = String.format("u%07d", r);
                if (r % 7 == 3) c.column(1).setNull(i);
                else c.column(1).strings[i] = fruit[(int) (r % 3)];
            }
            c.setCount(n);
            chunks.add(c);
        }
        DataTable t = new DataTable(types);
        t.appendAll(chunks, 0, tasks -> tasks.forEach(Runnable::run));
        assertThat(t.segment(0, 0).isPacked()).isTrue();
        assertThat(t.segment(1, 1).isPacked()).isTrue();
        assertThat(zone(t, 0, 0)).isEqualTo(new Range("u0000000", String.format("u%07d", G - 1), false));
        assertThat(zone(t, 1, 0)).isEqualTo(new Range(String.format("u%07d", G), String.format("u%07d", 2 * G - 1), true));
        assertThat(zone(t, 2, 0)).isEqualTo(new Range(String.format("u%07d", 2 * G), String.format("u%07d", 2 * G + 499), true));
        for (int g = 0; g < 3; g++) assertThat(zone(t, g, 1)).as("group %d", g).isEqualTo(new Range("apple", "zucchini", true));
        assertThat(t.verify("t")).isEmpty();
    }

    @Test
    void updatesWidenTheMapAndDeletesLeaveIt() {
        DataTable t = new DataTable(TYPES);
        appendRows(t, 0, G + 10);
        ZoneMap before = zone(t, 0, 0);
        Vector v = new Vector(LogicalType.BIGINT, 2);
        v.longs[0] = -1_000_000;
        v.setNull(1);
        t.update(new long[] {5, G + 3}, 2, 0, v); // a packed row group and the partial one
        assertThat(zone(t, 0, 0)).isEqualTo(new Range(-1_000_000L, (long) G - 1 - 200_000, false));
        assertThat(zone(t, 1, 0)).isEqualTo(new Range((long) G - 200_000, (long) G + 9 - 200_000, true));
        assertThat(before).isEqualTo(new Range(-200_000L, (long) G - 1 - 200_000, false)); // the old map is unchanged
        // an update inside the range changes nothing
        ZoneMap widened = zone(t, 0, 0);
        v.longs[0] = -100_000;
        t.update(new long[] {6}, 1, 0, v);
        assertThat(zone(t, 0, 0)).isSameAs(widened);
        t.delete(new long[] {5}, 1);
        assertThat(zone(t, 0, 0)).isSameAs(widened); // still covers the live rows: no shrinking needed
        assertThat(t.verify("t")).isEmpty();
    }

    @Test
    void copiesOfATableKeepTheirOwnMaps() {
        DataTable t = new DataTable(TYPES);
        appendRows(t, 0, G + 10);
        DataTable added = t.withColumnAdded(LogicalType.INTEGER, 7);
        assertThat(zone(added, 0, 5)).isEqualTo(new Range(7L, 7L, false));
        assertThat(zone(added, 1, 5)).isEqualTo(new Range(7L, 7L, false));
        assertThat(zone(t.withColumnAdded(LogicalType.INTEGER, null), 0, 5)).isEqualTo(new NoRange(true, false));
        DataTable dropped = t.withColumnDropped(0);
        assertThat(zone(dropped, 1, 0)).isEqualTo(zone(t, 1, 1));
        ZoneMap original = zone(t, 1, 1);
        Vector v = new Vector(LogicalType.DATE, 1);
        v.ints[0] = -500;
        dropped.update(new long[] {G + 1}, 1, 0, v);
        assertThat(zone(dropped, 1, 0)).isEqualTo(new Range(-500L, (G + 9L) / 100, false));
        assertThat(zone(t, 1, 1)).isSameAs(original); // the shared segment was copied, not written
        v.ints[0] = 99_999;
        t.update(new long[] {G + 2}, 1, 1, v);
        assertThat(zone(t, 1, 1)).isEqualTo(new Range((long) G / 100, 99_999L, false));
        assertThat(zone(added, 1, 1)).isSameAs(original);
        for (DataTable d : List.of(t, added, dropped)) assertThat(d.verify("t")).isEmpty();
    }

    @Test
    void mapsComeBackFromACheckpointStream() {
        DataTable t = new DataTable(TYPES);
        appendRows(t, 0, 2L * G + 500); // two packed row groups and a plain one
        Vector v = new Vector(LogicalType.VARCHAR, 1);
        v.setNull(0);
        t.update(new long[] {7}, 1, 4, v);
        try (BlockFile file = BlockFile.create(dir.resolve("z.mallard"), FileLayer.LOCAL)) {
            checkReloaded(t, CheckpointStreams.roundTrip(t, TYPES, file));
        }
    }

    private void checkReloaded(DataTable t, DataTable back) {
        for (int g = 0; g < 3; g++) {
            for (int c = 0; c < TYPES.size(); c++) assertThat(zone(back, g, c)).as("group %d column %d", g, c).isEqualTo(zone(t, g, c));
        }
        assertThat(zone(back, 0, 4).hasNull()).isTrue();
        assertThat(zone(back, 2, 3)).isEqualTo(new Range((double) G, Double.NaN, true));
        // and keep widening after the reload
        appendRows(back, 2L * G + 500, 2L * G + 501);
        assertThat(zone(back, 2, 0)).isEqualTo(new Range(2L * G - 200_000, 2L * G + 500 - 200_000, false));
        assertThat(back.verify("t")).isEmpty();
    }

    @Test
    void mayMatchSkipsOnlyRowGroupsNoRowOfWhichPasses() {
        DataTable t = new DataTable(TYPES);
        appendRows(t, 0, 3L * G);
        List<TableFilter> range = List.of(new TableFilter.Comparison(0, GREATER | EQUAL, (long) G - 200_000),
                new TableFilter.Comparison(0, LESS, 2L * G - 200_000));
        assertThat(t.mayMatch(0, range)).isFalse();
        assertThat(t.mayMatch(1, range)).isTrue();
        assertThat(t.mayMatch(2, range)).isFalse();
        List<TableFilter> nan = List.of(new TableFilter.Comparison(3, GREATER, 1e18));
        assertThat(t.mayMatch(1, nan)).isFalse();
        assertThat(t.mayMatch(2, nan)).isTrue(); // its NaN passes
        List<TableFilter> nulls = List.of(new TableFilter.NullTest(4, false));
        for (int g = 0; g < 3; g++) assertThat(t.mayMatch(g, nulls)).isFalse();
        assertThat(t.mayMatch(0, List.of(new TableFilter.NullTest(3, false)))).isTrue();
    }

    @Test
    void integrityCheckFindsAMapThatMissesValues() {
        DataTable t = new DataTable(TYPES);
        appendRows(t, 0, 5000);
        t.segment(0, 0).zone = new Range(0L, 1L, false);
        assertThat(t.verify("t")).containsExactly("t: the zone map of column 0 in row group 0 misses some of its values");
    }

    /**
     * A reader that reads the row id limit and then a row group's zone maps never has a row it can
     * see ruled out, while a writer keeps appending to that row group.
     */
    @Test
    void concurrentAppendsNeverHideVisibleRows() throws Exception {
        List<LogicalType> types = List.of(LogicalType.BIGINT);
        DataTable t = new DataTable(types);
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            DataChunk chunk = new DataChunk(types);
            for (long r = 0; r < 3L * G; ) {
                chunk.reset();
                int n = 1 + (int) (r % 37);
                for (int i = 0; i < n; i++) chunk.column(0).longs[i] = r + i; // the value is the row id
                chunk.setCount(n);
                t.append(chunk);
                r += n;
            }
            done.set(true);
        });
        writer.start();
        long checks = 0;
        while (!done.get() || checks == 0) {
            long limit = t.rowIdLimit();
            if (limit == 0) continue;
            long last = limit - 1;
            List<TableFilter> f = List.of(new TableFilter.Comparison(0, GREATER | EQUAL, last));
            assertThat(t.mayMatch((int) (last / G), f)).as("row %d", last).isTrue();
            checks++;
        }
        writer.join();
        assertThat(checks).isPositive();
    }
}
