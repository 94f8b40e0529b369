package dev.mallard.api.scan;

import java.lang.invoke.MethodHandles;
import java.util.function.ToDoubleFunction;

/**
 * The loop that fills a double[] from one column's accessor. A template: {@link LoopCopies}
 * defines a hidden copy per class and column, whose {@code GET} is that column's accessor;
 * this class itself is never initialized.
 */
final class DoubleLoop {
    @SuppressWarnings("unchecked")
    private static final ToDoubleFunction<Object> GET = LoopCopies.accessor(MethodHandles.lookup(), ToDoubleFunction.class);

    private DoubleLoop() {}

    static void fill(Object[] rows, int count, double[] out) {
        for (int i = 0; i < count; i++) out[i] = GET.applyAsDouble(rows[i]);
    }
}
