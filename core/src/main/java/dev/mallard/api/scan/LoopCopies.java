package dev.mallard.api.scan;

import dev.mallard.MallardException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * Copies of a column loop ({@link LongLoop} and its siblings), one per class and column, each a
 * hidden class whose class data is that column's accessor. One shared loop would call every
 * column's accessor from one call site, which the JIT soon sees as megamorphic and stops
 * inlining; in a copy the accessor is a static final constant, so the getter is inlined into the
 * loop and a {@code long} component goes from the object into the vector's array with no call.
 */
final class LoopCopies {
    private LoopCopies() {}

    /**
     * The loop {@code fill(Object[] rows, int count, <out> out)} of a copy of {@code template}
     * whose constants are {@code constants} (the accessor, then for {@link ObjectLoop} the writer).
     */
    static MethodHandle copy(Class<?> template, Class<?> outType, Object... constants) {
        try {
            MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClassWithClassData(bytes(template), List.of(constants), true);
            return copy.findStatic(copy.lookupClass(), "fill", MethodType.methodType(void.class, Object[].class, int.class, outType));
        } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
            return null; // the shared loop still works, only slower
        }
    }

    private static byte[] bytes(Class<?> template) throws IOException {
        try (InputStream in = template.getResourceAsStream(template.getSimpleName() + ".class")) {
            if (in == null) throw new IOException("no class file for " + template);
            return in.readAllBytes();
        }
    }

    /** Called from a copy's static initializer: the accessor it was defined with. */
    static <T> T accessor(MethodHandles.Lookup copy, Class<T> type) {
        return accessor(copy, type, 0);
    }

    /** Called from a copy's static initializer: constant {@code index} it was defined with. */
    static <T> T accessor(MethodHandles.Lookup copy, Class<T> type, int index) {
        try {
            return MethodHandles.classDataAt(copy, "_", type, index);
        } catch (IllegalAccessException e) {
            throw new MallardException.Internal("loop copy without its accessor: " + e, e);
        }
    }
}
