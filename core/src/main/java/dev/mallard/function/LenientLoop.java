package dev.mallard.function;

import dev.mallard.vector.Vector;

/**
 * The loop of a lenient kernel (see {@link Kernels#lenient}): every selected row, NULL or not,
 * goes to the body with the result's NULL bit cleared first. Copied per body class by
 * {@link KernelSpecializer}; keep it free of lambdas and nested classes.
 */
final class LenientLoop implements ScalarKernel {
    private final RowKernel body;

    LenientLoop(RowKernel body) {
        this.body = body;
    }

    @Override
    public void execute(Vector[] args, int[] sel, int count, Vector out) {
        RowKernel f = body;
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            out.setNull(i, false);
            f.apply(args, i, out);
        }
    }
}
