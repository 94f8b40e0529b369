package dev.mallard.planner;

import dev.mallard.MallardException;
import dev.mallard.expression.Expr.ColumnRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns visible at one point of a query: those of its FROM clause, each tagged with the
 * alias of the relation it came from. A scope's parent is the enclosing query's scope, which is
 * how correlated subqueries see outer columns.
 */
final class Scope {
    /**
     * One visible column.
     *
     * @param relation the alias or table name qualifying it (null for unnamed derived columns)
     * @param hidden   excluded from an unqualified {@code *} (both sides of a USING column)
     * @param starOnly only {@code *} sees it: the merged USING column, shown where the left one stood
     */
    record Column(String relation, String name, ColumnRef ref, boolean hidden, boolean starOnly) {
        Column(String relation, String name, ColumnRef ref, boolean hidden) {
            this(relation, name, ref, hidden, false);
        }
    }

    private final Scope parent;
    private final List<Column> columns;
    /** USING/NATURAL join columns: an unqualified name resolves to this merged column. */
    private final List<Column> merged;

    Scope(Scope parent, List<Column> columns, List<Column> merged) {
        this.parent = parent;
        this.columns = List.copyOf(columns);
        this.merged = List.copyOf(merged);
    }

    static Scope empty(Scope parent) {
        return new Scope(parent, List.of(), List.of());
    }

    Scope parent() {
        return parent;
    }

    List<Column> columns() {
        return columns;
    }

    List<Column> merged() {
        return merged;
    }

    Scope withParent(Scope newParent) {
        return new Scope(newParent, columns, merged);
    }

    /** Every column visible for suggestions in this scope and its parents, qualified or bare. */
    List<String> allNames(boolean qualified) {
        List<String> out = new ArrayList<>();
        for (Scope s = this; s != null; s = s.parent) {
            for (Column c : s.columns) {
                if (!c.starOnly) out.add(qualified && c.relation != null ? c.relation + "." + c.name : c.name);
            }
        }
        return out;
    }

    /**
     * Finds the column named by {@code qualifier.name} in this scope only (not parents).
     * Returns null when absent; throws when ambiguous.
     */
    ColumnRef findLocal(String qualifier, String name) {
        if (qualifier == null) {
            for (Column c : merged) {
                if (c.name.equalsIgnoreCase(name)) return c.ref;
            }
        }
        ColumnRef found = null;
        String foundRelation = null;
        for (Column c : columns) {
            if (c.starOnly || !c.name.equalsIgnoreCase(name)) continue;
            if (qualifier != null && (c.relation == null || !c.relation.equalsIgnoreCase(qualifier))) continue;
            if (found != null && found.id() != c.ref.id()) {
                throw MallardException.Binder.ambiguous("column reference \"" + name + "\" is ambiguous: it exists in "
                        + describe(foundRelation) + " and " + describe(c.relation)
                        + "; qualify it, e.g. " + (c.relation != null ? c.relation : foundRelation) + "." + name);
            }
            if (found == null) {
                found = c.ref;
                foundRelation = c.relation;
            }
        }
        return found;
    }

    private static String describe(String relation) {
        return relation == null ? "a subquery" : "\"" + relation + "\"";
    }

    /** True when some column is qualified by this relation name. */
    boolean hasRelation(String qualifier) {
        for (Column c : columns) {
            if (c.relation != null && c.relation.equalsIgnoreCase(qualifier)) return true;
        }
        return false;
    }

    /** Relation names (aliases) of this FROM clause. */
    java.util.Set<String> relations() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Column c : columns) if (c.relation != null) out.add(c.relation.toLowerCase(java.util.Locale.ROOT));
        return out;
    }
}
