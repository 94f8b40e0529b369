package dev.mallard.api.scan;

import java.lang.invoke.MethodHandles;
import java.util.function.ToIntFunction;

/**
 * The loop that fills an int[] from one column's accessor. A template: {@link LoopCopies}
 * defines a hidden copy per class and column, whose {@code GET} is that column's accessor;
 * this class itself is never initialized.
 */
final class IntLoop {
    @SuppressWarnings("unchecked")
    private static final ToIntFunction<Object> GET = LoopCopies.accessor(MethodHandles.lookup(), ToIntFunction.class);

    private IntLoop() {}

    static void fill(Object[] rows, int count, int[] out) {
        for (int i = 0; i < count; i++) out[i] = GET.applyAsInt(rows[i]);
    }
}
