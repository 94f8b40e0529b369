package dev.mallard.api.table;

import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.vector.DataChunk;
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
    private final KeyNames names;
    private final List<LogicalType> types;
    private final TypeId[] ids;
    private final ColumnType[] apiTypes;
    /** The slot of the numbered key, or -1; a row naming it goes through the general path. */
    private final int keyAt;
    private final Map<String, Integer> slotOfKey = new HashMap<>();
    /** Slots by {@link KeyNames.Name#column}: -1 not looked up yet, -2 not one of the columns. */
    private int[] slotOfName = new int[0];
    /** The last row of the batch that gave each slot. */
    private final int[] lastRow;

    /** Fills the columns {@code columnNames} (of the API's types {@code apiTypes}) with rows' values; {@code keyAt}: the numbered key's slot or -1. */
    DirectFill(KeyNames names, List<LogicalType> types, String[] columnNames, ColumnType[] apiTypes, int keyAt) {
        this.names = names;
        this.types = types;
        this.apiTypes = apiTypes;
        this.keyAt = keyAt;
        this.ids = new TypeId[types.size()];
        for (int c = 0; c < ids.length; c++) {
            ids[c] = types.get(c).id();
            slotOfKey.put(Names.key(columnNames[c]), c);
        }
        this.lastRow = new int[types.size()];
    }

    /**
     * Rows {@code rows[0..count)} as a chunk of the columns, the numbered key's vector left to the
     * caller; null when the general path must take the batch (see the class comment).
     */
    DataChunk fill(Object[] rows, int count) {
        DataChunk chunk = new DataChunk(types);
        Vector[] out = chunk.columns();
        Arrays.fill(lastRow, -1);
        for (int r = 0; r < count; r++) {
            if (!(rows[r] instanceof Map<?, ?> row)) return null;
            for (Map.Entry<?, ?> e : row.entrySet()) {
                int slot = slot(names.of(e.getKey()));
                if (slot < 0 || slot == keyAt || lastRow[slot] == r) return null;
                lastRow[slot] = r;
                Object value = e.getValue();
                if (value == null) out[slot].setNull(r);
                else if (!VectorFill.storeDirectly(out[slot], ids[slot], apiTypes[slot], r, value)) return null;
            }
            for (int c = 0; c < out.length; c++) {
                if (lastRow[c] != r && c != keyAt) out[c].setNull(r);
            }
        }
        for (int c = 0; c < out.length; c++) {
            if (lastRow[c] < 0 && c != keyAt) return null; // no row named it: the general path gives it its default
        }
        chunk.setCount(count);
        return chunk;
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
