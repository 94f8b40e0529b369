package dev.mallard.api.scan;

import java.lang.invoke.MethodHandles;
import java.util.function.ToLongFunction;

/**
 * The loop that fills a long[] from one column's accessor. A template: {@link LoopCopies}
 * defines a hidden copy per class and column, whose {@code GET} is that column's accessor;
 * this class itself is never initialized.
 */
final class LongLoop {
    @SuppressWarnings("unchecked")
    private static final ToLongFunction<Object> GET = LoopCopies.accessor(MethodHandles.lookup(), ToLongFunction.class);

    private LongLoop() {}

    static void fill(Object[] rows, int count, long[] out) {
        for (int i = 0; i < count; i++) out[i] = GET.applyAsLong(rows[i]);
    }
}
