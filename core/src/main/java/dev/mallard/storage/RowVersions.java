package dev.mallard.storage;

import dev.mallard.MallardException;
import java.util.Arrays;

/**
 * Multi-version bookkeeping of a table's rows, for snapshot isolation: per row the version that
 * inserted it and the version that deleted it, where a version is a commit id (committed) or a
 * transaction id (at least {@link #TRANSACTION_BASE}: not committed yet). Readers filter rows by
 * their {@link Snapshot}; writers never block them.
 *
 * <p>Most rows need none of this: arrays exist only for row groups with changes some running
 * transaction may not see yet. Once every running transaction sees a change, {@link #settle}
 * folds it away (deletes become the table's plain tombstones) and scans of the row group are
 * back on the fast path. An insert version of 0 means "visible to everyone".
 *
 * <p>Writers are serialized by the caller (one writing statement at a time); readers read the
 * arrays concurrently. A commit stamps its versions before it publishes its commit id, so a
 * reader that starts after the commit sees the stamps.
 */
public final class RowVersions {
    /** Transaction ids start here; commit ids stay below. */
    public static final long TRANSACTION_BASE = 1L << 62;
    static final long NOT_DELETED = Long.MAX_VALUE;

    /** Per row group: insert versions, or null when every row there is visible to everyone. */
    private volatile long[][] inserted = new long[0][];
    /** Per row group: delete versions, or null when no row there has a pending delete. */
    private volatile long[][] deleted = new long[0][];

    /** Who holds a row, from the point of view of a writer checking a unique key. */
    public enum Holder {
        /** The row is live for the writer: committed, or inserted by the writer itself. */
        LIVE,
        /** The row is gone: deleted by a commit or by the writer itself, or never committed. */
        GONE,
        /** Another running transaction is inserting or deleting the row. */
        CONCURRENT
    }

    /** The holder state of row {@code offset} of a group for writer {@code transaction}. */
    Holder holder(int group, int offset, long transaction) {
        long[][] i = inserted, d = deleted;
        long ins = group < i.length && i[group] != null ? i[group][offset] : 0;
        long del = group < d.length && d[group] != null ? d[group][offset] : NOT_DELETED;
        if (del != NOT_DELETED) return del == transaction || del < TRANSACTION_BASE ? Holder.GONE : Holder.CONCURRENT;
        return ins >= TRANSACTION_BASE && ins != transaction ? Holder.CONCURRENT : Holder.LIVE;
    }

    /** Whether rows of the group need a per-row version check. */
    boolean any(int group) {
        long[][] i = inserted, d = deleted;
        return group < i.length && i[group] != null || group < d.length && d[group] != null;
    }

    /** Whether the snapshot sees row {@code offset} of the group (tombstones are checked by the caller). */
    boolean visible(int group, int offset, Snapshot s) {
        long[][] i = inserted, d = deleted;
        long ins = group < i.length && i[group] != null ? i[group][offset] : 0;
        long del = group < d.length && d[group] != null ? d[group][offset] : NOT_DELETED;
        return s.sees(ins, del);
    }

    /** Keeps, of the offsets {@code offsets[0..n)} of a group, those the snapshot sees; returns how many. */
    int filter(int group, int[] offsets, int n, Snapshot s) {
        long[][] i = inserted, d = deleted;
        long[] ins = group < i.length ? i[group] : null;
        long[] del = group < d.length ? d[group] : null;
        int kept = 0;
        for (int k = 0; k < n; k++) {
            int o = offsets[k];
            if (s.sees(ins == null ? 0 : ins[o], del == null ? NOT_DELETED : del[o])) offsets[kept++] = o;
        }
        return kept;
    }

    /** Rows {@code [from, from + count)} were appended by {@code version} (0: visible to everyone). */
    void inserted(long from, long count, long version) {
        if (version == 0 || count == 0) return;
        stampInserts(from, from + count, version, true);
    }

    /**
     * Sets the insert version of rows {@code [from, to)} to {@code value}, a row group's stretch at
     * a time (a bulk load writes a million rows at once); row groups without an array get one when
     * {@code create}, else are left alone.
     */
    private void stampInserts(long from, long to, long value, boolean create) {
        for (long r = from; r < to; ) {
            int group = (int) (r / DataTable.ROW_GROUP_SIZE);
            int a = (int) (r % DataTable.ROW_GROUP_SIZE);
            int b = (int) Math.min(DataTable.ROW_GROUP_SIZE, a + (to - r));
            long[][] all = inserted;
            long[] ins = create ? insertArray(group) : group < all.length ? all[group] : null;
            if (ins != null) Arrays.fill(ins, a, b, value);
            r += b - a;
        }
    }

    /**
     * Marks a row deleted by {@code transaction}, which reads {@code snapshot}. A row that another
     * transaction deleted or inserted after the snapshot was taken is a write conflict: the
     * statement fails with a serialization error (SQLSTATE 40001), as under PostgreSQL's REPEATABLE READ.
     *
     * @return false when the transaction had already deleted the row
     */
    boolean delete(long rowId, Snapshot snapshot, long transaction) {
        int group = (int) (rowId / DataTable.ROW_GROUP_SIZE);
        int offset = (int) (rowId % DataTable.ROW_GROUP_SIZE);
        long[][] i = inserted;
        long ins = group < i.length && i[group] != null ? i[group][offset] : 0;
        long[] del = deleteArray(group);
        if (del[offset] == transaction) return false;
        if (del[offset] != NOT_DELETED || !(ins <= snapshot.insertHorizon() || ins == transaction)) {
            throw new MallardException("40001", "could not serialize access: row " + rowId
                    + " was changed by a concurrent transaction; retry the transaction");
        }
        del[offset] = transaction;
        return true;
    }

    /** Undoes {@link #delete} (rollback). */
    void undelete(long rowId) {
        long[] del = deleted[(int) (rowId / DataTable.ROW_GROUP_SIZE)];
        del[(int) (rowId % DataTable.ROW_GROUP_SIZE)] = NOT_DELETED;
    }

    /** Stamps commit id {@code commit} on the inserts of rows {@code [from, to)}. */
    void commitInserts(long from, long to, long commit) {
        stampInserts(from, to, commit, false);
    }

    /** Stamps commit id {@code commit} on the deletes of these rows. */
    void commitDelete(long rowId, long commit) {
        deleted[(int) (rowId / DataTable.ROW_GROUP_SIZE)][(int) (rowId % DataTable.ROW_GROUP_SIZE)] = commit;
    }

    /** An aborted insert: the caller has tombstoned the row, so nobody needs its version any more. */
    void forgetInsert(long rowId) {
        long[] ins = inserted[(int) (rowId / DataTable.ROW_GROUP_SIZE)];
        if (ins != null) ins[(int) (rowId % DataTable.ROW_GROUP_SIZE)] = 0;
    }

    /** Receives rows whose committed delete every running transaction sees: they become tombstones. */
    interface Tombstoner {
        void tombstone(long[] rowIds, int count);
    }

    /**
     * Folds away versions every running transaction sees — those at most {@code horizon}, the
     * oldest running snapshot — so row groups return to the fast path. Deletes are handed to
     * {@code tombstones} before their versions are forgotten, so a concurrent reader sees them
     * deleted either way.
     */
    void settle(long horizon, Tombstoner tombstones) {
        long[][] i = inserted, d = deleted;
        long[] rows = null;
        for (int g = 0; g < d.length; g++) {
            long[] del = d[g];
            if (del == null) continue;
            if (rows == null) rows = new long[DataTable.ROW_GROUP_SIZE];
            int n = 0;
            boolean pending = false;
            for (int o = 0; o < del.length; o++) {
                if (del[o] == NOT_DELETED) continue;
                if (del[o] <= horizon) rows[n++] = (long) g * DataTable.ROW_GROUP_SIZE + o;
                else pending = true;
            }
            tombstones.tombstone(rows, n);
            java.lang.invoke.VarHandle.releaseFence(); // tombstones before versions: readers check them the other way round
            if (!pending) {
                d[g] = null;
            } else {
                for (int k = 0; k < n; k++) del[(int) (rows[k] % DataTable.ROW_GROUP_SIZE)] = NOT_DELETED;
            }
        }
        for (int g = 0; g < i.length; g++) {
            long[] ins = i[g];
            if (ins == null) continue;
            boolean pending = false;
            for (long v : ins) {
                if (v > horizon) {
                    pending = true;
                    break;
                }
            }
            if (!pending) i[g] = null;
        }
    }

    private long[] insertArray(int group) {
        long[][] i = inserted;
        if (group >= i.length) inserted = i = Arrays.copyOf(i, Math.max(group + 1, i.length * 2));
        if (i[group] == null) {
            long[] a = new long[DataTable.ROW_GROUP_SIZE];
            java.lang.invoke.VarHandle.releaseFence(); // readers must never see the array before its contents
            i[group] = a;
        }
        return i[group];
    }

    private long[] deleteArray(int group) {
        long[][] d = deleted;
        if (group >= d.length) deleted = d = Arrays.copyOf(d, Math.max(group + 1, d.length * 2));
        if (d[group] == null) {
            long[] a = new long[DataTable.ROW_GROUP_SIZE];
            Arrays.fill(a, NOT_DELETED);
            java.lang.invoke.VarHandle.releaseFence(); // a reader seeing zeros would take every row for deleted
            d[group] = a;
        }
        return d[group];
    }
}
