package dev.mallard.api.scan;

import dev.mallard.vector.Vector;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * One column's value of one row into its vector, as a handle {@code (Object row, int i, Vector[]
 * out)void} for {@link RowLoop}: the column's accessor, writer and vector slot are bound in, so
 * where the handle is a constant the JIT sees constants and inlines the accessor, as in a
 * column's own loop ({@link LoopCopies}). The writes are those of {@link ColumnFiller}'s loops.
 */
final class RowWrites {
    private RowWrites() {}

    /** The handle's type. */
    static final MethodType TYPE = MethodType.methodType(void.class, Object.class, int.class, Vector[].class);

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    /** A handle that writes {@code filler}'s column of a row into {@code out[slot]}. */
    static MethodHandle of(ColumnFiller filler, int slot) {
        try {
            return switch (filler) {
                case ColumnFiller.Longs f -> bind("putLong", ToLongFunction.class, f.get(), slot);
                case ColumnFiller.Ints f -> bind("putInt", ToIntFunction.class, f.get(), slot);
                case ColumnFiller.Doubles f -> bind("putDouble", ToDoubleFunction.class, f.get(), slot);
                case ColumnFiller.Booleans f -> bind("putBoolean", Predicate.class, f.get(), slot);
                case ColumnFiller.Objects f -> MethodHandles.insertArguments(LOOKUP.findStatic(RowWrites.class, "putObject",
                        TYPE.insertParameterTypes(0, Function.class, ValueWriter.class, int.class)), 0, f.get(), f.writer(), slot);
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no row write for " + filler, e);
        }
    }

    /** A handle that writes nothing, for the unused columns of a loop. */
    static MethodHandle none() {
        return MethodHandles.empty(TYPE);
    }

    private static MethodHandle bind(String method, Class<?> accessorType, Object accessor, int slot) throws ReflectiveOperationException {
        MethodHandle put = LOOKUP.findStatic(RowWrites.class, method, TYPE.insertParameterTypes(0, accessorType, int.class));
        return MethodHandles.insertArguments(put, 0, accessor, slot);
    }

    private static void putLong(ToLongFunction<Object> get, int slot, Object row, int i, Vector[] out) {
        out[slot].longs[i] = get.applyAsLong(row);
    }

    private static void putInt(ToIntFunction<Object> get, int slot, Object row, int i, Vector[] out) {
        out[slot].ints[i] = get.applyAsInt(row);
    }

    private static void putDouble(ToDoubleFunction<Object> get, int slot, Object row, int i, Vector[] out) {
        out[slot].doubles[i] = get.applyAsDouble(row);
    }

    private static void putBoolean(Predicate<Object> get, int slot, Object row, int i, Vector[] out) {
        out[slot].bools[i] = get.test(row);
    }

    /*
     * Each put is called from a LambdaForm shared by many handles, whose call counts do not show
     * the JIT which calls are hot: there it inlines only methods under 35 bytes of bytecode
     * (MaxInlineSize). So the puts stay that small, and the null check is a call of its own,
     * inlined by the puts' own profile.
     */

    private static void putObject(Function<Object, Object> get, ValueWriter writer, int slot, Object row, int i, Vector[] out) {
        write(writer, out[slot], i, get.apply(row));
    }

    private static void write(ValueWriter writer, Vector out, int i, Object v) {
        if (v == null) out.setNull(i);
        else writer.write(out, i, v);
    }
}
