package dev.mallard.function;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Supplier;

/**
 * Gives each kind of row body its own copy of a loop class, so the JIT can inline the body.
 *
 * <p>Why: a loop that calls {@code body.apply(...)} through an interface is compiled once per loop
 * class, and its call site records which body classes it has seen. With dozens of functions
 * sharing one loop class the site is megamorphic: a virtual call per row, no inlining, no
 * unrolling — measured at 5 to 10 times slower than the specialized loop. Defining the loop class
 * again as a hidden class (same bytes, {@link MethodHandles.Lookup#defineHiddenClass}) for each
 * body class gives every body a private, monomorphic call site, with no code generation and no
 * copied source. Copies are cached per body class ({@link ClassValue}) and unload with it. If the
 * runtime refuses (an unusual class loader, a native image) or {@code -Dmallard.kernels.noSpecialize=true}
 * is set, the shared loop class is used unchanged.
 */
final class KernelSpecializer {
    private KernelSpecializer() {}

    private static final boolean ENABLED = !Boolean.getBoolean("mallard.kernels.noSpecialize");

    /** One loop class to copy: its bytes, its constructor's type, and the copies made so far. */
    private static final class Template {
        private final byte[] bytes;
        private final MethodType constructor;
        private final ClassValue<MethodHandle> copies = new ClassValue<>() {
            @Override
            protected MethodHandle computeValue(Class<?> bodyClass) {
                return copy();
            }
        };

        Template(Class<?> loop, Class<?>... constructorParameters) {
            this.bytes = ENABLED ? bytesOf(loop) : null;
            this.constructor = MethodType.methodType(void.class, constructorParameters);
        }

        /** A new loop for {@code body}: from the body class's own copy when there is one, else from {@code fallback}. */
        ScalarKernel instantiate(RowKernel body, Supplier<ScalarKernel> fallback, Object... arguments) {
            MethodHandle c = bytes == null ? null : copies.get(body.getClass());
            if (c != null) {
                try {
                    return (ScalarKernel) (Object) c.invokeExact(arguments);
                } catch (Throwable e) {
                    // fall through to the shared loop class
                }
            }
            return fallback.get();
        }

        private MethodHandle copy() {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
                // one exact (Object[]) -> Object shape, so each instantiation is a plain invokeExact:
                // invokeWithArguments built new adapter handles on every call, once per kernel per query
                return lookup.findConstructor(lookup.lookupClass(), constructor)
                        .asSpreader(Object[].class, constructor.parameterCount())
                        .asType(MethodType.methodType(Object.class, Object[].class));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return null;
            }
        }
    }

    private static final Template STRICT = new Template(StrictLoop.class, RowKernel.class);
    private static final Template LENIENT = new Template(LenientLoop.class, RowKernel.class);
    private static final Template GUARDED = new Template(GuardedLoop.class, RowKernel.class, FailureHandler.class);

    static ScalarKernel strict(RowKernel body) {
        return STRICT.instantiate(body, () -> new StrictLoop(body), body);
    }

    static ScalarKernel lenient(RowKernel body) {
        return LENIENT.instantiate(body, () -> new LenientLoop(body), body);
    }

    static ScalarKernel guarded(RowKernel body, FailureHandler handler) {
        return GUARDED.instantiate(body, () -> new GuardedLoop(body, handler), body, handler);
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
