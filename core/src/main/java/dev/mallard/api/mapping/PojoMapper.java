package dev.mallard.api.mapping;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps rows to a class with a no-argument constructor: each column goes to the setter of its name
 * ({@code setX}, one argument) or else to the non-static, non-final field of its name, in the class
 * or a superclass ({@link RowMapper#matches}). A column with neither is an error; properties no
 * column names keep their initial values.
 */
final class PojoMapper<T> implements RowMapper<T> {
    private final Class<T> type;
    private final MethodHandle constructor;
    /** Per column: a handle (target, value) → void, the converter, whether NULL is an error. */
    private final MethodHandle[] setters;
    private final ValueConverter[] converters;
    private final boolean[] primitive;
    private final List<String> columns;

    PojoMapper(Class<T> type, List<String> columns, List<LogicalType> types) {
        this.type = type;
        this.columns = columns;
        setters = new MethodHandle[columns.size()];
        converters = new ValueConverter[columns.size()];
        primitive = new boolean[columns.size()];
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            try {
                constructor = lookup.findConstructor(type, java.lang.invoke.MethodType.methodType(void.class));
            } catch (NoSuchMethodException e) {
                throw MallardException.Data.invalidArgument("cannot map rows to " + type.getName() + ": it has no no-argument"
                        + " constructor; add one, or use a record");
            }
            for (int c = 0; c < columns.size(); c++) {
                String column = columns.get(c);
                Method setter = setter(type, column);
                Field field = setter == null ? field(type, column) : null;
                if (setter == null && field == null) {
                    throw MallardException.Catalog.undefinedColumn("column \"" + column + "\" has no setter or field in "
                            + type.getName() + " (its properties: " + String.join(", ", properties(type)) + ")");
                }
                Class<?> target = setter != null ? setter.getParameterTypes()[0] : field.getType();
                setters[c] = setter != null ? lookup.unreflect(setter) : lookup.unreflectSetter(field);
                setters[c] = setters[c].asType(java.lang.invoke.MethodType.methodType(void.class, Object.class, Object.class));
                converters[c] = ValueConverter.to(target, types.get(c), column);
                primitive[c] = target.isPrimitive();
            }
        } catch (IllegalAccessException e) {
            throw MallardException.Data.invalidArgument("cannot access " + type.getName() + ": " + e.getMessage());
        }
    }

    private static Method setter(Class<?> type, String column) {
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers()) && m.getName().startsWith("set")
                    && m.getName().length() > 3 && RowMapper.matches(column, m.getName().substring(3))) {
                return m;
            }
        }
        return null;
    }

    private static Field field(Class<?> type, String column) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (!Modifier.isStatic(mod) && !Modifier.isFinal(mod) && !f.isSynthetic() && RowMapper.matches(column, f.getName())) return f;
            }
        }
        return null;
    }

    private static List<String> properties(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) if (!Modifier.isStatic(f.getModifiers())) names.add(f.getName());
        }
        return names;
    }

    @Override
    public T map(Object[] values, long row) {
        Object target;
        try {
            target = constructor.invoke();
        } catch (Throwable t) {
            throw new MallardException("22000", "constructing " + type.getName() + " failed: " + t, t);
        }
        for (int c = 0; c < setters.length; c++) {
            Object v = values[c];
            if (v == null && primitive[c]) throw RowMapper.at(RecordMapper.nullIntoPrimitive(), row, columns.get(c), type);
            try {
                setters[c].invokeExact(target, v == null ? null : converters[c].convert(v));
            } catch (MallardException | ClassCastException e) {
                throw RowMapper.at(e, row, columns.get(c), type);
            } catch (Throwable t) {
                throw new MallardException("22000", "row " + row + ": setting \"" + columns.get(c) + "\" of " + type.getName()
                        + " failed: " + t, t);
            }
        }
        return type.cast(target);
    }
}
