package dev.mallard.planner;

import dev.mallard.sql.tree.Identifier;
import dev.mallard.sql.tree.Position;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Structural equality of syntax trees ignoring source positions, so {@code GROUP BY a + 1} matches
 * {@code SELECT a + 1}. Identifiers compare case-insensitively unless quoted, as names do.
 */
final class AstEquality {
    private AstEquality() {}

    static boolean equal(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof Position && b instanceof Position) return true;
        if (a instanceof Identifier x && b instanceof Identifier y) {
            return x.quoted() || y.quoted() ? x.value().equals(y.value()) : x.value().equalsIgnoreCase(y.value());
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) return false;
            }
            return true;
        }
        if (a.getClass() != b.getClass()) return false;
        if (a instanceof Record) {
            try {
                for (RecordComponent rc : a.getClass().getRecordComponents()) {
                    if (!equal(rc.getAccessor().invoke(a), rc.getAccessor().invoke(b))) return false;
                }
                return true;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return a.equals(b);
    }
}
