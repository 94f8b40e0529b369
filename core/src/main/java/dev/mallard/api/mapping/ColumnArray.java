package dev.mallard.api.mapping;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import dev.mallard.types.PhysicalType;
import dev.mallard.types.Values;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gathers one result column into a Java array, chunk by chunk. Integer columns into {@code long[]}
 * and integer or floating-point columns into {@code double[]} are copied from the vectors'
 * primitive arrays without boxing; other combinations go value by value through the column's
 * {@link ValueConverter}. NULL is null in an array of references and an error in a primitive one.
 */
public final class ColumnArray {
    private final Class<?> element;
    private final LogicalType type;
    private final String column;
    private final ValueConverter converter;
    private final boolean primitiveCopy;
    private long[] longs = new long[0];
    private double[] doubles = new double[0];
    private final List<Object> objects = new ArrayList<>();
    private int size;

    /** A builder of an array of {@code arrayType} from {@code column} of SQL type {@code type}; fails now if they cannot match. */
    public ColumnArray(Class<?> arrayType, LogicalType type, String column) {
        if (!arrayType.isArray()) {
            throw MallardException.Data.invalidArgument("a column is read into an array class such as long[].class, got " + arrayType.getName());
        }
        this.element = arrayType.getComponentType();
        this.type = type;
        this.column = column;
        this.converter = ValueConverter.to(element, type, column);
        boolean floating = type.physicalType() == PhysicalType.DOUBLE;
        this.primitiveCopy = element == long.class && type.isInteger() || element == double.class && (type.isInteger() || floating);
    }

    /** Adds the live rows of column {@code c} of {@code chunk}; {@code row} is the first one's number, for errors. */
    public void add(DataChunk chunk, int c, long row) {
        Vector v = chunk.column(c);
        int n = chunk.count();
        if (element.isPrimitive() && v.mayHaveNulls()) {
            for (int k = 0; k < n; k++) {
                if (v.isNull(chunk.position(k))) {
                    throw MallardException.Data.conversion("row " + (row + k) + " of column \"" + column + "\" is NULL, which "
                            + element.getName() + "[] cannot hold; read it as " + boxed(element) + "[], or filter the NULLs out");
                }
            }
        }
        if (primitiveCopy && element == long.class) {
            if (size + n > longs.length) longs = Arrays.copyOf(longs, Math.max(size + n, longs.length * 2));
            for (int k = 0; k < n; k++) {
                int p = chunk.position(k);
                longs[size + k] = v.physicalType() == PhysicalType.INT32 ? v.ints[p] : v.longs[p];
            }
        } else if (primitiveCopy) {
            if (size + n > doubles.length) doubles = Arrays.copyOf(doubles, Math.max(size + n, doubles.length * 2));
            for (int k = 0; k < n; k++) {
                int p = chunk.position(k);
                doubles[size + k] = switch (v.physicalType()) {
                    case DOUBLE -> v.doubles[p];
                    case INT32 -> v.ints[p];
                    default -> v.longs[p];
                };
            }
        } else {
            for (int k = 0; k < n; k++) {
                Object value = Values.toJava(type, chunk.getObject(c, k));
                try {
                    objects.add(value == null ? null : converter.convert(value));
                } catch (RuntimeException e) {
                    throw RowMapper.at(e, row + k, column, element);
                }
            }
        }
        size += n;
    }

    private static String boxed(Class<?> primitive) {
        return java.lang.invoke.MethodType.methodType(primitive).wrap().returnType().getSimpleName();
    }

    /** The array of everything added. */
    public Object build() {
        if (primitiveCopy) return element == long.class ? Arrays.copyOf(longs, size) : Arrays.copyOf(doubles, size);
        Object array = java.lang.reflect.Array.newInstance(element, size);
        for (int i = 0; i < size; i++) java.lang.reflect.Array.set(array, i, objects.get(i));
        return array;
    }
}
