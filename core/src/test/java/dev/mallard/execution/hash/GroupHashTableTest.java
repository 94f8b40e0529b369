package dev.mallard.execution.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Group ids must depend only on key values: the same values give the same id in every batch, other
 * values another id. Checked against a map of value lists, over the cases the string key shortcut
 * ({@link StringKeyCache}) has to get right: shared and unshared String objects, NULLs, selection
 * vectors, and a column whose distinct values outgrow the shortcut halfway through.
 */
class GroupHashTableTest {
    private static final List<LogicalType> TWO_STRINGS = List.of(LogicalType.VARCHAR, LogicalType.VARCHAR);

    /** Looks every batch up and checks each row's id against the ids of its values seen so far. */
    private static void check(List<LogicalType> types, List<Vector[]> batches, List<int[]> sels, int[] counts) {
        GroupHashTable table = new GroupHashTable(types);
        Map<List<Object>, Integer> expected = new HashMap<>();
        for (int b = 0; b < batches.size(); b++) {
            Vector[] keys = batches.get(b);
            int[] sel = sels.get(b);
            int n = counts[b];
            int[] ids = new int[n];
            table.findOrCreate(keys, sel, n, ids);
            for (int k = 0; k < n; k++) {
                int p = sel == null ? k : sel[k];
                List<Object> values = new ArrayList<>();
                for (Vector v : keys) values.add(v.isNull(p) ? null : v.strings[p]);
                Integer before = expected.putIfAbsent(values, ids[k]);
                if (before != null) assertEquals((int) before, ids[k], "batch " + b + " row " + k + " " + values);
            }
            assertEquals(expected.size(), table.size(), "one group per distinct key after batch " + b);
            assertEquals(expected.size(), expected.values().stream().distinct().count(), "distinct keys get distinct ids");
        }
    }

    private static Vector strings(String... values) {
        Vector v = new Vector(LogicalType.VARCHAR, values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) v.setNull(i);
            else v.strings[i] = values[i];
        }
        return v;
    }

    private static String[] random(SplittableRandom r, int n, String[] pool, boolean copies, double nulls) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() < nulls) continue;
            String s = pool[r.nextInt(pool.length)];
            out[i] = copies ? new String(s.toCharArray()) : s;
        }
        return out;
    }

    @Test
    void sharedFlagsAcrossBatches() {
        SplittableRandom r = new SplittableRandom(1);
        List<Vector[]> batches = new ArrayList<>();
        List<int[]> sels = new ArrayList<>();
        int[] counts = new int[20];
        for (int b = 0; b < 20; b++) {
            batches.add(new Vector[] {strings(random(r, 2048, new String[] {"A", "N", "R"}, false, 0)),
                strings(random(r, 2048, new String[] {"F", "O"}, false, 0))});
            sels.add(null);
            counts[b] = 2048;
        }
        check(TWO_STRINGS, batches, sels, counts);
    }

    @Test
    void equalStringsThatAreDifferentObjectsShareAGroup() {
        SplittableRandom r = new SplittableRandom(2);
        List<Vector[]> batches = new ArrayList<>();
        List<int[]> sels = new ArrayList<>();
        int[] counts = new int[6];
        for (int b = 0; b < 6; b++) {
            // few values but a new object per row: the shortcut sees too many objects and steps aside
            batches.add(new Vector[] {strings(random(r, 500, new String[] {"x", "y"}, b % 2 == 1, 0)),
                strings(random(r, 500, new String[] {"p", "q", "ü"}, b >= 3, 0))});
            sels.add(null);
            counts[b] = 500;
        }
        check(TWO_STRINGS, batches, sels, counts);
    }

    @Test
    void nullsAndSelections() {
        SplittableRandom r = new SplittableRandom(3);
        List<Vector[]> batches = new ArrayList<>();
        List<int[]> sels = new ArrayList<>();
        int[] counts = new int[10];
        for (int b = 0; b < 10; b++) {
            batches.add(new Vector[] {strings(random(r, 1000, new String[] {"a", "b", "c"}, false, 0.2)),
                strings(random(r, 1000, new String[] {"", "d"}, false, 0.3))});
            int[] sel = b % 2 == 0 ? null : java.util.stream.IntStream.range(0, 1000).filter(i -> i % 3 != 0).toArray();
            sels.add(sel);
            counts[b] = sel == null ? 1000 : sel.length;
        }
        check(TWO_STRINGS, batches, sels, counts);
    }

    @Test
    void aColumnOutgrowingTheShortcutMidway() {
        SplittableRandom r = new SplittableRandom(4);
        List<Vector[]> batches = new ArrayList<>();
        List<int[]> sels = new ArrayList<>();
        int[] counts = new int[8];
        String[] few = {"s1", "s2", "s3"};
        String[] many = new String[40];
        for (int i = 0; i < many.length; i++) many[i] = "v" + i;
        for (int b = 0; b < 8; b++) {
            // the first batches fit the shortcut; from the fourth on, the single column has 40 values
            String[] pool = b < 3 ? few : Arrays.copyOf(many, 5 + b * 5);
            batches.add(new Vector[] {strings(random(r, 700, pool, false, 0.05))});
            sels.add(null);
            counts[b] = 700;
        }
        check(List.of(LogicalType.VARCHAR), batches, sels, counts);
    }

    @Test
    void findLeavesAbsentKeysOutAndSeesLaterGroups() {
        GroupHashTable table = new GroupHashTable(List.of(LogicalType.VARCHAR));
        int[] ids = new int[4];
        table.find(new Vector[] {strings("a", "b", "a", null)}, null, 4, ids);
        assertEquals(List.of(-1, -1, -1, -1), Arrays.stream(ids).boxed().toList());
        table.findOrCreate(new Vector[] {strings("b", null)}, null, 2, ids);
        int b = ids[0], nul = ids[1];
        table.find(new Vector[] {strings("a", "b", "a", null)}, null, 4, ids);
        assertEquals(List.of(-1, b, -1, nul), Arrays.stream(ids).boxed().toList());
    }
}
