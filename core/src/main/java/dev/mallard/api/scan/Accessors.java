package dev.mallard.api.scan;

import dev.mallard.vector.Vector;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Turns a getter (a record accessor, {@code getX()} / {@code isX()}) or a public field into a
 * {@link ColumnFiller}, once per class and column. Getters become lambdas spun by
 * {@link LambdaMetafactory}, exactly as {@code Trip::fare} would compile: the JIT inlines them
 * into the filler's loop, and primitive getters fill the vector's array with no boxing. Fields
 * (which lambdas cannot name) go through a method handle bound once.
 */
final class Accessors {
    private Accessors() {}

    /** The filler for {@code getter} of {@code owner}, writing {@code writer}'s way when the result is a reference. */
    static ColumnFiller of(Class<?> owner, Method getter, ValueWriter writer, String column) {
        Class<?> type = getter.getReturnType();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            MethodHandle target = lookup.unreflect(getter);
            if (type == long.class) {
                ToLongFunction<Object> get = spin(lookup, target, owner, ToLongFunction.class, "applyAsLong", long.class);
                return new ColumnFiller.Longs(get, LoopCopies.copy(LongLoop.class, long[].class, get));
            }
            if (type == int.class || type == short.class || type == byte.class) {
                ToIntFunction<Object> get = spin(lookup, target, owner, ToIntFunction.class, "applyAsInt", int.class);
                return new ColumnFiller.Ints(get, LoopCopies.copy(IntLoop.class, int[].class, get));
            }
            if (type == double.class || type == float.class) {
                ToDoubleFunction<Object> get = spin(lookup, target, owner, ToDoubleFunction.class, "applyAsDouble", double.class);
                return new ColumnFiller.Doubles(get, LoopCopies.copy(DoubleLoop.class, double[].class, get));
            }
            if (type == boolean.class) {
                Predicate<Object> get = spin(lookup, target, owner, Predicate.class, "test", boolean.class);
                return new ColumnFiller.Booleans(get, LoopCopies.copy(BooleanLoop.class, boolean[].class, get));
            }
            Function<Object, Object> get = spin(lookup, target, owner, Function.class, "apply", Object.class);
            return new ColumnFiller.Objects(get, writer, column, LoopCopies.copy(ObjectLoop.class, Vector.class, get, writer));
        } catch (Throwable e) {
            // A getter a lambda cannot call directly (in a class this module cannot open): a bound handle still works.
            return of(owner, handle(getter), type, writer, column);
        }
    }

    /** The filler for the public field {@code field}. */
    static ColumnFiller of(Class<?> owner, Field field, ValueWriter writer, String column) {
        try {
            MethodHandle getter = MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).unreflectGetter(field);
            return of(owner, getter, field.getType(), writer, column);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read field " + field, e);
        }
    }

    private static MethodHandle handle(Method getter) {
        try {
            getter.setAccessible(true);
            return MethodHandles.lookup().unreflect(getter);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalStateException("cannot call " + getter, e);
        }
    }

    /** A filler over a method handle of type (owner)type, adapted once to (Object)primitive or (Object)Object. */
    private static ColumnFiller of(Class<?> owner, MethodHandle getter, Class<?> type, ValueWriter writer, String column) {
        if (type == long.class) {
            MethodHandle h = getter.asType(MethodType.methodType(long.class, Object.class));
            return new ColumnFiller.Longs(row -> {
                try {
                    return (long) h.invokeExact(row);
                } catch (Throwable t) {
                    throw rethrow(t);
                }
            });
        }
        if (type == int.class || type == short.class || type == byte.class) {
            MethodHandle h = getter.asType(MethodType.methodType(int.class, Object.class));
            return new ColumnFiller.Ints(row -> {
                try {
                    return (int) h.invokeExact(row);
                } catch (Throwable t) {
                    throw rethrow(t);
                }
            });
        }
        if (type == double.class || type == float.class) {
            MethodHandle h = getter.asType(MethodType.methodType(double.class, Object.class));
            return new ColumnFiller.Doubles(row -> {
                try {
                    return (double) h.invokeExact(row);
                } catch (Throwable t) {
                    throw rethrow(t);
                }
            });
        }
        if (type == boolean.class) {
            MethodHandle h = getter.asType(MethodType.methodType(boolean.class, Object.class));
            return new ColumnFiller.Booleans(row -> {
                try {
                    return (boolean) h.invokeExact(row);
                } catch (Throwable t) {
                    throw rethrow(t);
                }
            });
        }
        MethodHandle h = getter.asType(MethodType.methodType(Object.class, Object.class));
        return new ColumnFiller.Objects(row -> {
            try {
                return (Object) h.invokeExact(row);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }, writer, column);
    }

    /** A lambda of {@code iface} whose method {@code name} takes an Object (cast to owner) and returns {@code result}. */
    @SuppressWarnings("unchecked")
    private static <F> F spin(MethodHandles.Lookup lookup, MethodHandle target, Class<?> owner, Class<F> iface, String name,
                              Class<?> result) throws Throwable {
        CallSite site = LambdaMetafactory.metafactory(lookup, name, MethodType.methodType(iface),
                MethodType.methodType(result, Object.class), target, MethodType.methodType(result, owner));
        return (F) site.getTarget().invoke();
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
