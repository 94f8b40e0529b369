package dev.mallard.engine;

import dev.mallard.MallardException;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;

/**
 * One unique index's side of an INSERT: the keys the statement proposes, and the key of the row
 * being checked, made once for the check and the proposal. A key of one integer column (an id) is
 * read, looked up and remembered as a long: boxing it cost an object per row and index.
 */
final class ProposedKeys {
    private final UniqueIndex index;
    private final KeyRows proposed;
    /** The key column when {@link UniqueIndex#integerColumn} has one, else -1. */
    private final int integer;
    private Object key;
    private long longKey;
    private boolean present;

    ProposedKeys(UniqueIndex index) {
        this.index = index;
        this.proposed = index.emptyKeys();
        this.integer = index.integerColumn();
    }

    /** Reads the key of the k-th live row of {@code chunk}; false when it has a NULL part, which is never indexed. */
    boolean read(DataChunk chunk, int k, int[] columnMap) {
        if (integer >= 0) {
            Vector v = chunk.column(columnMap[integer]);
            int p = chunk.position(k);
            present = !v.isNull(p);
            if (present) longKey = UniqueIndex.integerAt(v, p);
        } else {
            key = index.keyOf(chunk, k, columnMap);
            present = key != null;
        }
        return present;
    }

    /** Whether the key just {@link #read} (present) is held by a row {@code transaction} sees or proposed earlier in the statement. */
    boolean taken(long transaction) {
        if (integer >= 0) {
            return index.holder(longKey, transaction) != KeyRows.NONE || ((LongKeyRows) proposed).get(longKey) != KeyRows.NONE;
        }
        return index.holder(key, transaction) != null || proposed.get(key) != KeyRows.NONE;
    }

    /** Remembers the key just read as proposed, when it has no NULL part. */
    void propose() {
        if (!present) return;
        if (integer >= 0) ((LongKeyRows) proposed).put(longKey, 0);
        else proposed.put(key, 0);
    }

    /**
     * When {@code chunk} proposes consecutive ids that are neither in the index nor proposed yet
     * (what an application or the lazy API numbering rows sends), their first; otherwise
     * {@link UniqueIndex#NOT_A_RUN} and the rows are checked one by one. Checked as a range, a
     * chunk of new ids costs a pass over the keys instead of two lookups and an insert each.
     */
    long freeRun(DataChunk chunk, int[] columnMap) {
        if (integer < 0) return UniqueIndex.NOT_A_RUN;
        long lo = UniqueIndex.consecutiveFrom(chunk, chunk.column(columnMap[integer]));
        if (lo == UniqueIndex.NOT_A_RUN) return lo;
        return index.holdsNoneOf(lo, chunk.count()) && ((LongKeyRows) proposed).holdsNoneOf(lo, chunk.count()) ? lo : UniqueIndex.NOT_A_RUN;
    }

    /** Remembers ids {@code lo .. lo + count - 1} as proposed, after {@link #freeRun} found them free. */
    void proposeRun(long lo, int count) {
        ((LongKeyRows) proposed).putRange(lo, count, 0, true);
    }

    /** The error for the key just read being {@link #taken}. */
    MallardException violation() {
        return index.violation(integer >= 0 ? index.boxed(longKey) : key);
    }
}
