package dev.mallard.sql.tree;

import java.util.List;

/** {@code {'name': value, ...}}: a struct value; for now only as an option of a read function ({@code columns = {'a': 'INT'}}). */
public record StructLiteral(Position position, List<Field> fields) implements Expression {
    public record Field(String name, Expression value) {}

    public StructLiteral {
        fields = List.copyOf(fields);
    }
}
