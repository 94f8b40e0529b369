package dev.mallard.sql.tree;

import java.util.List;

/**
 * A type as written, kept generic: the binder maps names to logical types. {@code name} is upper
 * case; multi-word spellings are collapsed by the parser ({@code DOUBLE PRECISION} → {@code DOUBLE},
 * {@code CHARACTER VARYING} → {@code VARCHAR}, {@code TIMESTAMP WITHOUT TIME ZONE} →
 * {@code TIMESTAMP}, {@code TIMESTAMP WITH TIME ZONE} → {@code TIMESTAMPTZ},
 * {@code TIME WITH TIME ZONE} → {@code TIMETZ}, {@code CHARACTER} → {@code CHAR}). Single-word
 * aliases (INT4, FLOAT8, STRING, BOOL, ...) are left for the binder.
 * {@code parameters} holds the numbers in parentheses, e.g. {@code DECIMAL(18,3)} → [18, 3].
 * {@code arrayDepth} counts trailing {@code []} (0 for scalars).
 */
public record TypeName(Position position, String name, List<Integer> parameters, int arrayDepth) implements Node {

    public TypeName {
        parameters = List.copyOf(parameters);
    }

    public static TypeName of(String name, Integer... parameters) {
        return new TypeName(Position.UNKNOWN, name, List.of(parameters), 0);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name);
        if (!parameters.isEmpty()) {
            out.append('(');
            for (int i = 0; i < parameters.size(); i++) {
                if (i > 0) out.append(", ");
                out.append(parameters.get(i));
            }
            out.append(')');
        }
        out.append("[]".repeat(arrayDepth));
        return out.toString();
    }
}
