package dev.mallard.function;

import dev.mallard.vector.Vector;

/**
 * Lifts per-row bodies into vectorized kernels: the one place that iterates a selection and
 * propagates NULLs, so no function repeats that loop.
 *
 * <p>Strict kernels (the SQL default: any NULL argument gives NULL) take a fast path when no
 * argument vector holds a NULL, a loop over the dense range when there is no selection, and skip
 * NULL rows otherwise — skipping matters because the data under a NULL is garbage and must not be
 * able to raise an error (a NULL divisor may hold 0).
 */
public final class Kernels {
    private Kernels() {}

    /** NULL in any argument gives NULL; the body runs for the other rows. */
    public static ScalarKernel strict(RowKernel body) {
        return new StrictKernel(body);
    }

    /**
     * The body runs for every row and decides about NULLs itself (concat, is_distinct_from);
     * the result's NULL bit is cleared before each call.
     */
    public static ScalarKernel lenient(RowKernel body) {
        return (args, sel, count, out) -> {
            for (int k = 0; k < count; k++) {
                int i = sel == null ? k : sel[k];
                out.setNull(i, false);
                body.apply(args, i, out);
            }
        };
    }

    /** True when some argument may hold a NULL at some position. */
    static boolean anyNulls(Vector[] args) {
        for (Vector a : args) {
            if (a.mayHaveNulls()) return true;
        }
        return false;
    }

    /** True when position i of some argument is NULL. */
    public static boolean anyNull(Vector[] args, int i) {
        for (Vector a : args) {
            if (a.isNull(i)) return true;
        }
        return false;
    }

    /** The loop behind {@link #strict}. */
    static final class StrictKernel implements ScalarKernel {
        private final RowKernel body;

        StrictKernel(RowKernel body) {
            this.body = body;
        }

        @Override
        public void execute(Vector[] args, int[] sel, int count, Vector out) {
            RowKernel f = body;
            if (!anyNulls(args)) {
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
                if (anyNull(args, i)) {
                    out.setNull(i);
                } else {
                    out.setNull(i, false);
                    f.apply(args, i, out);
                }
            }
        }
    }
}
