package dev.mallard.function;

import dev.mallard.vector.Vector;

/**
 * The loop of a strict kernel (see {@link Kernels#strict}). {@link KernelSpecializer} gives every
 * distinct body class its own copy of this class, so the {@code body.apply} call below sees one
 * receiver class and the JIT inlines the body into the loop. Keep this class free of lambdas and
 * nested classes: it is copied byte for byte.
 */
final class StrictLoop implements ScalarKernel {
    private final RowKernel body;

    StrictLoop(RowKernel body) {
        this.body = body;
    }

    @Override
    public void execute(Vector[] args, int[] sel, int count, Vector out) {
        RowKernel f = body;
        boolean nulls = false;
        for (Vector a : args) nulls |= a.mayHaveNulls();
        if (!nulls) {
            if (out.mayHaveNulls()) {
                for (int k = 0; k < count; k++) out.setNull(sel == null ? k : sel[k], false);
            }
            if (sel == null) {
                for (int i = 0; i < count; i++) f.apply(args, i, out);
            } else {
                for (int k = 0; k < count; k++) f.apply(args, sel[k], out);
            }
            return;
        }
        for (int k = 0; k < count; k++) {
            int i = sel == null ? k : sel[k];
            boolean isNull = false;
            for (Vector a : args) isNull |= a.isNull(i);
            if (isNull) {
                out.setNull(i);
            } else {
                out.setNull(i, false);
                f.apply(args, i, out);
            }
        }
    }
}
