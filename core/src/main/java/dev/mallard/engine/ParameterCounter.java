package dev.mallard.engine;

import dev.mallard.sql.tree.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** Counts the parameters of a statement: the highest {@code $n} (each {@code ?} is numbered by the parser). */
final class ParameterCounter {
    private ParameterCounter() {}

    static int count(Object node) {
        if (node == null) return 0;
        if (node instanceof Parameter p) return p.index();
        int max = 0;
        if (node instanceof List<?> list) {
            for (Object o : list) max = Math.max(max, count(o));
            return max;
        }
        if (node instanceof Record) {
            try {
                for (RecordComponent rc : node.getClass().getRecordComponents()) {
                    Object child = rc.getAccessor().invoke(node);
                    if (child instanceof Record || child instanceof List<?>) max = Math.max(max, count(child));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return max;
    }
}
