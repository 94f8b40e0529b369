package dev.mallard.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The undo log of one transaction: for every change, the action that reverts it. Statements mark
 * the log before they start so a failed statement rolls back only its own changes.
 * (Snapshot isolation between connections comes with the storage engine's MVCC.)
 */
final class Transaction {
    private final List<Runnable> undo = new ArrayList<>();

    int mark() {
        return undo.size();
    }

    void onRollback(Runnable action) {
        undo.add(action);
    }

    void commit() {
        undo.clear();
    }

    void rollbackTo(int mark, DatabaseInstance database) {
        if (undo.size() <= mark) return;
        for (int i = undo.size() - 1; i >= mark; i--) undo.remove(i).run();
        database.indexes().invalidateAll();
    }
}
