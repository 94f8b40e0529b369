package dev.mallard.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One transaction: its id and snapshot (see {@link DatabaseInstance} for how they are handed out),
 * for every change the action that reverts it (undo) and the action that stamps it with the
 * commit id, and for a database file the entries that redo it after a restart ({@link RedoLog}).
 * Statements mark all three before they start so a failed statement rolls back only its own changes.
 */
final class Transaction {
    /** Positions in the logs; {@link #START} is before any change. */
    record Mark(int undo, int commit, int redo) {}

    static final Mark START = new Mark(0, 0, 0);

    private final long id;
    private final List<Runnable> undo = new ArrayList<>();
    private final List<LongConsumer> onCommit = new ArrayList<>();
    private final RedoLog redo;
    /** The last commit this transaction sees, or -1 before its first statement. */
    long start = -1;
    /** Writer permits held (see {@link DatabaseInstance#beginWrite}). */
    int permits;

    /** @param redo where changes are logged for a database file, or null when nothing is */
    Transaction(long id, RedoLog redo) {
        this.id = id;
        this.redo = redo;
    }

    long id() {
        return id;
    }

    Mark mark() {
        return new Mark(undo.size(), onCommit.size(), redo == null ? 0 : redo.mark());
    }

    void onRollback(Runnable action) {
        undo.add(action);
    }

    /** Registers how to stamp a change with the commit id. */
    void onCommit(LongConsumer stamp) {
        onCommit.add(stamp);
    }

    /** The redo log, or null when changes need none (in-memory databases, recovery). */
    RedoLog redo() {
        return redo;
    }

    boolean changedRows() {
        return !onCommit.isEmpty();
    }

    /** Stamps every change with {@code commit} and forgets the undo actions: the changes stay. */
    void commit(long commit) {
        for (LongConsumer stamp : onCommit) stamp.accept(commit);
        onCommit.clear();
        undo.clear();
    }

    void rollbackTo(Mark mark, DatabaseInstance database) {
        if (redo != null) redo.truncate(mark.redo());
        while (onCommit.size() > mark.commit()) onCommit.remove(onCommit.size() - 1);
        if (undo.size() <= mark.undo()) return;
        for (int i = undo.size() - 1; i >= mark.undo(); i--) undo.remove(i).run();
        database.indexes().invalidateAll();
    }
}
