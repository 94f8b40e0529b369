package dev.mallard.planner;

import dev.mallard.catalog.CatalogReader;
import dev.mallard.sql.tree.Position;
import dev.mallard.types.Values;
import java.util.List;

/**
 * What binding one statement needs from its session: the catalog, the parameter values, the SQL
 * text (for error excerpts) and the settings that change semantics.
 */
public record BindContext(CatalogReader catalog, List<Values.Typed> parameters, String sql, boolean integerDivision,
                          NullOrder nullOrder, RecursiveCteRunner recursion, SessionTables session) {
    /** Where NULLs sort when ORDER BY does not say (the default_null_order setting). */
    public enum NullOrder {
        NULLS_LAST, NULLS_FIRST, NULLS_FIRST_ON_ASC_LAST_ON_DESC, NULLS_LAST_ON_ASC_FIRST_ON_DESC;

        boolean nullsFirst(boolean ascending) {
            return switch (this) {
                case NULLS_LAST -> false;
                case NULLS_FIRST -> true;
                case NULLS_FIRST_ON_ASC_LAST_ON_DESC -> ascending;
                case NULLS_LAST_ON_ASC_FIRST_ON_DESC -> !ascending;
            };
        }
    }

    public BindContext(CatalogReader catalog, List<Values.Typed> parameters, String sql, boolean integerDivision) {
        this(catalog, parameters, sql, integerDivision, NullOrder.NULLS_LAST, null, SessionTables.NONE);
    }

    /** Same statement and settings, other parameter values (one row of a batch). */
    public BindContext withParameters(List<Values.Typed> values) {
        return new BindContext(catalog, values, sql, integerDivision, nullOrder, recursion, session);
    }

    /** Same settings, another statement text (views are bound from their own SQL). */
    public BindContext forSql(String otherSql) {
        return new BindContext(catalog, List.of(), otherSql, integerDivision, nullOrder, recursion, session);
    }

    boolean nullsFirst(dev.mallard.sql.tree.NullOrdering nulls, boolean ascending) {
        return switch (nulls) {
            case FIRST -> true;
            case LAST -> false;
            case DEFAULT -> nullOrder.nullsFirst(ascending);
        };
    }

    /** Error text with the source line and a caret under {@code position}, when known. */
    public String at(String message, Position position) {
        if (position == null || !position.isKnown() || sql == null) return message;
        return message + " " + position.excerpt(sql);
    }
}
