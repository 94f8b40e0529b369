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

    /** The error for the key just read being {@link #taken}. */
    MallardException violation() {
        return index.violation(integer >= 0 ? index.boxed(longKey) : key);
    }
}
