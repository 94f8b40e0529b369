package dev.mallard.sql.tree;

public enum BinaryOperator {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    /** DuckDB {@code //}: integer division. */
    INTEGER_DIVIDE("//"),
    MODULO("%"),
    /** {@code ^} and {@code **}; left-associative as in PostgreSQL. */
    POWER("^"),
    CONCAT("||"),
    BITWISE_AND("&"),
    BITWISE_OR("|"),
    /** PostgreSQL {@code #}. */
    BITWISE_XOR("#"),
    SHIFT_LEFT("<<"),
    SHIFT_RIGHT(">>");

    private final String symbol;

    BinaryOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
