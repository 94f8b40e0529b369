package dev.mallard.execution.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.execution.data.ColumnCollection;
import dev.mallard.execution.hash.JoinHashTable;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A join filter never drops a row that has a partner, rejects NULL keys, and drops most others. */
class JoinFilterTest {

    private static JoinFilter filterOver(long[] keys) {
        ColumnCollection rows = new ColumnCollection(List.of(LogicalType.BIGINT), keys.length);
        Vector v = new Vector(LogicalType.BIGINT, keys.length);
        System.arraycopy(keys, 0, v.longs, 0, keys.length);
        rows.append(new Vector[] {v}, 0, null, keys.length);
        return JoinFilter.of(new JoinHashTable(rows, new boolean[] {false}), 0);
    }

    private static void check(long[] build, long probeRange, double maxFalsePositives) {
        JoinFilter f = filterOver(build);
        Set<Long> members = new HashSet<>();
        for (long k : build) members.add(k);
        Random r = new Random(7);
        int passedNonMembers = 0, nonMembers = 0;
        Vector probe = new Vector(LogicalType.BIGINT, 2048);
        int[] out = new int[2048];
        long[] hashes = new long[2048];
        for (int round = 0; round < 50; round++) {
            for (int k = 0; k < 2048; k++) {
                probe.longs[k] = k % 3 == 0 ? build[r.nextInt(build.length)] : (long) (r.nextDouble() * probeRange);
                probe.setNull(k, k % 101 == 0);
            }
            int n = f.select(probe, null, 2048, out, hashes);
            Set<Integer> kept = new HashSet<>();
            for (int i = 0; i < n; i++) kept.add(out[i]);
            for (int k = 0; k < 2048; k++) {
                if (probe.isNull(k)) {
                    assertThat(kept).doesNotContain(k);
                } else if (members.contains(probe.longs[k])) {
                    assertThat(kept).as("key %d has a partner", probe.longs[k]).contains(k);
                } else {
                    nonMembers++;
                    if (kept.contains(k)) passedNonMembers++;
                }
            }
        }
        assertThat((double) passedNonMembers / nonMembers).isLessThanOrEqualTo(maxFalsePositives);
    }

    @Test
    void bloomFilterOfAHashedBuild() {
        Random r = new Random(1);
        long[] keys = new long[50_000];
        for (int i = 0; i < keys.length; i++) keys[i] = r.nextLong() >>> 8;
        check(keys, Long.MAX_VALUE >>> 8, 0.05);
    }

    @Test
    void exactFilterOfADirectBuild() {
        long[] keys = new long[3000];
        for (int i = 0; i < keys.length; i++) keys[i] = 1000 + i * 3L;
        check(keys, 20_000, 0.0);
    }

    @Test
    void selectionInAndOut() {
        JoinFilter f = filterOver(new long[] {5, 9});
        Vector probe = new Vector(LogicalType.BIGINT, 8);
        for (int k = 0; k < 8; k++) probe.longs[k] = k + 3; // 3..10
        int[] out = new int[8];
        int n = f.select(probe, new int[] {1, 2, 6, 7}, 4, out, new long[8]); // keys 4, 5, 9, 10
        assertThat(java.util.Arrays.copyOf(out, n)).containsExactly(2, 6);
    }

    @Test
    void oneKeyOfATwoKeyBuild() {
        int n = 5000;
        ColumnCollection rows = new ColumnCollection(List.of(LogicalType.BIGINT, LogicalType.BIGINT), n);
        Vector a = new Vector(LogicalType.BIGINT, n), b = new Vector(LogicalType.BIGINT, n);
        for (int i = 0; i < n; i++) {
            a.longs[i] = i % 7;
            b.longs[i] = 1_000_000L * i;
        }
        rows.append(new Vector[] {a, b}, 0, null, n);
        JoinFilter f = JoinFilter.of(new JoinHashTable(rows, new boolean[] {false, false}), 1);
        Vector probe = new Vector(LogicalType.BIGINT, 2048);
        for (int k = 0; k < 2048; k++) probe.longs[k] = k % 2 == 0 ? 1_000_000L * (k * 2) : 1_000_000L * k + 1;
        int[] out = new int[2048];
        int kept = f.select(probe, null, 2048, out, new long[2048]);
        Set<Integer> passed = new HashSet<>();
        for (int i = 0; i < kept; i++) passed.add(out[i]);
        for (int k = 0; k < 2048; k += 2) assertThat(passed).contains(k); // every member of the second key passes
        assertThat(kept).isLessThan(1024 + 100); // and few others do
    }
}
