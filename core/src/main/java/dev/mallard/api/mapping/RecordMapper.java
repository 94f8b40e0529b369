package dev.mallard.api.mapping;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Maps rows to a record through its canonical constructor: each component takes the column of its
 * name ({@link RowMapper#matches}). A component without a column, or a column without a component,
 * is an error: the first is a value the record cannot have, the second most often a misspelt alias.
 */
final class RecordMapper<T> implements RowMapper<T> {
    private final Class<T> type;
    private final MethodHandle constructor;
    /** For each component: the column it takes, its converter, whether it is primitive (NULL is an error). */
    private final int[] sources;
    private final ValueConverter[] converters;
    private final boolean[] primitive;
    private final String[] names;

    RecordMapper(Class<T> type, List<String> columns, List<LogicalType> types) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        sources = new int[components.length];
        converters = new ValueConverter[components.length];
        primitive = new boolean[components.length];
        names = new String[components.length];
        boolean[] used = new boolean[columns.size()];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            int column = find(columns, c.getName());
            if (column < 0) {
                throw MallardException.Catalog.undefinedColumn("record " + type.getName() + " has component \"" + c.getName()
                        + "\" but the result has no such column (its columns: " + String.join(", ", columns) + ")");
            }
            used[column] = true;
            sources[i] = column;
            names[i] = columns.get(column);
            primitive[i] = c.getType().isPrimitive();
            converters[i] = ValueConverter.to(c.getType(), types.get(column), columns.get(column));
            parameterTypes[i] = c.getType();
        }
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                throw MallardException.Catalog.undefinedColumn("column \"" + columns.get(i) + "\" has no component in record "
                        + type.getName() + "; select only the columns the record holds, or add a component");
            }
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            constructor = lookup.unreflectConstructor(type.getDeclaredConstructor(parameterTypes))
                    .asSpreader(Object[].class, components.length);
        } catch (ReflectiveOperationException e) {
            throw MallardException.Data.invalidArgument("cannot call the constructor of record " + type.getName() + ": " + e);
        }
    }

    /** The column named like {@code name}, exact matches (ignoring case) first. */
    static int find(List<String> columns, String name) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).equalsIgnoreCase(name)) return i;
        for (int i = 0; i < columns.size(); i++) if (RowMapper.matches(columns.get(i), name)) return i;
        return -1;
    }

    @Override
    public T map(Object[] values, long row) {
        Object[] args = new Object[sources.length];
        for (int i = 0; i < sources.length; i++) {
            Object v = values[sources[i]];
            if (v == null) {
                if (primitive[i]) throw RowMapper.at(nullIntoPrimitive(), row, names[i], type);
                continue;
            }
            try {
                args[i] = converters[i].convert(v);
            } catch (RuntimeException e) {
                throw RowMapper.at(e, row, names[i], type);
            }
        }
        try {
            return type.cast(constructor.invoke(args));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new MallardException.Internal("constructing " + type.getName() + ": " + t, t);
        }
    }

    static MallardException nullIntoPrimitive() {
        return MallardException.Data.conversion("the value is NULL, which a primitive cannot hold; use the boxed type (Long for long ...)");
    }
}
