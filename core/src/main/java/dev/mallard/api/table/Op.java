package dev.mallard.api.table;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What a {@link Filter} condition asks of one column. Build them with the static methods
 * ({@code import static dev.mallard.api.table.Op.*}): {@code gt(30)}, {@code in("Berlin", "Köln")},
 * {@code startsWith("Ber")}, {@code isNull()} ... Values are always sent as bind parameters.
 */
public sealed interface Op {
    /** {@code column <op> value}. */
    record Compare(Comparison comparison, Object value) implements Op {}

    /** {@code column [NOT] LIKE|ILIKE pattern} ({@code %} any text, {@code _} one character, backslash escapes them). */
    record Like(boolean caseInsensitive, String pattern, boolean negated) implements Op {
        public Like {
            java.util.Objects.requireNonNull(pattern, "a LIKE pattern must not be null; use isNull() to find NULLs");
        }
    }

    /** {@code column BETWEEN low AND high} (both ends included). */
    record Between(Object low, Object high) implements Op {}

    /** {@code column [NOT] IN (values)}; an empty list matches nothing ({@code NOT IN}: everything). */
    record In(List<Object> values, boolean negated) implements Op {
        public In {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    /** {@code column IS [NOT] NULL}. */
    record IsNull(boolean negated) implements Op {}

    enum Comparison {
        EQ("="), NE("<>"), GT(">"), GTE(">="), LT("<"), LTE("<=");

        final String sql;

        Comparison(String sql) {
            this.sql = sql;
        }
    }

    static Op eq(Object value) {
        return value == null ? isNull() : new Compare(Comparison.EQ, value);
    }

    /** Not equal; like SQL, rows where the column is NULL do not match. */
    static Op ne(Object value) {
        return value == null ? notNull() : new Compare(Comparison.NE, value);
    }

    static Op gt(Object value) {
        return new Compare(Comparison.GT, required(value, "gt"));
    }

    static Op gte(Object value) {
        return new Compare(Comparison.GTE, required(value, "gte"));
    }

    static Op lt(Object value) {
        return new Compare(Comparison.LT, required(value, "lt"));
    }

    static Op lte(Object value) {
        return new Compare(Comparison.LTE, required(value, "lte"));
    }

    static Op like(String pattern) {
        return new Like(false, pattern, false);
    }

    static Op ilike(String pattern) {
        return new Like(true, pattern, false);
    }

    static Op notLike(String pattern) {
        return new Like(false, pattern, true);
    }

    /** Text that starts with {@code prefix} taken literally ({@code %} and {@code _} in it match themselves). */
    static Op startsWith(String prefix) {
        return like(escape(prefix) + "%");
    }

    /** Text that ends with {@code suffix} taken literally. */
    static Op endsWith(String suffix) {
        return like("%" + escape(suffix));
    }

    static Op between(Object low, Object high) {
        return new Between(required(low, "between"), required(high, "between"));
    }

    static Op in(Object... values) {
        return new In(Arrays.asList(values), false);
    }

    static Op in(Collection<?> values) {
        return new In(new java.util.ArrayList<Object>(values), false);
    }

    static Op notIn(Object... values) {
        return new In(Arrays.asList(values), true);
    }

    static Op notIn(Collection<?> values) {
        return new In(new java.util.ArrayList<Object>(values), true);
    }

    static Op isNull() {
        return new IsNull(false);
    }

    static Op notNull() {
        return new IsNull(true);
    }

    /**
     * A plain filter value as a condition: an Op stays itself, null means IS NULL, a collection or
     * an object array means IN, anything else equality.
     */
    static Op from(Object value) {
        return switch (value) {
            case null -> isNull();
            case Op op -> op;
            case Collection<?> c -> in(c);
            case Object[] a -> in(a);
            default -> eq(value);
        };
    }

    private static Object required(Object value, String op) {
        if (value == null) {
            throw dev.mallard.MallardException.Data.invalidArgument(op + "(null) matches no row (a comparison with NULL is unknown);"
                    + " use isNull() or notNull() to test for NULL");
        }
        return value;
    }

    private static String escape(String text) {
        java.util.Objects.requireNonNull(text, "startsWith/endsWith need text");
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
