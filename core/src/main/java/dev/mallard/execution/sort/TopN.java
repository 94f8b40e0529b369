package dev.mallard.execution.sort;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the first {@code limit + offset} rows, by sort keys, of a stream of chunks: ORDER BY with
 * LIMIT/OFFSET without sorting (or holding) the whole input.
 *
 * <p>Kept rows live in slots of private key and payload vectors; a binary max-heap of slot ids puts
 * the worst kept row on top, so a new row costs one comparison when it does not make the cut and
 * O(log n) when it replaces the worst. Each row gets an insertion sequence number that breaks
 * ties, which makes the result stable; rows merged from another instance come after this
 * instance's rows. One instance is used by one thread; combine thread-local instances with
 * {@link #merge}.
 */
public final class TopN {
    private static final int INITIAL_SLOTS = 1024;
    /** Java arrays cannot hold more; a larger LIMIT with that much input could not be kept anyway. */
    private static final long MAX_ROWS = Integer.MAX_VALUE - 16;

    private final List<LogicalType> payloadTypes;
    private final boolean[] ascending;
    private final boolean[] nullsFirst;
    private final long limit;
    private final long offset;
    private final int bound;
    private final Vector[] keyStore;
    private final Vector[] payloadStore;
    /** BIGINT insertion sequence per slot: the last, tie-breaking sort key. */
    private final Vector sequences;
    private final KeyComparator[] slotComparators;
    private int[] heap;
    private int size;
    private int slotCapacity;
    private long nextSequence;

    /**
     * @param limit  rows to return, or a negative number for all rows after {@code offset}
     * @param offset rows to skip first
     */
    public TopN(List<LogicalType> keyTypes, boolean[] ascending, boolean[] nullsFirst,
                List<LogicalType> payloadTypes, long limit, long offset) {
        if (ascending.length != keyTypes.size() || nullsFirst.length != keyTypes.size()) {
            throw new MallardException.Internal("TopN: " + keyTypes.size() + " keys but " + ascending.length
                    + " directions and " + nullsFirst.length + " NULL placements");
        }
        if (offset < 0) throw new MallardException.Internal("TopN: negative offset " + offset);
        this.payloadTypes = List.copyOf(payloadTypes);
        this.ascending = ascending.clone();
        this.nullsFirst = nullsFirst.clone();
        this.limit = limit;
        this.offset = offset;
        long wanted = limit < 0 ? MAX_ROWS : Math.min(MAX_ROWS, limit + offset);
        if (limit >= 0 && limit + offset < 0) wanted = MAX_ROWS; // overflow of limit + offset
        this.bound = (int) wanted;
        this.slotCapacity = Math.max(1, Math.min(bound, INITIAL_SLOTS));
        this.keyStore = new Vector[keyTypes.size()];
        for (int c = 0; c < keyStore.length; c++) keyStore[c] = new Vector(keyTypes.get(c), slotCapacity);
        this.payloadStore = new Vector[payloadTypes.size()];
        for (int c = 0; c < payloadStore.length; c++) payloadStore[c] = new Vector(payloadTypes.get(c), slotCapacity);
        this.sequences = new Vector(LogicalType.BIGINT, slotCapacity);
        this.slotComparators = new KeyComparator[keyStore.length + 1];
        for (int c = 0; c < keyStore.length; c++) {
            slotComparators[c] = new KeyComparator(keyStore[c], ascending[c], nullsFirst[c]);
        }
        slotComparators[keyStore.length] = new KeyComparator(sequences, true, false);
        this.heap = new int[slotCapacity];
    }

    /** Offers the rows at positions {@code sel[k]} (or {@code k}) for {@code k < count}. */
    public void add(Vector[] keys, Vector[] payload, int[] sel, int count) {
        if (keys.length != keyStore.length || payload.length != payloadStore.length) {
            throw new MallardException.Internal("TopN.add: expected " + keyStore.length + " keys and "
                    + payloadStore.length + " payload columns");
        }
        for (int k = 0; k < count; k++) offer(keys, payload, sel == null ? k : sel[k], nextSequence++);
    }

    /** Adds every row kept by {@code other} (built with the same types), after this instance's rows. */
    public void merge(TopN other) {
        if (other == this) throw new MallardException.Internal("TopN cannot merge itself");
        // Offer the other's rows in its own sequence order so ties stay in insertion order.
        int[] order = other.sortedSlots();
        for (int slot : order) offer(other.keyStore, other.payloadStore, slot, nextSequence++);
    }

    /** Number of rows currently kept (at most {@code limit + offset}). */
    public int size() {
        return size;
    }

    /** The payload of sorted positions {@code offset .. offset + limit}, in order, in chunks of at most 2048 rows. */
    public List<DataChunk> result() {
        int[] order = sortedSlots();
        List<DataChunk> chunks = new ArrayList<>();
        long end = limit < 0 ? order.length : Math.min(order.length, offset + limit);
        for (long start = offset; start < end; start += Vector.DEFAULT_CAPACITY) {
            int n = (int) Math.min(Vector.DEFAULT_CAPACITY, end - start);
            DataChunk chunk = new DataChunk(payloadTypes, n);
            for (int c = 0; c < payloadStore.length; c++) {
                Vector out = chunk.column(c);
                Vector src = payloadStore[c];
                for (int r = 0; r < n; r++) out.copyFrom(src, order[(int) start + r], r);
            }
            chunk.setCount(n);
            chunks.add(chunk);
        }
        return chunks;
    }

    /** Kept slots in final order: by the sort keys, ties by insertion sequence. */
    private int[] sortedSlots() {
        Vector[] sortKeys = new Vector[keyStore.length + 1];
        System.arraycopy(keyStore, 0, sortKeys, 0, keyStore.length);
        sortKeys[keyStore.length] = sequences;
        boolean[] asc = new boolean[sortKeys.length];
        boolean[] nf = new boolean[sortKeys.length];
        System.arraycopy(ascending, 0, asc, 0, ascending.length);
        System.arraycopy(nullsFirst, 0, nf, 0, nullsFirst.length);
        asc[keyStore.length] = true;
        return Sorter.sort(sortKeys, asc, nf, size);
    }

    private void offer(Vector[] keys, Vector[] payload, int pos, long sequence) {
        if (bound == 0) return;
        if (size < bound) {
            if (size == slotCapacity) grow();
            int slot = size;
            store(slot, keys, payload, pos, sequence);
            heap[size] = slot;
            size++;
            siftUp(size - 1);
            return;
        }
        int worst = heap[0];
        if (!sortsBefore(keys, pos, worst)) return; // ties lose: the kept row came first
        store(worst, keys, payload, pos, sequence);
        siftDown(0);
    }

    /** True when the incoming row's keys sort strictly before the kept row in {@code slot}. */
    private boolean sortsBefore(Vector[] keys, int pos, int slot) {
        for (int c = 0; c < keyStore.length; c++) {
            int cmp = Sorter.compare(keys[c], pos, keyStore[c], slot, ascending[c], nullsFirst[c]);
            if (cmp != 0) return cmp < 0;
        }
        return false;
    }

    private void store(int slot, Vector[] keys, Vector[] payload, int pos, long sequence) {
        for (int c = 0; c < keyStore.length; c++) keyStore[c].copyFrom(keys[c], pos, slot);
        for (int c = 0; c < payloadStore.length; c++) payloadStore[c].copyFrom(payload[c], pos, slot);
        sequences.longs[slot] = sequence;
    }

    private void grow() {
        int newCapacity = (int) Math.min(bound, Math.max(slotCapacity * 2L, 1L));
        for (Vector v : keyStore) v.ensureCapacity(newCapacity);
        for (Vector v : payloadStore) v.ensureCapacity(newCapacity);
        sequences.ensureCapacity(newCapacity);
        heap = Arrays.copyOf(heap, newCapacity);
        slotCapacity = newCapacity;
    }

    /** Positive when slot {@code a} is worse (sorts later) than slot {@code b}; never zero for distinct slots. */
    private int compareSlots(int a, int b) {
        for (KeyComparator comparator : slotComparators) {
            int c = comparator.compare(a, b);
            if (c != 0) return c;
        }
        return 0;
    }

    private void siftUp(int at) {
        int slot = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (compareSlots(heap[parent], slot) >= 0) break;
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = slot;
    }

    private void siftDown(int at) {
        int slot = heap[at];
        int half = size >>> 1;
        while (at < half) {
            int child = 2 * at + 1;
            int right = child + 1;
            if (right < size && compareSlots(heap[right], heap[child]) > 0) child = right;
            if (compareSlots(slot, heap[child]) >= 0) break;
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = slot;
    }
}
