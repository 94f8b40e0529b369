package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code name type [constraint ...]} in CREATE TABLE and ALTER TABLE ADD COLUMN. {@code type} is
 * null only in the column-name list of CREATE TABLE ... AS. Constraints are kept in written order.
 */
public record ColumnDefinition(Position position, Identifier name, TypeName type,
                               List<ColumnConstraint> constraints) implements Node {
    public ColumnDefinition {
        constraints = List.copyOf(constraints);
    }
}
