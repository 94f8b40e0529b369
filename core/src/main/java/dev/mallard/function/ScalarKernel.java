package dev.mallard.function;

import dev.mallard.vector.Vector;

/**
 * A vectorized scalar function body. It evaluates the rows at positions {@code sel[0..count)}
 * (or {@code 0..count)} when {@code sel} is null) of the argument vectors and writes each result,
 * including its NULL bit, at the same position of {@code out}. Positions outside the selection
 * must be left alone: the caller may hold live data there.
 */
@FunctionalInterface
public interface ScalarKernel {
    void execute(Vector[] args, int[] sel, int count, Vector out);
}
