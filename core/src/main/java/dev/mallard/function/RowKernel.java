package dev.mallard.function;

import dev.mallard.vector.Vector;

/**
 * The body of a scalar function for one row: read the arguments at position {@code i}, write the
 * result at position {@code i} of {@code out}. {@link Kernels} turns a body into a vectorized
 * {@link ScalarKernel} by supplying the loop over the selection and the NULL handling, so each
 * function is written once, as a lambda over the physical arrays, for example
 * {@code (a, i, out) -> out.longs[i] = a[0].longs[i] + a[1].longs[i]}.
 *
 * <p>In a strict kernel the body only sees rows where no argument is NULL, and the result's NULL
 * bit is already cleared; a body may still call {@code out.setNull(i)} for a NULL result.
 */
@FunctionalInterface
public interface RowKernel {
    void apply(Vector[] args, int i, Vector out);
}
