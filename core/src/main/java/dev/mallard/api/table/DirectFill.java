package dev.mallard.api.table;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.IdentityInts;
import dev.mallard.vector.Vector;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path of a plain insertMany: a batch of {@code Map} rows read straight into vectors of
 * the columns the batches before it wrote, in one pass over each map. Gathering the batch first
 * ({@link RowBatch}) and filling vectors from it ({@link VectorFill}) read every value twice, and
 * the second time it had left the cache.
 *
 * <p>It only takes a batch that the general path would write the same way: every row a Map, every
 * key one of those columns (none twice in a row, not the numbered key), every value already in its
 * column's stored form, and every column given by some row (a column no row names takes its
 * default, which may not be NULL). Anything else answers null, and the caller reads the batch
 * again through the general path, which fits the schema, converts values and names what is wrong.
 */
final class DirectFill {
    private static final int WORDS = Vector.DEFAULT_CAPACITY / 64;

    private final KeyNames names;
    private final List<LogicalType> types;
    private final byte[] kinds;
    /** The slot of the numbered key, or -1; a row naming it goes through the general path. */
    private final int keyAt;
    private final Map<String, Integer> slotOfKey = new HashMap<>();
    /** Slots by {@link KeyNames.Name#column}: -1 not looked up yet, -2 not one of the columns. */
    private int[] slotOfName = new int[0];
    /** In front of the lookups: the slots of the key objects met, by identity. */
    private final IdentityInts slotOfObject = new IdentityInts(64);
    /**
     * Which rows of the batch gave each slot, a bit per row ({@link #WORDS} words per slot): a row
     * that gives a slot twice (keys that differ in case) is caught by its bit, and the rows that
     * did not give it become NULL in one pass per column instead of a test per row and column.
     */
    private final long[] given;

    /** Fills the columns {@code columnNames} (of the API's types {@code apiTypes}) with rows' values; {@code keyAt}: the numbered key's slot or -1. */
    DirectFill(KeyNames names, List<LogicalType> types, String[] columnNames, ColumnType[] apiTypes, int keyAt) {
        this.names = names;
        this.types = types;
        this.keyAt = keyAt;
        this.kinds = new byte[types.size()];
        for (int c = 0; c < kinds.length; c++) {
            kinds[c] = DirectStore.kindOf(types.get(c).id(), apiTypes[c]);
            slotOfKey.put(Names.key(columnNames[c]), c);
        }
        this.given = new long[types.size() * WORDS];
    }

    /**
     * Rows {@code rows[from..from + count)} (at most a chunk) as a chunk of the columns, the numbered
     * key's vector left to the caller; null when the general path must take the batch (see the class
     * comment).
     */
    DataChunk fill(Object[] rows, int from, int count) {
        DataChunk chunk = new DataChunk(types);
        Vector[] out = chunk.columns();
        long[] given = this.given;
        Arrays.fill(given, 0L);
        Entries entries = new Entries(out);
        for (int r = 0; r < count; r++) {
            if (!(rows[from + r] instanceof Map<?, ?> row)) return null;
            entries.row(r);
            row.forEach(entries); // a HashMap walks its table, with no iterator and no entry objects to ask
            if (entries.failed) return null;
        }
        long[] missing = new long[WORDS];
        for (int c = 0; c < out.length; c++) {
            if (c == keyAt) continue;
            long any = 0;
            for (int w = 0; w < WORDS; w++) {
                any |= given[c * WORDS + w];
                missing[w] = ~given[c * WORDS + w];
            }
            if (any == 0) return null; // no row named it: the general path gives it its default
            out[c].setNulls(missing, count);
        }
        chunk.setCount(count);
        return chunk;
    }

    /** Takes one row's entries into the vectors; {@link #failed} once one does not fit (the rest are skipped). */
    private final class Entries implements java.util.function.BiConsumer<Object, Object> {
        private final Vector[] out;
        private int row;
        private int word;
        private long bit;
        boolean failed;

        Entries(Vector[] out) {
            this.out = out;
        }

        void row(int r) {
            row = r;
            word = r >>> 6;
            bit = 1L << r;
        }

        @Override
        public void accept(Object key, Object value) {
            if (failed) return;
            int slot = slot(key);
            if (slot < 0 || slot == keyAt) {
                failed = true;
                return;
            }
            int at = slot * WORDS + word;
            long g = given[at];
            if ((g & bit) != 0) {
                failed = true;
                return;
            }
            given[at] = g | bit;
            if (value == null) out[slot].setNull(row);
            else if (!DirectStore.store(out[slot], kinds[slot], row, value)) failed = true;
        }
    }

    private int slot(Object key) {
        if (!(key instanceof String)) return slot(names.of(key)); // which says what is wrong with it
        int slot = slotOfObject.get(key);
        if (slot != IdentityInts.ABSENT) return slot;
        slot = slot(names.of(key));
        if (slotOfObject.isFull()) slotOfObject.clear();
        slotOfObject.put(key, slot);
        return slot;
    }

    private int slot(KeyNames.Name name) {
        int n = name.column();
        if (n >= slotOfName.length) {
            int old = slotOfName.length;
            slotOfName = Arrays.copyOf(slotOfName, Math.max(n + 1, 2 * old));
            Arrays.fill(slotOfName, old, slotOfName.length, -1);
        }
        int slot = slotOfName[n];
        if (slot == -1) {
            Integer s = slotOfKey.get(name.key());
            slot = s == null ? -2 : s;
            slotOfName[n] = slot;
        }
        return slot;
    }
}
