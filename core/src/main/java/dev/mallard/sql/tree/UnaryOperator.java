package dev.mallard.sql.tree;

public enum UnaryOperator {
    PLUS("+"), MINUS("-"), BITWISE_NOT("~");

    private final String symbol;

    UnaryOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
