package dev.mallard.sql.tree;

import java.util.List;

/** {@code CALL name(args)}: run a table function as a statement. */
public record Call(Position position, QualifiedName name, List<Argument> arguments) implements Statement {
    public Call {
        arguments = List.copyOf(arguments);
    }
}
