package dev.mallard.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One transaction's changes: for every change the action that reverts it (the undo log), and for
 * a database file the entries that redo it after a restart ({@link RedoLog}). Statements mark both
 * logs before they start so a failed statement rolls back only its own changes.
 *
 * <p>A transaction that writes holds its database's writer permit from its first change until it
 * ends (see {@link DatabaseInstance#beginWrite}), so committed changes reach the log in the order
 * they were made. (Snapshot isolation for readers comes with the storage engine's MVCC.)
 */
final class Transaction {
    /** Positions in both logs; {@link #START} is before any change. */
    record Mark(int undo, int redo) {}

    static final Mark START = new Mark(0, 0);

    private final List<Runnable> undo = new ArrayList<>();
    private final RedoLog redo;
    private boolean writer;

    /** @param redo where changes are logged for a database file, or null when nothing is */
    Transaction(RedoLog redo) {
        this.redo = redo;
    }

    Mark mark() {
        return new Mark(undo.size(), redo == null ? 0 : redo.mark());
    }

    void onRollback(Runnable action) {
        undo.add(action);
    }

    /** The redo log, or null when changes need none (in-memory databases, recovery). */
    RedoLog redo() {
        return redo;
    }

    boolean holdsWriter() {
        return writer;
    }

    void setWriter(boolean writer) {
        this.writer = writer;
    }

    /** Forgets the undo actions: the changes stay. */
    void commit() {
        undo.clear();
    }

    void rollbackTo(Mark mark, DatabaseInstance database) {
        if (redo != null) redo.truncate(mark.redo());
        if (undo.size() <= mark.undo()) return;
        for (int i = undo.size() - 1; i >= mark.undo(); i--) undo.remove(i).run();
        database.indexes().invalidateAll();
    }
}
