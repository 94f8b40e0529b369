package dev.mallard.sql.tree;

/** {@code !=} parses as NOT_EQUAL. */
public enum ComparisonOperator {
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS_THAN("<"),
    LESS_THAN_OR_EQUAL("<="),
    GREATER_THAN(">"),
    GREATER_THAN_OR_EQUAL(">="),
    IS_DISTINCT_FROM("IS DISTINCT FROM"),
    IS_NOT_DISTINCT_FROM("IS NOT DISTINCT FROM");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** The operator with operands swapped: {@code a < b} ⇔ {@code b > a}. */
    public ComparisonOperator flip() {
        return switch (this) {
            case LESS_THAN -> GREATER_THAN;
            case LESS_THAN_OR_EQUAL -> GREATER_THAN_OR_EQUAL;
            case GREATER_THAN -> LESS_THAN;
            case GREATER_THAN_OR_EQUAL -> LESS_THAN_OR_EQUAL;
            default -> this;
        };
    }

    /** The logical negation: {@code NOT (a < b)} ⇔ {@code a >= b} (ignoring NULLs). */
    public ComparisonOperator negate() {
        return switch (this) {
            case EQUAL -> NOT_EQUAL;
            case NOT_EQUAL -> EQUAL;
            case LESS_THAN -> GREATER_THAN_OR_EQUAL;
            case LESS_THAN_OR_EQUAL -> GREATER_THAN;
            case GREATER_THAN -> LESS_THAN_OR_EQUAL;
            case GREATER_THAN_OR_EQUAL -> LESS_THAN;
            case IS_DISTINCT_FROM -> IS_NOT_DISTINCT_FROM;
            case IS_NOT_DISTINCT_FROM -> IS_DISTINCT_FROM;
        };
    }
}
