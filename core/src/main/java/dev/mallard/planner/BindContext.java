package dev.mallard.planner;

import dev.mallard.catalog.Catalog;
import dev.mallard.sql.tree.Position;
import dev.mallard.types.Values;
import java.util.List;

/**
 * What binding one statement needs from its session: the catalog, the parameter values, the SQL
 * text (for error excerpts) and the settings that change semantics.
 */
public record BindContext(Catalog catalog, List<Values.Typed> parameters, String sql, boolean integerDivision) {
    /** Error text with the source line and a caret under {@code position}, when known. */
    public String at(String message, Position position) {
        if (position == null || !position.isKnown() || sql == null) return message;
        return message + " " + position.excerpt(sql);
    }
}
