package dev.mallard.function;

import dev.mallard.vector.Vector;

/**
 * Decides what a row whose body threw becomes: rethrow a (better) error, or write a NULL. TRY_CAST
 * and try_strptime turn failures into NULL this way.
 */
@FunctionalInterface
public interface FailureHandler {
    void onFailure(RuntimeException failure, Vector[] args, int i, Vector out);
}
