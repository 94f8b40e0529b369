package dev.mallard.api.scan;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * How a POJO exposes a field: its public no-argument getter ({@code getX()}, or {@code isX()} for
 * a boolean). One rule for Java-object scans and for the lazy table API's rows, so a class reads
 * the same as a table row and as a query's data.
 */
public final class Getters {
    private Getters() {}

    /** The public getter of field {@code f} in {@code type}, or null. */
    public static Method of(Class<?> type, Field f) {
        String suffix = Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
        for (String name : f.getType() == boolean.class ? List.of("is" + suffix, "get" + suffix) : List.of("get" + suffix)) {
            try {
                Method m = type.getMethod(name);
                if (!Modifier.isStatic(m.getModifiers()) && m.getReturnType() != void.class) return m;
            } catch (NoSuchMethodException e) {
                // try the next spelling
            }
        }
        return null;
    }
}
