package dev.mallard.api.scan;

import dev.mallard.MallardException;
import dev.mallard.function.table.ParallelTableFunction;
import dev.mallard.storage.TableFilter;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A table whose columns are Java arrays of one length ({@code Map.of("x", new long[] {...})}):
 * {@code long[]} BIGINT, {@code int[]} INTEGER, {@code short[]} SMALLINT, {@code byte[]} TINYINT,
 * {@code double[]} DOUBLE, {@code float[]} REAL, {@code boolean[]} BOOLEAN, and arrays of any
 * mapped reference type ({@code String[]}, {@code LocalDate[]}, {@code Long[]} ...; null elements
 * are NULL). Read in place, in morsels by all the query's threads; {@code long[]} and
 * {@code double[]} columns are copied into vectors with {@link System#arraycopy}.
 */
public final class ColumnArraysScan implements ParallelTableFunction {
    /** One array and its column. */
    private record ArrayColumn(String name, LogicalType type, Object array, ValueWriter writer) {}

    private final String table;
    private final List<ArrayColumn> columns;
    private final int length;

    private ColumnArraysScan(String table, List<ArrayColumn> columns, int length) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.length = length;
    }

    /** Binds the arrays of {@code arrays} (in its iteration order: use a LinkedHashMap to fix it). */
    static ColumnArraysScan bind(String table, Map<?, ?> arrays) {
        List<ArrayColumn> columns = new ArrayList<>();
        int length = -1;
        String first = null;
        for (Map.Entry<?, ?> e : arrays.entrySet()) {
            String name = String.valueOf(e.getKey());
            Object array = e.getValue();
            if (array == null || !array.getClass().isArray()) {
                throw MallardException.Data.invalidArgument("column \"" + name + "\" of \"" + table + "\" is "
                        + (array == null ? "null" : "a " + array.getClass().getName()) + ", not an array; a Map of columns holds one array per column");
            }
            int n = java.lang.reflect.Array.getLength(array);
            if (length >= 0 && n != length) {
                throw MallardException.Data.invalidArgument("the columns of \"" + table + "\" differ in length: \"" + first + "\" has "
                        + length + " values, \"" + name + "\" " + n);
            }
            length = n;
            if (first == null) first = name;
            columns.add(column(table, name, array));
        }
        if (columns.isEmpty()) throw MallardException.Data.invalidArgument("\"" + table + "\" has no columns: the Map is empty");
        return new ColumnArraysScan(table, columns, length);
    }

    private static ArrayColumn column(String table, String name, Object array) {
        Class<?> element = array.getClass().getComponentType();
        if (element == char.class) {
            throw MallardException.Data.invalidArgument("column \"" + name + "\" of \"" + table + "\" is a char[]; use a String[]");
        }
        JavaTypeMapping.Mapping m = JavaTypeMapping.of(element);
        if (m == null) {
            throw MallardException.Data.invalidArgument("column \"" + name + "\" of \"" + table + "\" is an array of "
                    + element.getName() + ", which has no SQL type (supported: " + JavaTypeMapping.SUPPORTED + ")");
        }
        LogicalType type = m.type();
        if (type.id() == TypeId.DECIMAL) {
            Object[] values = (Object[]) array;
            type = JavaTypeMapping.decimalOf(Arrays.asList(values).subList(0, Math.min(values.length, JavaTypeMapping.SAMPLE)));
        }
        return new ArrayColumn(name, type, array, m.writer());
    }

    @Override
    public String name() {
        return table;
    }

    @Override
    public List<String> columnNames() {
        return columns.stream().map(ArrayColumn::name).toList();
    }

    @Override
    public List<LogicalType> columnTypes() {
        return columns.stream().map(ArrayColumn::type).toList();
    }

    @Override
    public long estimatedRows() {
        return length;
    }

    @Override
    public ParallelTableFunction project(int[] which) {
        List<ArrayColumn> kept = new ArrayList<>();
        for (int c : which) kept.add(columns.get(c));
        return new ColumnArraysScan(table, kept, length);
    }

    @Override
    public Source start(int threads, List<TableFilter> filters) {
        return new Source() {
            private int next;

            @Override
            public synchronized Piece next() {
                if (next >= length) return null;
                int from = next;
                int to = (int) Math.min(length, (long) from + RowSource.MORSEL);
                next = to;
                return new Piece(from / RowSource.MORSEL, new RangeReader(from, to));
            }

            @Override
            public void close() {}
        };
    }

    /** Reads rows [from, to) of every column. */
    private final class RangeReader implements Reader {
        private int at;
        private final int to;

        RangeReader(int from, int to) {
            this.at = from;
            this.to = to;
        }

        @Override
        public boolean next(DataChunk out) {
            int n = Math.min(to - at, out.columnCount() == 0 ? Vector.DEFAULT_CAPACITY : out.column(0).capacity());
            if (n <= 0) return false;
            for (int c = 0; c < columns.size(); c++) fill(columns.get(c), out.column(c), at, n);
            at += n;
            out.setCount(n);
            return true;
        }
    }

    /** The switch runs once per column and chunk; the loops inside are over primitive arrays. */
    private void fill(ArrayColumn column, Vector out, int from, int n) {
        switch (column.array()) {
            case long[] a -> System.arraycopy(a, from, out.longs, 0, n);
            case double[] a -> System.arraycopy(a, from, out.doubles, 0, n);
            case int[] a -> System.arraycopy(a, from, out.ints, 0, n);
            case boolean[] a -> System.arraycopy(a, from, out.bools, 0, n);
            case float[] a -> {
                for (int i = 0; i < n; i++) out.doubles[i] = a[from + i];
            }
            case short[] a -> {
                for (int i = 0; i < n; i++) out.ints[i] = a[from + i];
            }
            case byte[] a -> {
                for (int i = 0; i < n; i++) out.ints[i] = a[from + i];
            }
            case Object[] a -> {
                for (int i = 0; i < n; i++) {
                    Object v = a[from + i];
                    if (v == null) {
                        out.setNull(i);
                        continue;
                    }
                    try {
                        column.writer().write(out, i, v);
                    } catch (ClassCastException | ArithmeticException | MallardException e) {
                        throw MallardException.Data.conversion("row " + (from + i) + ", column \"" + column.name() + "\" of \"" + table
                                + "\": cannot store " + v + " as " + column.type());
                    }
                }
            }
            default -> throw new MallardException.Internal("unexpected array " + column.array().getClass());
        }
    }
}
