package dev.mallard.optimizer;

import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import java.util.Set;

/**
 * Decides whether a filter predicate rejects rows in which some columns are all NULL — the rows an
 * outer join invents for its null-supplying side. Above such a filter those rows never survive, so
 * the outer join may become an inner one. Conservative: "don't know" is false.
 */
final class NullRejection {
    /** Functions that may return non-NULL for NULL arguments; every other function is NULL in, NULL out. */
    private static final Set<String> NULL_TOLERANT = Set.of("is_distinct_from", "is_not_distinct_from", "coalesce",
            "ifnull", "concat", "concat_ws", "greatest", "least", "list_value", "array_length", "hash", "typeof",
            "count", "error", "row", "struct_pack");

    private NullRejection() {}

    /** True if the predicate is FALSE or NULL whenever every column in {@code columns} is NULL. */
    static boolean rejectsNulls(Expr predicate, Set<Integer> columns) {
        return switch (predicate) {
            case Expr.And a -> a.operands().stream().anyMatch(o -> rejectsNulls(o, columns));
            case Expr.Or o -> o.operands().stream().allMatch(x -> rejectsNulls(x, columns));
            case Expr.Not n -> nullWhenNull(n.operand(), columns);
            case Expr.IsNull n -> n.negated() && nullWhenNull(n.operand(), columns);
            default -> nullWhenNull(predicate, columns);
        };
    }

    /** True if the expression is NULL whenever every column in {@code columns} is NULL. */
    static boolean nullWhenNull(Expr e, Set<Integer> columns) {
        return switch (e) {
            case ColumnRef c -> columns.contains(c.id());
            case Expr.Cast c -> nullWhenNull(c.input(), columns);
            case Expr.Call c -> !NULL_TOLERANT.contains(c.function().name())
                    && c.args().stream().anyMatch(a -> nullWhenNull(a, columns));
            case Expr.Not n -> nullWhenNull(n.operand(), columns);
            case Expr.InList in -> nullWhenNull(in.value(), columns);
            // AND/OR: NULL AND FALSE is FALSE, which still rejects the row when used as a filter,
            // but is not NULL; only the filter-level test above may use that.
            default -> false;
        };
    }
}
