package dev.mallard.planner;

import dev.mallard.sql.tree.TableRef;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** Searches a syntax tree, subqueries included. */
final class AstSearch {
    private AstSearch() {}

    /** True when some FROM item in the tree names this table (unqualified). */
    static boolean mentionsTable(Object node, String name) {
        if (node == null) return false;
        if (node instanceof TableRef t) return t.name().size() == 1 && t.name().last().matches(name);
        if (node instanceof List<?> list) {
            for (Object o : list) if (mentionsTable(o, name)) return true;
            return false;
        }
        if (node instanceof Record) {
            try {
                for (RecordComponent rc : node.getClass().getRecordComponents()) {
                    Object child = rc.getAccessor().invoke(node);
                    if ((child instanceof Record || child instanceof List<?>) && mentionsTable(child, name)) return true;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }
}
