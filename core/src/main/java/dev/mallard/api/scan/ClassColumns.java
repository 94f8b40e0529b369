package dev.mallard.api.scan;

import dev.mallard.MallardException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns of a row class, found once per class and cached:
 * <ul>
 *   <li>a <b>record</b>: one column per component, in order, read through its accessor;</li>
 *   <li>any other class (a <b>POJO</b>): one column per non-static field that has a public getter
 *       ({@code getX()}, or {@code isX()} for a boolean) or is public itself, in declaration order,
 *       superclass fields first. Fields with neither are private state and are left out.</li>
 * </ul>
 * Column names are the Java names (SQL matches them case-insensitively). A component or field of
 * a type without a mapping ({@link JavaTypeMapping}) is an error naming the class, the field and
 * the type: skipping it would turn a query that names it into a puzzling "no such column".
 */
final class ClassColumns {
    private ClassColumns() {}

    private static final ClassValue<List<JavaColumn>> CACHE = new ClassValue<>() {
        @Override
        protected List<JavaColumn> computeValue(Class<?> type) {
            return List.copyOf(type.isRecord() ? recordColumns(type) : beanColumns(type));
        }
    };

    /** The columns of {@code type} (DECIMAL columns with a placeholder type until sampled). */
    static List<JavaColumn> of(Class<?> type) {
        if (type.isArray() || type.isPrimitive() || JavaTypeMapping.of(type) != null || type.isInterface()) {
            throw MallardException.Data.invalidArgument("cannot read " + type.getName() + " as a row: rows are records, "
                    + "classes with getters or public fields, or Maps");
        }
        return CACHE.get(type);
    }

    private static List<JavaColumn> recordColumns(Class<?> type) {
        List<JavaColumn> columns = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            JavaTypeMapping.Mapping m = mapping(type, c.getName(), c.getType());
            columns.add(new JavaColumn(c.getName(), m.type(), Accessors.of(type, c.getAccessor(), m.writer(), c.getName())));
        }
        return columns;
    }

    private static List<JavaColumn> beanColumns(Class<?> type) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) hierarchy.add(0, c);
        List<JavaColumn> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || !seen.add(f.getName().toLowerCase(Locale.ROOT))) continue;
                Method getter = Getters.of(type, f);
                boolean publicField = Modifier.isPublic(f.getModifiers());
                if (getter == null && !publicField) continue;
                JavaTypeMapping.Mapping m = mapping(type, f.getName(), getter != null ? getter.getReturnType() : f.getType());
                columns.add(new JavaColumn(f.getName(), m.type(), getter != null ? Accessors.of(type, getter, m.writer(), f.getName())
                        : Accessors.of(type, f, m.writer(), f.getName())));
            }
        }
        if (columns.isEmpty()) {
            throw MallardException.Data.invalidArgument("class " + type.getName() + " has no readable properties: rows need public "
                    + "getters (getX/isX) or public fields, or use a record");
        }
        return columns;
    }

    private static JavaTypeMapping.Mapping mapping(Class<?> owner, String field, Class<?> type) {
        JavaTypeMapping.Mapping m = JavaTypeMapping.of(type);
        if (m == null) {
            throw MallardException.Data.invalidArgument("cannot map field \"" + field + "\" of " + owner.getName() + ": its type "
                    + type.getName() + " has no SQL type (supported: " + JavaTypeMapping.SUPPORTED + "); convert it first, e.g. "
                    + "register list.stream().map(r -> new Row(...)).toList()");
        }
        return m;
    }
}
