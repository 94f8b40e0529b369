package dev.mallard.planner;

import dev.mallard.sql.tree.TableRef;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** Searches a syntax tree, subqueries included. */
final class AstSearch {
    private AstSearch() {}

    /** True when some FROM item in the tree names this table (unqualified). */
    static boolean mentionsTable(Object node, String name) {
        return countTableMentions(node, name) > 0;
    }

    /** How many FROM items in the tree name this table (unqualified). */
    static int countTableMentions(Object node, String name) {
        if (node == null) return 0;
        if (node instanceof TableRef t) return t.name().size() == 1 && t.name().last().matches(name) ? 1 : 0;
        int n = 0;
        if (node instanceof List<?> list) {
            for (Object o : list) n += countTableMentions(o, name);
        } else if (node instanceof Record) {
            try {
                for (RecordComponent rc : node.getClass().getRecordComponents()) {
                    Object child = rc.getAccessor().invoke(node);
                    if (child instanceof Record || child instanceof List<?>) n += countTableMentions(child, name);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return n;
    }
}
