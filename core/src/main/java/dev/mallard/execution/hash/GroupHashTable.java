package dev.mallard.execution.hash;

import dev.mallard.execution.data.ColumnCollection;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.util.List;

/**
 * Maps key tuples to dense group ids 0, 1, 2 ... in order of first appearance. NULL equals NULL
 * here (GROUP BY, DISTINCT and set operations treat NULLs as one group).
 *
 * <p>Open addressing with linear probing over an {@code int[]} of group ids + 1; each group's
 * hash sits in a {@code long[]} (compared before the keys, and reused when the table grows), and
 * its key values in the columns of a {@link ColumnCollection}. No object per group or row.
 */
public final class GroupHashTable {
    private static final int MIN_SLOTS = 64;

    private final ColumnCollection keys;
    private final Vector[] keyColumns;
    private int[] slots;
    private int mask;
    private long[] groupHashes = new long[16];
    private int size;
    /** Scratch: hashes of the rows being looked up, by live row k. */
    private long[] rowHashes = new long[Vector.DEFAULT_CAPACITY];
    /** Single INT64 / INT32 key without NULLs in the table yet: the probe loop avoids the generic compare. */
    private final int singleKeyKind;

    public GroupHashTable(List<LogicalType> keyTypes) {
        this.keys = new ColumnCollection(keyTypes, 16);
        this.keyColumns = keys.columns();
        this.slots = new int[MIN_SLOTS];
        this.mask = MIN_SLOTS - 1;
        if (keyTypes.size() == 1) {
            singleKeyKind = switch (keyTypes.get(0).physicalType()) {
                case INT64 -> 1;
                case INT32 -> 2;
                case STRING -> 3;
                default -> 0;
            };
        } else {
            singleKeyKind = 0;
        }
    }

    /** Number of groups. */
    public int size() {
        return size;
    }

    /** The key values: row {@code g} holds group {@code g}'s key. */
    public ColumnCollection keys() {
        return keys;
    }

    /**
     * Sets {@code groupIds[k]} to the group of live row k (position {@code sel[k]} or {@code k}) of the
     * key vectors, creating groups for new keys.
     */
    public void findOrCreate(Vector[] rowKeys, int[] sel, int count, int[] groupIds) {
        lookup(rowKeys, sel, count, groupIds, true);
    }

    /** Like {@link #findOrCreate} but never creates: absent keys get -1. */
    public void find(Vector[] rowKeys, int[] sel, int count, int[] groupIds) {
        lookup(rowKeys, sel, count, groupIds, false);
    }

    private void lookup(Vector[] rowKeys, int[] sel, int count, int[] groupIds, boolean create) {
        if (rowHashes.length < count) rowHashes = new long[count];
        long[] hashes = rowHashes;
        for (int c = 0; c < rowKeys.length; c++) VectorHasher.hash(rowKeys[c], sel, count, hashes, c > 0);
        if (rowKeys.length == 0) java.util.Arrays.fill(hashes, 0, count, 0L);
        for (int k = 0; k < count; k++) {
            if (create && size * 2 >= slots.length) grow();
            int p = sel == null ? k : sel[k];
            long h = hashes[k];
            int s = (int) h & mask;
            while (true) {
                int g = slots[s] - 1;
                if (g < 0) {
                    if (!create) {
                        groupIds[k] = -1;
                        break;
                    }
                    g = newGroup(rowKeys, p, h);
                    slots[s] = g + 1;
                    groupIds[k] = g;
                    break;
                }
                if (groupHashes[g] == h && keysEqual(rowKeys, p, g)) {
                    groupIds[k] = g;
                    break;
                }
                s = (s + 1) & mask;
            }
        }
    }

    private boolean keysEqual(Vector[] rowKeys, int p, int g) {
        switch (singleKeyKind) {
            case 1 -> {
                Vector v = rowKeys[0], t = keyColumns[0];
                boolean nv = v.isNull(p), nt = t.isNull(g);
                return nv || nt ? nv && nt : v.longs[p] == t.longs[g];
            }
            case 2 -> {
                Vector v = rowKeys[0], t = keyColumns[0];
                boolean nv = v.isNull(p), nt = t.isNull(g);
                return nv || nt ? nv && nt : v.ints[p] == t.ints[g];
            }
            case 3 -> {
                Vector v = rowKeys[0], t = keyColumns[0];
                boolean nv = v.isNull(p), nt = t.isNull(g);
                return nv || nt ? nv && nt : v.strings[p].equals(t.strings[g]);
            }
            default -> {
                for (int c = 0; c < rowKeys.length; c++) {
                    if (!KeyEquality.equalNullsEqual(rowKeys[c], p, keyColumns[c], g)) return false;
                }
                return true;
            }
        }
    }

    private int newGroup(Vector[] rowKeys, int p, long h) {
        int g = size;
        keys.ensureCapacity(g + 1);
        for (int c = 0; c < rowKeys.length; c++) keyColumns[c].copyFrom(rowKeys[c], p, g);
        if (g == groupHashes.length) groupHashes = java.util.Arrays.copyOf(groupHashes, g * 2);
        groupHashes[g] = h;
        size++;
        keys.setSize(size);
        return g;
    }

    private void grow() {
        int n = slots.length * 2;
        int[] fresh = new int[n];
        int m = n - 1;
        for (int g = 0; g < size; g++) {
            int s = (int) groupHashes[g] & m;
            while (fresh[s] != 0) s = (s + 1) & m;
            fresh[s] = g + 1;
        }
        slots = fresh;
        mask = m;
    }
}
