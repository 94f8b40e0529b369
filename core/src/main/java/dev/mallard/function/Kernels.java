package dev.mallard.function;

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
        return KernelSpecializer.strict(body);
    }

    /**
     * Strict, and a row whose body throws goes to {@code handler}, which rethrows or writes NULL
     * (TRY_CAST). The body must not have written a partial result it cannot take back.
     */
    public static ScalarKernel strictGuarded(RowKernel body, FailureHandler handler) {
        return KernelSpecializer.guarded(body, handler);
    }

    /**
     * The body runs for every row and decides about NULLs itself (concat, is_distinct_from);
     * the result's NULL bit is cleared before each call.
     */
    public static ScalarKernel lenient(RowKernel body) {
        return KernelSpecializer.lenient(body);
    }
}
