package dev.mallard.api.scan;

import dev.mallard.vector.Vector;
import java.lang.invoke.MethodHandles;
import java.util.function.Function;

/**
 * The loop that fills a vector from one reference-typed column (boxed numbers, strings, dates):
 * NULL for null, else the column's {@link ValueWriter}. A template: {@link LoopCopies} defines a
 * hidden copy per class and column, whose {@code GET} and {@code WRITER} are that column's; this
 * class itself is never initialized.
 */
final class ObjectLoop {
    @SuppressWarnings("unchecked")
    private static final Function<Object, Object> GET = LoopCopies.accessor(MethodHandles.lookup(), Function.class, 0);
    private static final ValueWriter WRITER = LoopCopies.accessor(MethodHandles.lookup(), ValueWriter.class, 1);

    private ObjectLoop() {}

    static void fill(Object[] rows, int count, Vector out) {
        for (int i = 0; i < count; i++) {
            Object v = GET.apply(rows[i]);
            if (v == null) out.setNull(i);
            else WRITER.write(out, i, v);
        }
    }
}
