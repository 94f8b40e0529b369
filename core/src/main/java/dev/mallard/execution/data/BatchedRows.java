package dev.mallard.execution.data;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows gathered by one thread, remembering which batch (morsel) each run of rows came from, so
 * {@link OrderedRows} can put several threads' rows back into source order.
 */
public final class BatchedRows {
    private final ColumnCollection rows;
    private long[] batches = new long[8];
    private int[] starts = new int[8];
    private int runs;

    public BatchedRows(List<LogicalType> types) {
        this.rows = new ColumnCollection(types);
    }

    public void append(DataChunk chunk, long batchIndex) {
        if (chunk.count() == 0) return;
        if (runs == 0 || batches[runs - 1] != batchIndex) {
            if (runs == batches.length) {
                batches = Arrays.copyOf(batches, runs * 2);
                starts = Arrays.copyOf(starts, runs * 2);
            }
            batches[runs] = batchIndex;
            starts[runs] = rows.size();
            runs++;
        }
        rows.append(chunk);
    }

    public ColumnCollection rows() {
        return rows;
    }

    int runs() {
        return runs;
    }

    long batch(int run) {
        return batches[run];
    }

    int start(int run) {
        return starts[run];
    }

    int end(int run) {
        return run + 1 < runs ? starts[run + 1] : rows.size();
    }

    /** True if batch indexes never decrease, i.e. the rows are already in source order. */
    boolean ordered() {
        for (int r = 1; r < runs; r++) if (batches[r] < batches[r - 1]) return false;
        return true;
    }

    /** Fuses the runs of another collector into a list of (batch, rows) parts. */
    void parts(List<Part> out) {
        for (int r = 0; r < runs; r++) out.add(new Part(batches[r], this, start(r), end(r)));
    }

    record Part(long batch, BatchedRows owner, int from, int to) {}

    static List<Part> allParts(List<BatchedRows> locals) {
        List<Part> parts = new ArrayList<>();
        for (BatchedRows b : locals) b.parts(parts);
        return parts;
    }
}
