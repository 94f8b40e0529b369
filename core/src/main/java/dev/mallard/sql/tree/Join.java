package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code left [NATURAL] type JOIN right [ON cond | USING (cols)]}. Comma-separated FROM items
 * become CROSS joins. Exactly one of the criteria applies:
 * <ul>
 *   <li>{@code on} non-null for {@code ON expr};</li>
 *   <li>{@code using} non-empty for {@code USING (cols)};</li>
 *   <li>{@code natural} true for NATURAL joins;</li>
 *   <li>none of them for CROSS joins.</li>
 * </ul>
 */
public record Join(Position position, JoinType type, Relation left, Relation right, Expression on,
                   List<Identifier> using, boolean natural) implements Relation {
    public Join {
        using = List.copyOf(using);
    }
}
