package dev.mallard.api.scan;

import dev.mallard.MallardException;
import dev.mallard.vector.Vector;
import java.lang.invoke.MethodHandle;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Fills one column of a vector from a batch of Java rows. The accessor is resolved once per class
 * (a generated lambda, see {@link Accessors}); a primitive component goes straight into the
 * vector's array in a tight loop, without boxing: the column's own copy of the loop when it has
 * one ({@code loop}, see {@link LoopCopies}), else the shared loop here. Rows are never null here
 * (the scan checks).
 */
sealed interface ColumnFiller {
    /**
     * Writes column values of {@code rows[0..count)} to positions {@code 0..count)} of {@code out}.
     * {@code firstRow} is the index of {@code rows[0]} in the source, for errors.
     */
    void fill(Object[] rows, int count, Vector out, long firstRow);

    /** The value of one row as an object (for sampling and checks, not in the scan's loop). */
    Object value(Object row);

    /** Runs a column's own copy of its loop ({@link LoopCopies}); the caller's exceptions pass through unchanged. */
    private static void runCopy(MethodHandle loop, Object[] rows, int count, Object array) {
        try {
            loop.invoke(rows, count, array);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    record Longs(ToLongFunction<Object> get, MethodHandle loop) implements ColumnFiller {
        Longs(ToLongFunction<Object> get) {
            this(get, null);
        }

        @Override
        public void fill(Object[] rows, int count, Vector out, long firstRow) {
            if (loop != null) {
                runCopy(loop, rows, count, out.longs);
                return;
            }
            long[] values = out.longs;
            for (int i = 0; i < count; i++) values[i] = get.applyAsLong(rows[i]);
        }

        @Override
        public Object value(Object row) {
            return get.applyAsLong(row);
        }
    }

    /** int, short and byte components (widened to int by the accessor). */
    record Ints(ToIntFunction<Object> get, MethodHandle loop) implements ColumnFiller {
        Ints(ToIntFunction<Object> get) {
            this(get, null);
        }

        @Override
        public void fill(Object[] rows, int count, Vector out, long firstRow) {
            if (loop != null) {
                runCopy(loop, rows, count, out.ints);
                return;
            }
            int[] values = out.ints;
            for (int i = 0; i < count; i++) values[i] = get.applyAsInt(rows[i]);
        }

        @Override
        public Object value(Object row) {
            return get.applyAsInt(row);
        }
    }

    /** double and float components (a float widens exactly, so REAL needs no rounding). */
    record Doubles(ToDoubleFunction<Object> get, MethodHandle loop) implements ColumnFiller {
        Doubles(ToDoubleFunction<Object> get) {
            this(get, null);
        }

        @Override
        public void fill(Object[] rows, int count, Vector out, long firstRow) {
            if (loop != null) {
                runCopy(loop, rows, count, out.doubles);
                return;
            }
            double[] values = out.doubles;
            for (int i = 0; i < count; i++) values[i] = get.applyAsDouble(rows[i]);
        }

        @Override
        public Object value(Object row) {
            return get.applyAsDouble(row);
        }
    }

    record Booleans(Predicate<Object> get, MethodHandle loop) implements ColumnFiller {
        Booleans(Predicate<Object> get) {
            this(get, null);
        }

        @Override
        public void fill(Object[] rows, int count, Vector out, long firstRow) {
            if (loop != null) {
                runCopy(loop, rows, count, out.bools);
                return;
            }
            boolean[] values = out.bools;
            for (int i = 0; i < count; i++) values[i] = get.test(rows[i]);
        }

        @Override
        public Object value(Object row) {
            return get.test(row);
        }
    }

    /**
     * Reference components (boxed numbers, strings, dates, decimals ...) and Map entries: null is
     * NULL, anything else goes through the column's {@link ValueWriter}.
     *
     * @param column the column's name, for errors
     */
    record Objects(Function<Object, Object> get, ValueWriter writer, String column, MethodHandle loop) implements ColumnFiller {
        Objects(Function<Object, Object> get, ValueWriter writer, String column) {
            this(get, writer, column, null);
        }

        @Override
        public void fill(Object[] rows, int count, Vector out, long firstRow) {
            if (loop != null) {
                try {
                    runCopy(loop, rows, count, out);
                    return;
                } catch (ClassCastException | ArithmeticException | MallardException e) {
                    // a value that does not fit: the loop below finds its row and says which
                }
            }
            int i = 0;
            try {
                for (; i < count; i++) {
                    Object v = get.apply(rows[i]);
                    if (v == null) out.setNull(i);
                    else writer.write(out, i, v);
                }
            } catch (ClassCastException | ArithmeticException | MallardException e) {
                Object v = get.apply(rows[i]);
                throw MallardException.Data.conversion("row " + (firstRow + i) + ", column \"" + column + "\": cannot store "
                        + v + " (" + v.getClass().getName() + ") as " + out.type() + (e instanceof MallardException ? ": " + e.getMessage() : ""));
            }
        }

        @Override
        public Object value(Object row) {
            return get.apply(row);
        }
    }
}
