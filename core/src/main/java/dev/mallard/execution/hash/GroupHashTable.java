package dev.mallard.execution.hash;

import dev.mallard.execution.data.ColumnCollection;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.util.List;

/**
 * Maps key tuples to dense group ids 0, 1, 2 ... (batch by batch in order of first appearance;
 * within one batch, rows that collide may get their ids after later rows). NULL equals NULL
 * here (GROUP BY, DISTINCT and set operations treat NULLs as one group).
 *
 * <p>Open addressing with linear probing over a {@code long[]} of slots, each holding the group
 * id + 1 in its low half and the upper half of the group's hash (a salt) in its high half, so most
 * mismatching slots are skipped without touching the keys. Each group's hash sits in a
 * {@code long[]} (reused when the table grows), its key values in the columns of a
 * {@link ColumnCollection}. No object per group or row.
 *
 * <p>Lookups run a batch of rows in rounds, DuckDB style: read the slot of every row, then compare
 * the keys of all salt matches, then create the groups of rows that met an empty slot; rows that
 * collided move to the next slot and go round again. Each pass is a simple loop over independent
 * rows, so the processor overlaps their cache misses instead of waiting for each in turn.
 */
public final class GroupHashTable {
    private static final int MIN_SLOTS = 64;

    private final ColumnCollection keys;
    private final Vector[] keyColumns;
    private long[] slots;
    private int mask;
    private long[] groupHashes = new long[16];
    private int size;
    /** Whether some group has a NULL key part (then the fast compare loops do not apply). */
    private boolean nullKeys;
    /** Length of the pending list while {@link #compare} appends the candidates that missed. */
    private int misses;
    // Scratch for one lookup, by live row k (or by list position).
    private long[] rowHashes = new long[0];
    private int[] slotOf = new int[0];
    private int[] pending = new int[0];
    private int[] candidates = new int[0];
    private int[] candidateGroups = new int[0];
    private int[] empties = new int[0];
    private StringKeyCache stringKeys;
    private boolean stringKeysChecked;
    private final StringKeyCache.Table findOrCreate = (k, s, n, g) -> lookup(k, s, n, g, true);
    private final StringKeyCache.Table find = (k, s, n, g) -> lookup(k, s, n, g, false);

    public GroupHashTable(List<LogicalType> keyTypes) {
        this.keys = new ColumnCollection(keyTypes, 16);
        this.keyColumns = keys.columns();
        this.slots = new long[MIN_SLOTS];
        this.mask = MIN_SLOTS - 1;
    }

    /** Number of groups. */
    public int size() {
        return size;
    }

    /** The hash of group {@code g}'s key. */
    public long hashOf(int g) {
        return groupHashes[g];
    }

    /** Grows the slots for {@code n} groups in all, so that many can be added without rehashing. */
    public void reserve(int n) {
        while ((long) n * 2 > slots.length) grow();
        keys.ensureCapacity(n);
        if (groupHashes.length < n) groupHashes = java.util.Arrays.copyOf(groupHashes, n);
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
        if (cached(rowKeys) && stringKeys.lookup(rowKeys, sel, count, groupIds, findOrCreate)) return;
        lookup(rowKeys, sel, count, groupIds, true);
    }

    /** Like {@link #findOrCreate} but never creates: absent keys get -1. */
    public void find(Vector[] rowKeys, int[] sel, int count, int[] groupIds) {
        if (cached(rowKeys) && stringKeys.lookup(rowKeys, sel, count, groupIds, find)) return;
        lookup(rowKeys, sel, count, groupIds, false);
    }

    /** Whether the string key shortcut applies (decided at the first lookup, from the key vectors' types). */
    private boolean cached(Vector[] rowKeys) {
        if (!stringKeysChecked) {
            stringKeys = StringKeyCache.forKeys(rowKeys);
            stringKeysChecked = true;
        }
        return stringKeys != null;
    }

    private void lookup(Vector[] rowKeys, int[] sel, int count, int[] groupIds, boolean create) {
        if (count == 0) return;
        if (rowHashes.length < count) {
            rowHashes = new long[count];
            slotOf = new int[count];
            pending = new int[count];
            candidates = new int[count];
            candidateGroups = new int[count];
            empties = new int[count];
        }
        long[] hashes = rowHashes;
        for (int c = 0; c < rowKeys.length; c++) VectorHasher.hash(rowKeys[c], sel, count, hashes, c > 0);
        if (rowKeys.length == 0) java.util.Arrays.fill(hashes, 0, count, 0L);
        // Room for every row to be new, so the table never grows in the middle of a round.
        if (create) while ((long) (size + count) * 2 > slots.length) grow();
        long[] table = slots;
        int m = mask;
        int[] slot = slotOf;
        int[] todo = pending;
        for (int k = 0; k < count; k++) {
            todo[k] = k;
            slot[k] = (int) hashes[k] & m;
        }
        int todoCount = count;
        while (todoCount > 0) {
            int cands = 0;
            int fresh = 0;
            int next = 0;
            for (int j = 0; j < todoCount; j++) {
                int k = todo[j];
                long e = table[slot[k]];
                if (e == 0) {
                    if (create) empties[fresh++] = k;
                    else groupIds[k] = -1;
                } else if ((int) (e >>> 32) == (int) (hashes[k] >>> 32)) {
                    candidates[cands] = k;
                    candidateGroups[cands++] = (int) e - 1;
                } else {
                    slot[k] = (slot[k] + 1) & m;
                    todo[next++] = k;
                }
            }
            next = compare(rowKeys, sel, cands, groupIds, next);
            for (int i = 0; i < fresh; i++) {
                int k = empties[i];
                int s = slot[k];
                if (table[s] == 0) {
                    long h = hashes[k];
                    int g = newGroup(rowKeys, sel == null ? k : sel[k], h);
                    table[s] = (h & 0xFFFFFFFF00000000L) | (g + 1L);
                    groupIds[k] = g;
                } else {
                    // an earlier row of this round took the slot: compare with its group next round
                    todo[next++] = k;
                }
            }
            todoCount = next;
        }
    }

    /**
     * Confirms the candidates whose keys equal their slot's group; the others move on to the next
     * slot and are appended to the pending list at {@code next}. Returns the new pending count.
     * Key columns are compared one at a time over all candidates, each in a loop for its type,
     * so a multi-column key costs a few tight loops rather than a type dispatch per row and column.
     */
    private int compare(Vector[] rowKeys, int[] sel, int cands, int[] groupIds, int next) {
        misses = next;
        int live = cands;
        for (int c = 0; c < rowKeys.length && live > 0; c++) live = matchColumn(rowKeys[c], keyColumns[c], sel, live);
        for (int i = 0; i < live; i++) groupIds[candidates[i]] = candidateGroups[i];
        return misses;
    }

    /**
     * Keeps the first {@code live} candidates whose value in {@code row} equals their group's in
     * {@code group} (compacted to the front, their count returned); the others go to the next slot.
     */
    private int matchColumn(Vector row, Vector group, int[] sel, int live) {
        int kept = 0;
        if (nullKeys || row.mayHaveNulls()) {
            for (int i = 0; i < live; i++) {
                int k = candidates[i], g = candidateGroups[i];
                kept = keep(KeyEquality.equalNullsEqual(row, sel == null ? k : sel[k], group, g), i, kept);
            }
            return kept;
        }
        switch (row.physicalType()) {
            case INT64 -> {
                long[] r = row.longs, t = group.longs;
                for (int i = 0; i < live; i++) {
                    int k = candidates[i];
                    kept = keep(r[sel == null ? k : sel[k]] == t[candidateGroups[i]], i, kept);
                }
            }
            case INT32 -> {
                int[] r = row.ints, t = group.ints;
                for (int i = 0; i < live; i++) {
                    int k = candidates[i];
                    kept = keep(r[sel == null ? k : sel[k]] == t[candidateGroups[i]], i, kept);
                }
            }
            case STRING -> {
                String[] r = row.strings, t = group.strings;
                for (int i = 0; i < live; i++) {
                    int k = candidates[i];
                    String a = r[sel == null ? k : sel[k]], b = t[candidateGroups[i]];
                    kept = keep(a == b || a.equals(b), i, kept);
                }
            }
            default -> {
                for (int i = 0; i < live; i++) {
                    int k = candidates[i];
                    kept = keep(KeyEquality.equal(row, sel == null ? k : sel[k], group, candidateGroups[i]), i, kept);
                }
            }
        }
        return kept;
    }

    /** Moves candidate {@code i} to position {@code kept} when it matched, else to the next slot's round. */
    private int keep(boolean match, int i, int kept) {
        if (match) {
            candidates[kept] = candidates[i];
            candidateGroups[kept] = candidateGroups[i];
            return kept + 1;
        }
        int k = candidates[i];
        slotOf[k] = (slotOf[k] + 1) & mask;
        pending[misses++] = k;
        return kept;
    }

    private int newGroup(Vector[] rowKeys, int p, long h) {
        int g = size;
        keys.ensureCapacity(g + 1);
        for (int c = 0; c < rowKeys.length; c++) {
            keyColumns[c].copyFrom(rowKeys[c], p, g);
            if (rowKeys[c].isNull(p)) nullKeys = true;
        }
        if (g == groupHashes.length) groupHashes = java.util.Arrays.copyOf(groupHashes, g * 2);
        groupHashes[g] = h;
        size++;
        keys.setSize(size);
        return g;
    }

    private void grow() {
        int n = slots.length * 2;
        long[] fresh = new long[n];
        int m = n - 1;
        for (int g = 0; g < size; g++) {
            long h = groupHashes[g];
            int s = (int) h & m;
            while (fresh[s] != 0) s = (s + 1) & m;
            fresh[s] = (h & 0xFFFFFFFF00000000L) | (g + 1L);
        }
        slots = fresh;
        mask = m;
    }
}
