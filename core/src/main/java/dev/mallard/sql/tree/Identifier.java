package dev.mallard.sql.tree;

/**
 * A name as written. Unquoted names keep their original spelling ({@code quoted == false}); the
 * binder compares names case-insensitively (DuckDB semantics). Quoted names ({@code "My Col"})
 * have the quotes removed and {@code ""} unescaped.
 */
public record Identifier(Position position, String value, boolean quoted) implements Node {

    public Identifier {
        java.util.Objects.requireNonNull(value, "value");
    }

    /** Convenience for synthesized names. */
    public static Identifier of(String value) {
        return new Identifier(Position.UNKNOWN, value, false);
    }

    public boolean matches(String other) {
        return value.equalsIgnoreCase(other);
    }

    @Override
    public String toString() {
        return value;
    }
}
