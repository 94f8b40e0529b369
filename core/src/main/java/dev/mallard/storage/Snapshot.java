package dev.mallard.storage;

/**
 * Which row versions a reader sees (see {@link RowVersions}). A row is visible when its insert
 * version is at most {@code insertHorizon} or is the reader's own transaction, and its delete
 * version is neither at most {@code deleteHorizon} nor the reader's own transaction.
 *
 * @param insertHorizon the last commit whose inserts are seen
 * @param deleteHorizon the last commit whose deletes are seen
 * @param transaction   the reader's transaction id (its own uncommitted changes are seen), or -1
 */
public record Snapshot(long insertHorizon, long deleteHorizon, long transaction) {
    /**
     * Every row not deleted by a committed transaction, including other transactions' uncommitted
     * inserts and rows they are deleting: what unique indexes must account for.
     */
    public static final Snapshot LATEST = new Snapshot(Long.MAX_VALUE - 1, RowVersions.TRANSACTION_BASE - 1, -1);

    /** A transaction that started after commit {@code start}. */
    public static Snapshot of(long start, long transaction) {
        return new Snapshot(start, start, transaction);
    }

    /** The state after commit {@code commit}, as a checkpoint writes it. */
    public static Snapshot committed(long commit) {
        return new Snapshot(commit, commit, -1);
    }

    /** Whether a change stamped {@code version} (a commit id, or a pending transaction's id) is seen. */
    public boolean seesCommit(long version) {
        return version <= insertHorizon || version == transaction;
    }

    boolean sees(long inserted, long deleted) {
        return (inserted <= insertHorizon || inserted == transaction) && !(deleted <= deleteHorizon || deleted == transaction);
    }
}
