package dev.mallard.api.scan;

import java.lang.invoke.MethodHandles;
import java.util.function.Predicate;

/**
 * The loop that fills a boolean[] from one column's accessor. A template: {@link LoopCopies}
 * defines a hidden copy per class and column, whose {@code GET} is that column's accessor;
 * this class itself is never initialized.
 */
final class BooleanLoop {
    @SuppressWarnings("unchecked")
    private static final Predicate<Object> GET = LoopCopies.accessor(MethodHandles.lookup(), Predicate.class);

    private BooleanLoop() {}

    static void fill(Object[] rows, int count, boolean[] out) {
        for (int i = 0; i < count; i++) out[i] = GET.test(rows[i]);
    }
}
