package dev.mallard.api;

import dev.mallard.MallardException;

/**
 * Puts a failed relation query's error on the step that caused it. The steps become one
 * statement, so the binder's message points into SQL the user never wrote; naming the step
 * ({@code filter("fars > 10"): column "fars" does not exist ...}) says where to look. The culprit
 * is the first step, inputs before the steps on them, whose own query does not bind.
 */
final class RelationErrors {
    private RelationErrors() {}

    /** {@code error} with the failing step in front, or {@code error} itself when it is not a binding error or no step is to blame. */
    static MallardException blame(Relation failed, MallardException error) {
        // Class 42 is what binding finds (names, types, grouping, syntax); other errors come from running the query, and would not show on a dry bind.
        if (error.sqlState() == null || !error.sqlState().startsWith("42")) return error;
        Relation culprit = firstUnbound(failed);
        if (culprit == null) return error;
        return new MallardException(error.sqlState(), culprit.step() + ": " + error.getMessage(), error);
    }

    /** The earliest step that does not bind, probing inputs first; null when this relation binds. */
    private static Relation firstUnbound(Relation r) {
        for (Relation input : r.inputs()) {
            Relation culprit = firstUnbound(input);
            if (culprit != null) return culprit;
        }
        return r.binds() ? null : r;
    }
}
