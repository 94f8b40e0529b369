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

    /** One lookup's input: key vectors, the live positions (null: all) and how many rows are live. */
    private record Batch(Vector[] keys, int[] sel, int count) {
        static Batch all(int count, Vector... keys) {
            return new Batch(keys, null, count);
        }
    }

    /** Looks {@code batches} batches up in one table and checks each row's id against the ids its values got before. */
    private static void check(List<LogicalType> types, int batches, java.util.function.IntFunction<Batch> batch) {
        GroupHashTable table = new GroupHashTable(types);
        Map<List<Object>, Integer> expected = new HashMap<>();
        for (int b = 0; b < batches; b++) {
            Batch in = batch.apply(b);
            int[] ids = new int[in.count()];
            table.findOrCreate(in.keys(), in.sel(), in.count(), ids);
            for (int k = 0; k < in.count(); k++) {
                int p = in.sel() == null ? k : in.sel()[k];
                List<Object> values = new ArrayList<>();
                for (Vector v : in.keys()) values.add(v.isNull(p) ? null : v.strings[p]);
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

    /** {@code n} values drawn from {@code pool} ({@code copies}: each a new String object), a share {@code nulls} of them NULL. */
    private static Vector random(SplittableRandom r, int n, String[] pool, boolean copies, double nulls) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() < nulls) continue;
            String s = pool[r.nextInt(pool.length)];
            out[i] = copies ? new String(s.toCharArray()) : s;
        }
        return strings(out);
    }

    @Test
    void sharedFlagsAcrossBatches() {
        SplittableRandom r = new SplittableRandom(1);
        check(TWO_STRINGS, 20, b -> Batch.all(2048, random(r, 2048, new String[] {"A", "N", "R"}, false, 0),
                random(r, 2048, new String[] {"F", "O"}, false, 0)));
    }

    @Test
    void equalStringsThatAreDifferentObjectsShareAGroup() {
        SplittableRandom r = new SplittableRandom(2);
        // few values but, in some batches, a new object per row: the shortcut sees too many objects and steps aside
        check(TWO_STRINGS, 6, b -> Batch.all(500, random(r, 500, new String[] {"x", "y"}, b % 2 == 1, 0),
                random(r, 500, new String[] {"p", "q", "ü"}, b >= 3, 0)));
    }

    @Test
    void nullsAndSelections() {
        SplittableRandom r = new SplittableRandom(3);
        int[] everyThirdOut = java.util.stream.IntStream.range(0, 1000).filter(i -> i % 3 != 0).toArray();
        check(TWO_STRINGS, 10, b -> {
            Vector[] keys = {random(r, 1000, new String[] {"a", "b", "c"}, false, 0.2), random(r, 1000, new String[] {"", "d"}, false, 0.3)};
            return b % 2 == 0 ? Batch.all(1000, keys) : new Batch(keys, everyThirdOut, everyThirdOut.length);
        });
    }

    @Test
    void aColumnOutgrowingTheShortcutMidway() {
        SplittableRandom r = new SplittableRandom(4);
        String[] few = {"s1", "s2", "s3"};
        String[] many = new String[40];
        for (int i = 0; i < many.length; i++) many[i] = "v" + i;
        // the first batches fit the shortcut; from the fourth on, the single column has 20 to 40 values
        check(List.of(LogicalType.VARCHAR), 8, b -> Batch.all(700, random(r, 700, b < 3 ? few : Arrays.copyOf(many, 5 + b * 5), false, 0.05)));
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
