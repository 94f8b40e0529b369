package dev.mallard.api.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Which rows a read, update or delete is about. Conditions are AND-ed by default; OR groups are
 * explicit:
 * <pre>{@code
 * import static dev.mallard.api.table.Op.*;
 * Filter.where("place", "Berlin").and("temperature", gt(20))        // place = ? AND temperature > ?
 * Filter.where("place", List.of("Berlin", "Köln"))                  // place IN (?, ?)
 * Filter.where("age", lt(18)).or(Filter.where("age", gte(65)))      // (age < ?) OR (age >= ?)
 * Filter.of(Map.of("place", "Berlin", "date", between(d1, d2)))    // a map of conditions, AND-ed
 * }</pre>
 * A value is equality, null is IS NULL, a collection is IN, and an {@link Op} is itself. Column names
 * match case-insensitively; an unknown one is an error naming the closest column.
 */
public sealed interface Filter {
    /** One column's condition. */
    record Condition(String column, Op op) implements Filter {
        public Condition {
            column = Names.clean(column, "column");
            java.util.Objects.requireNonNull(op, "op");
        }
    }

    /** Every filter holds; no filters: every row. */
    record All(List<Filter> filters) implements Filter {
        public All {
            filters = List.copyOf(filters);
        }
    }

    /** At least one filter holds; no filters: no row. */
    record Any(List<Filter> filters) implements Filter {
        public Any {
            filters = List.copyOf(filters);
        }
    }

    /** Every row. */
    static Filter none() {
        return new All(List.of());
    }

    static Filter where(String column, Object valueOrOp) {
        return new Condition(column, Op.from(valueOrOp));
    }

    /** The conditions of a map, AND-ed (a map value may be an {@link Op}, a collection, null or a plain value). */
    static Filter of(Map<String, ?> conditions) {
        List<Filter> all = new ArrayList<>();
        conditions.forEach((column, value) -> all.add(where(column, value)));
        return new All(all);
    }

    static Filter allOf(Filter... filters) {
        return new All(Arrays.asList(filters));
    }

    static Filter anyOf(Filter... filters) {
        return new Any(Arrays.asList(filters));
    }

    default Filter and(String column, Object valueOrOp) {
        return and(where(column, valueOrOp));
    }

    default Filter and(Filter other) {
        List<Filter> all = new ArrayList<>(this instanceof All a ? a.filters() : List.of(this));
        all.add(other);
        return new All(all);
    }

    default Filter or(String column, Object valueOrOp) {
        return or(where(column, valueOrOp));
    }

    default Filter or(Filter other) {
        List<Filter> any = new ArrayList<>(this instanceof Any a ? a.filters() : List.of(this));
        any.add(other);
        return new Any(any);
    }
}
