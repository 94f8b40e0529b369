package dev.mallard.execution.sort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopNTest {
    private static final List<LogicalType> KEY_TYPES = List.of(LogicalType.INTEGER, LogicalType.VARCHAR);
    private static final List<LogicalType> PAYLOAD_TYPES = List.of(LogicalType.BIGINT, LogicalType.VARCHAR);

    /** Rows are (key1, key2, id); the payload is (id, "r" + id). */
    private record Input(Vector k1, Vector k2, Vector id, Vector name, int n) {}

    private static Input randomInput(Random random, int n, int firstId) {
        Vector k1 = new Vector(LogicalType.INTEGER, n);
        Vector k2 = new Vector(LogicalType.VARCHAR, n);
        Vector id = new Vector(LogicalType.BIGINT, n);
        Vector name = new Vector(LogicalType.VARCHAR, n);
        for (int i = 0; i < n; i++) {
            k1.setObject(i, random.nextInt(10) == 0 ? null : random.nextInt(20));
            k2.setObject(i, random.nextInt(10) == 0 ? null : "s" + random.nextInt(3));
            id.setObject(i, (long) firstId + i);
            name.setObject(i, "r" + (firstId + i));
        }
        return new Input(k1, k2, id, name, n);
    }

    private static List<Long> ids(List<DataChunk> chunks) {
        List<Long> out = new ArrayList<>();
        for (DataChunk chunk : chunks) {
            assertThat(chunk.count()).isLessThanOrEqualTo(Vector.DEFAULT_CAPACITY);
            for (int k = 0; k < chunk.count(); k++) {
                out.add((Long) chunk.getObject(0, k));
                assertThat(chunk.getObject(1, k)).isEqualTo("r" + chunk.getObject(0, k));
            }
        }
        return out;
    }

    /** Reference: stable sort of all rows, then the slice. */
    private static List<Long> expected(List<Input> inputs, boolean[] asc, boolean[] nf, long limit, long offset) {
        int total = inputs.stream().mapToInt(Input::n).sum();
        Vector k1 = new Vector(LogicalType.INTEGER, Math.max(total, 1));
        Vector k2 = new Vector(LogicalType.VARCHAR, Math.max(total, 1));
        List<Long> idList = new ArrayList<>();
        int at = 0;
        for (Input in : inputs) {
            for (int i = 0; i < in.n; i++, at++) {
                k1.copyFrom(in.k1, i, at);
                k2.copyFrom(in.k2, i, at);
                idList.add(in.id.longs[i]);
            }
        }
        int[] perm = Sorter.sort(new Vector[] {k1, k2}, asc, nf, total);
        List<Long> out = new ArrayList<>();
        long end = limit < 0 ? total : Math.min(total, offset + limit);
        for (long p = offset; p < end; p++) out.add(idList.get(perm[(int) p]));
        return out;
    }

    @Test
    void matchesFullSortWithOffsetsAndTies() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            boolean[] asc = {random.nextBoolean(), random.nextBoolean()};
            boolean[] nf = {random.nextBoolean(), random.nextBoolean()};
            long limit = random.nextInt(8) == 0 ? -1 : random.nextInt(60);
            long offset = random.nextInt(4) == 0 ? 0 : random.nextInt(40);
            TopN topN = new TopN(KEY_TYPES, asc, nf, PAYLOAD_TYPES, limit, offset);
            List<Input> inputs = new ArrayList<>();
            int nextId = 0;
            for (int c = 0, chunks = random.nextInt(5); c < chunks; c++) {
                Input in = randomInput(random, random.nextInt(100), nextId);
                nextId += in.n;
                // Feed through a selection of every other row half the time.
                if (random.nextBoolean() && in.n > 0) {
                    int[] sel = new int[in.n];
                    int count = 0;
                    for (int i = 0; i < in.n; i += 2) sel[count++] = i;
                    topN.add(new Vector[] {in.k1, in.k2}, new Vector[] {in.id, in.name}, sel, count);
                    inputs.add(select(in, sel, count));
                } else {
                    topN.add(new Vector[] {in.k1, in.k2}, new Vector[] {in.id, in.name}, null, in.n);
                    inputs.add(in);
                }
            }
            assertThat(ids(topN.result())).as("round %d", round).isEqualTo(expected(inputs, asc, nf, limit, offset));
            if (limit >= 0) assertThat(topN.size()).isLessThanOrEqualTo((int) (limit + offset));
        }
    }

    private static Input select(Input in, int[] sel, int count) {
        Input out = new Input(new Vector(LogicalType.INTEGER, Math.max(count, 1)), new Vector(LogicalType.VARCHAR, Math.max(count, 1)),
                new Vector(LogicalType.BIGINT, Math.max(count, 1)), new Vector(LogicalType.VARCHAR, Math.max(count, 1)), count);
        for (int k = 0; k < count; k++) {
            out.k1.copyFrom(in.k1, sel[k], k);
            out.k2.copyFrom(in.k2, sel[k], k);
            out.id.copyFrom(in.id, sel[k], k);
            out.name.copyFrom(in.name, sel[k], k);
        }
        return out;
    }

    @Test
    void mergeKeepsThreadLocalResultsInOrder() {
        Random random = new Random(5);
        boolean[] asc = {true, false};
        boolean[] nf = {false, true};
        TopN a = new TopN(KEY_TYPES, asc, nf, PAYLOAD_TYPES, 25, 10);
        TopN b = new TopN(KEY_TYPES, asc, nf, PAYLOAD_TYPES, 25, 10);
        Input first = randomInput(random, 300, 0);
        Input second = randomInput(random, 300, 300);
        a.add(new Vector[] {first.k1, first.k2}, new Vector[] {first.id, first.name}, null, first.n);
        b.add(new Vector[] {second.k1, second.k2}, new Vector[] {second.id, second.name}, null, second.n);
        a.merge(b);
        assertThat(ids(a.result())).isEqualTo(expected(List.of(first, second), asc, nf, 25, 10));
    }

    @Test
    void limitZeroAndOffsetPastTheEnd() {
        Input in = randomInput(new Random(1), 50, 0);
        TopN none = new TopN(KEY_TYPES, new boolean[] {true, true}, new boolean[] {false, false}, PAYLOAD_TYPES, 0, 5);
        none.add(new Vector[] {in.k1, in.k2}, new Vector[] {in.id, in.name}, null, in.n);
        assertThat(none.result()).isEmpty();
        TopN past = new TopN(KEY_TYPES, new boolean[] {true, true}, new boolean[] {false, false}, PAYLOAD_TYPES, 10, 100);
        past.add(new Vector[] {in.k1, in.k2}, new Vector[] {in.id, in.name}, null, in.n);
        assertThat(past.result()).isEmpty();
        TopN empty = new TopN(KEY_TYPES, new boolean[] {true, true}, new boolean[] {false, false}, PAYLOAD_TYPES, 10, 0);
        assertThat(empty.result()).isEmpty();
    }

    @Test
    void largeResultsComeInChunksOf2048() {
        int n = 5000;
        Vector key = new Vector(LogicalType.BIGINT, n);
        Vector id = new Vector(LogicalType.BIGINT, n);
        for (int i = 0; i < n; i++) {
            key.longs[i] = (i * 7919L) % n;
            id.longs[i] = i;
        }
        TopN topN = new TopN(List.of(LogicalType.BIGINT), new boolean[] {false}, new boolean[] {false},
                List.of(LogicalType.BIGINT), 4500, 100);
        for (int start = 0; start < n; start += 1000) {
            int[] sel = new int[1000];
            for (int k = 0; k < 1000; k++) sel[k] = start + k;
            topN.add(new Vector[] {key}, new Vector[] {id}, sel, 1000);
        }
        List<DataChunk> chunks = topN.result();
        assertThat(chunks).extracting(DataChunk::count).containsExactly(2048, 2048, 404);
        long previous = Long.MAX_VALUE;
        int count = 0;
        for (DataChunk chunk : chunks) {
            for (int k = 0; k < chunk.count(); k++) {
                long idValue = (Long) chunk.getObject(0, k);
                long keyValue = (idValue * 7919L) % n;
                assertThat(keyValue).isLessThan(previous);
                previous = keyValue;
                count++;
            }
        }
        assertThat(count).isEqualTo(4500);
        assertThat((idValueOfFirst(chunks) * 7919L) % n).isEqualTo(n - 1 - 100);
    }

    private static long idValueOfFirst(List<DataChunk> chunks) {
        return (Long) chunks.get(0).getObject(0, 0);
    }
}
