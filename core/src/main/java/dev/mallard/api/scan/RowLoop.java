package dev.mallard.api.scan;

import dev.mallard.vector.Vector;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * The loop that fills up to {@link #WIDTH} columns of a batch in one pass over its rows. A
 * template: {@link RowLoops} defines a hidden copy per class and column set, whose constants
 * {@code C0..C7} each write one column's value of one row ({@link RowWrites}), or do nothing;
 * this class itself is never initialized. Constant handles are inlined by the JIT, so each row is
 * loaded once and all its fields go to their vectors together: a pass per column would read every
 * row again (from the cache at best), and the scan of a list is bound by those loads.
 */
final class RowLoop {
    /** Columns per copy; wider column sets take a copy per eight columns. */
    static final int WIDTH = 8;

    private static final MethodHandle C0 = LoopCopies.accessor(MethodHandles.lookup(), MethodHandle.class, 0);
    private static final MethodHandle C1 = LoopCopies.accessor(MethodHandles.lookup(), MethodHandle.class, 1);
    private static final MethodHandle C2 = LoopCopies.accessor(MethodHandles.lookup(), MethodHandle.class, 2);
    private static final MethodHandle C3 = LoopCopies.accessor(MethodHandles.lookup(), MethodHandle.class, 3);
    private static final MethodHandle C4 = LoopCopies.accessor(MethodHandles.lookup(), MethodHandle.class, 4);
    private static final MethodHandle C5 = LoopCopies.accessor(MethodHandles.lookup(), MethodHandle.class, 5);
    private static final MethodHandle C6 = LoopCopies.accessor(MethodHandles.lookup(), MethodHandle.class, 6);
    private static final MethodHandle C7 = LoopCopies.accessor(MethodHandles.lookup(), MethodHandle.class, 7);

    private RowLoop() {}

    static void fill(Object[] rows, int count, Vector[] out) throws Throwable {
        for (int i = 0; i < count; i++) {
            Object row = rows[i];
            C0.invokeExact(row, i, out);
            C1.invokeExact(row, i, out);
            C2.invokeExact(row, i, out);
            C3.invokeExact(row, i, out);
            C4.invokeExact(row, i, out);
            C5.invokeExact(row, i, out);
            C6.invokeExact(row, i, out);
            C7.invokeExact(row, i, out);
        }
    }
}
