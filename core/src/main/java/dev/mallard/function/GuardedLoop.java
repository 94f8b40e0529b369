package dev.mallard.function;

import dev.mallard.vector.Vector;

/**
 * The loop of a strict kernel whose body may fail per row (see {@link Kernels#strictGuarded}): the
 * same as {@link StrictLoop}, with each failure handed to a {@link FailureHandler}. Copied per body
 * class by {@link KernelSpecializer}; keep it free of lambdas and nested classes.
 */
final class GuardedLoop implements ScalarKernel {
    private final RowKernel body;
    private final FailureHandler handler;

    GuardedLoop(RowKernel body, FailureHandler handler) {
        this.body = body;
        this.handler = handler;
    }

    @Override
    public void execute(Vector[] args, int[] sel, int count, Vector out) {
        RowKernel f = body;
        boolean nulls = false;
        for (Vector a : args) nulls |= a.mayHaveNulls();
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            if (nulls) {
                boolean isNull = false;
                for (Vector a : args) isNull |= a.isNull(i);
                if (isNull) {
                    out.setNull(i);
                    continue;
                }
            }
            out.setNull(i, false);
            try {
                f.apply(args, i, out);
            } catch (RuntimeException e) {
                handler.onFailure(e, args, i, out);
            }
        }
    }
}
