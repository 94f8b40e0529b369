package dev.mallard.execution.hash;

import dev.mallard.types.PhysicalType;
import dev.mallard.vector.Vector;

/**
 * A shortcut in front of {@link GroupHashTable} for keys of one to three string columns with few
 * distinct values (flags, statuses, categories): each column's String objects get small codes, the
 * codes together index an array of group ids, and a row whose combination was seen before finds
 * its group in a few loads, without hashing its strings or comparing them.
 *
 * <p>Codes are per String <em>object</em>, not per value: equal strings that are different objects
 * get different codes, which is harmless (both combinations lead to the group the table found for
 * them) and cheap, because the readers share one object per distinct value of a small dictionary
 * ({@link dev.mallard.vector.SharedStrings}, Parquet and stored dictionaries, Java data). A column
 * that shows more distinct objects than a code can hold turns the cache off for good, so strings
 * that are not shared cost one failed attempt, not a slower table. A column whose reader gave its
 * rows' dictionary codes ({@link Vector#dictionary}) is coded through its dictionary instead: the
 * dictionary's strings get their codes once, and each row's code is one load.
 */
final class StringKeyCache {
    /** Code bits per column: 15 string objects and NULL (code 0). */
    private static final int BITS = 4;
    private static final int MAX_CODE = (1 << BITS) - 1;
    /** Slots of each column's reference table: a power of two four times the codes, so probes are short. */
    private static final int SLOTS = 64;
    private static final int MAX_COLUMNS = 3;

    private final String[][] refs;
    private final byte[][] codes;
    private final int[] nextCode;
    /** Group id + 1 of each code combination; 0 while the table has not said. */
    private final int[] groups;
    private boolean off;
    /** Per column, the last dictionary seen and the code of each of its entries (its strings' codes, looked up once). */
    private final Vector[] lastDictionary;
    private final byte[][] dictionaryCodes;
    private int[] combos = new int[0];
    private int[] missRows = new int[0];
    private int[] missPositions = new int[0];
    private int[] missGroups = new int[0];

    private StringKeyCache(int columns) {
        refs = new String[columns][SLOTS];
        codes = new byte[columns][SLOTS];
        nextCode = new int[columns];
        java.util.Arrays.fill(nextCode, 1);
        groups = new int[1 << (BITS * columns)];
        lastDictionary = new Vector[columns];
        dictionaryCodes = new byte[columns][];
    }

    /** A cache for these key columns, or null when they are not all strings (or too many). */
    static StringKeyCache forKeys(Vector[] keys) {
        if (keys.length == 0 || keys.length > MAX_COLUMNS) return null;
        for (Vector v : keys) if (v.physicalType() != PhysicalType.STRING) return null;
        return new StringKeyCache(keys.length);
    }

    /** The group id table the cache fronts: find or create the groups of the rows the cache does not know. */
    interface Table {
        void lookup(Vector[] rowKeys, int[] sel, int count, int[] groupIds);
    }

    /**
     * Sets {@code groupIds[k]} for live rows 0..count (positions {@code sel}), asking {@code table}
     * only for rows whose code combination is new. Returns false, having set nothing, when the
     * cache is (or has just been) turned off: the caller looks the rows up itself.
     */
    boolean lookup(Vector[] rowKeys, int[] sel, int count, int[] groupIds, Table table) {
        if (off) return false;
        if (combos.length < count) {
            combos = new int[count];
            missRows = new int[count];
            missPositions = new int[count];
            missGroups = new int[count];
        }
        int[] combo = combos;
        for (int c = 0; c < rowKeys.length; c++) {
            if (!encode(rowKeys[c], c, sel, count, combo)) {
                off = true;
                return false;
            }
        }
        int misses = 0;
        int[] known = groups;
        for (int k = 0; k < count; k++) {
            int g = known[combo[k]] - 1;
            groupIds[k] = g;
            if (g < 0) missRows[misses++] = k;
        }
        if (misses == 0) return true;
        for (int i = 0; i < misses; i++) {
            int k = missRows[i];
            missPositions[i] = sel == null ? k : sel[k];
        }
        table.lookup(rowKeys, missPositions, misses, missGroups);
        for (int i = 0; i < misses; i++) {
            int k = missRows[i], g = missGroups[i];
            groupIds[k] = g;
            if (g >= 0) known[combo[k]] = g + 1; // absent keys (find) are not remembered: a later create may add them
        }
        return true;
    }

    /**
     * Sets (first column) or ORs in (the others) column {@code c}'s codes in {@code combo}; false
     * when the column has more distinct objects than codes.
     */
    private boolean encode(Vector v, int c, int[] sel, int count, int[] combo) {
        byte[] byCode = v.dictionary() == null ? null : codesOf(v.dictionary(), c);
        if (byCode != null) {
            // the reader gave the rows' codes into a small dictionary: one lookup per row, no string touched
            int[] ids = v.dictionaryIds();
            int shift = BITS * c;
            if (c == 0) {
                if (sel == null) for (int k = 0; k < count; k++) combo[k] = byCode[ids[k]];
                else for (int k = 0; k < count; k++) combo[k] = byCode[ids[sel[k]]];
            } else {
                if (sel == null) for (int k = 0; k < count; k++) combo[k] |= byCode[ids[k]] << shift;
                else for (int k = 0; k < count; k++) combo[k] |= byCode[ids[sel[k]]] << shift;
            }
            return true;
        }
        String[] values = v.strings;
        String[] ref = refs[c];
        byte[] code = codes[c];
        int shift = BITS * c;
        if (c == 0) java.util.Arrays.fill(combo, 0, count, 0);
        boolean nulls = v.mayHaveNulls();
        // one load of the string, its cached hash and one slot per row (the JIT unswitches the
        // loop-invariant tests, so the common cases run as minimal loops)
        for (int k = 0; k < count; k++) {
            int p = sel == null ? k : sel[k];
            if (nulls && v.isNull(p)) continue; // NULL is code 0
            String s = values[p];
            int slot = s.hashCode() & (SLOTS - 1);
            if (ref[slot] != s && (slot = slotOf(c, s)) < 0) return false;
            combo[k] |= code[slot] << shift;
        }
        return true;
    }

    /**
     * The codes of dictionary {@code dict}'s entries in column {@code c}, computed when the column
     * meets a new dictionary (a Parquet column chunk's: once per row group); null when the
     * dictionary has more entries than codes, and the rows' strings are coded one by one instead.
     */
    private byte[] codesOf(Vector dict, int c) {
        if (dict == lastDictionary[c]) return dictionaryCodes[c];
        lastDictionary[c] = dict;
        dictionaryCodes[c] = null;
        int n = dict.capacity();
        if (n > MAX_CODE) return null;
        byte[] byCode = new byte[n];
        for (int i = 0; i < n; i++) {
            String s = dict.strings[i];
            if (s == null) continue; // never referenced: marked vectors hold no NULLs
            int slot = slotOf(c, s);
            if (slot < 0) return null;
            byCode[i] = codes[c][slot];
        }
        return dictionaryCodes[c] = byCode;
    }

    /** The slot of {@code s} in column {@code c}'s table, taking a new code if it is new; -1 when the codes are used up. */
    private int slotOf(int c, String s) {
        String[] ref = refs[c];
        int slot = s.hashCode() & (SLOTS - 1);
        while (ref[slot] != s) {
            if (ref[slot] == null) {
                if (nextCode[c] > MAX_CODE) return -1;
                ref[slot] = s;
                codes[c][slot] = (byte) nextCode[c]++;
                return slot;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        return slot;
    }
}
