package dev.mallard.function;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Gives each kind of row body its own copy of a loop class, so the JIT can inline the body.
 *
 * <p>Why: a loop that calls {@code body.apply(...)} through an interface is compiled once per loop
 * class, and its call site records which body classes it has seen. With dozens of functions
 * sharing one loop class the site is megamorphic: a virtual call per row, no inlining, no
 * unrolling — measured at about 20 times slower than a hand-written loop. Defining the loop class
 * again as a hidden class (same bytes, {@link MethodHandles.Lookup#defineHiddenClass}) for each body
 * class gives every body a private, monomorphic call site, with no code generation and no copied
 * source. Copies are cached per body class ({@link ClassValue}) and unload with it. If the runtime
 * refuses (an unusual class loader, a native image), the shared loop class is used unchanged.
 */
final class KernelSpecializer {
    private KernelSpecializer() {}

    private static final boolean ENABLED = !Boolean.getBoolean("mallard.kernels.noSpecialize");
    private static final byte[] STRICT_LOOP = bytesOf(StrictLoop.class);

    private static final byte[] GUARDED_LOOP = bytesOf(GuardedLoop.class);

    private static final ClassValue<MethodHandle> GUARDED_COPIES = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> bodyClass) {
            return copy(GUARDED_LOOP, MethodType.methodType(void.class, RowKernel.class, FailureHandler.class));
        }
    };

    private static final ClassValue<MethodHandle> STRICT_COPIES = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> bodyClass) {
            return copy(STRICT_LOOP, MethodType.methodType(void.class, RowKernel.class));
        }
    };

    static ScalarKernel strict(RowKernel body) {
        MethodHandle constructor = ENABLED && STRICT_LOOP != null ? STRICT_COPIES.get(body.getClass()) : null;
        if (constructor != null) {
            try {
                return (ScalarKernel) constructor.invoke(body);
            } catch (Throwable e) {
                // fall through to the shared loop
            }
        }
        return new StrictLoop(body);
    }

    static ScalarKernel guarded(RowKernel body, FailureHandler handler) {
        MethodHandle constructor = ENABLED && GUARDED_LOOP != null ? GUARDED_COPIES.get(body.getClass()) : null;
        if (constructor != null) {
            try {
                return (ScalarKernel) constructor.invoke(body, handler);
            } catch (Throwable e) {
                // fall through to the shared loop
            }
        }
        return new GuardedLoop(body, handler);
    }

    /** A constructor of a fresh hidden copy of the class with these bytes, or null when that is not possible. */
    private static MethodHandle copy(byte[] bytes, MethodType constructorType) {
        if (bytes == null) return null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return lookup.findConstructor(lookup.lookupClass(), constructorType);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static byte[] bytesOf(Class<?> c) {
        String resource = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = c.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
