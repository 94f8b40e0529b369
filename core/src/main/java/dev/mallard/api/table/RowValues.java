package dev.mallard.api.table;

import dev.mallard.MallardException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row as the caller gives it — a {@code Map}, a record, a POJO with getters, or JSON object text —
 * as an ordered map from trimmed column name to Java value. Two keys of one row that differ only in
 * case would land in one column, so they are an error rather than a silent pick.
 *
 * <p>Java-object scans ({@code api.scan}) read classes into vectors with generated accessors; here a
 * row is read once per write, so plain reflection, cached per class, is enough.
 */
final class RowValues {
    private RowValues() {}

    static Map<String, Object> of(Object row) {
        Map<String, Object> raw = switch (row) {
            case null -> throw MallardException.Data.invalidArgument("a row must not be null: give a Map, a record, an object with getters, or JSON object text");
            case Map<?, ?> m -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!(e.getKey() instanceof String k)) {
                        throw MallardException.Data.invalidArgument("row keys must be strings, found " + e.getKey()
                                + (e.getKey() == null ? "" : " (" + e.getKey().getClass().getName() + ")"));
                    }
                    copy.put(k, e.getValue());
                }
                yield copy;
            }
            case CharSequence text -> Json.readObject(text.toString());
            default -> properties(row);
        };
        Map<String, Object> clean = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            String name = Names.clean(e.getKey(), "column");
            String earlier = seen.putIfAbsent(Names.key(name), name);
            if (earlier != null) {
                throw MallardException.Data.invalidArgument("the row has both \"" + earlier + "\" and \"" + name
                        + "\": column names match case-insensitively, so keep one of them");
            }
            clean.put(name, e.getValue());
        }
        return clean;
    }

    /** A readable property of a row class. */
    private record Property(String name, Method getter, Field field) {
        Object read(Object row) {
            try {
                return getter != null ? getter.invoke(row) : field.get(row);
            } catch (InvocationTargetException e) {
                throw new MallardException("22000", "reading \"" + name + "\" of " + row.getClass().getName() + " failed: " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw MallardException.Data.invalidArgument("cannot read \"" + name + "\" of " + row.getClass().getName() + ": " + e.getMessage());
            }
        }
    }

    private static final ClassValue<List<Property>> PROPERTIES = new ClassValue<>() {
        @Override
        protected List<Property> computeValue(Class<?> type) {
            return List.copyOf(type.isRecord() ? recordProperties(type) : beanProperties(type));
        }
    };

    private static Map<String, Object> properties(Object row) {
        List<Property> properties = PROPERTIES.get(row.getClass());
        if (properties.isEmpty()) {
            throw MallardException.Data.invalidArgument("cannot read a row from " + row.getClass().getName()
                    + ": it has no record components, public getters or public fields; give a Map, a record, or JSON object text");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Property p : properties) values.put(p.name(), p.read(row));
        return values;
    }

    private static List<Property> recordProperties(Class<?> type) {
        List<Property> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Method m = c.getAccessor();
            m.setAccessible(true); // records declared inside a class are often not public
            out.add(new Property(c.getName(), m, null));
        }
        return out;
    }

    /** Fields (superclass first) that have a public getter or are public themselves. */
    private static List<Property> beanProperties(Class<?> type) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) hierarchy.add(0, c);
        List<Property> out = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
                Method getter = dev.mallard.api.scan.Getters.of(type, f);
                if (getter != null) {
                    getter.setAccessible(true);
                    out.add(new Property(f.getName(), getter, null));
                } else if (Modifier.isPublic(f.getModifiers())) {
                    f.setAccessible(true);
                    out.add(new Property(f.getName(), null, f));
                }
            }
        }
        return out;
    }
}
