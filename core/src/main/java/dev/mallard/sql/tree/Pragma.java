package dev.mallard.sql.tree;

import java.util.List;

/**
 * {@code PRAGMA name}, {@code PRAGMA name = value} ({@code assignment} true, one argument) or
 * {@code PRAGMA name(args)}. Bare word values arrive as StringLiterals of their spelling.
 */
public record Pragma(Position position, Identifier name, List<Expression> arguments, boolean assignment)
        implements Statement {
    public Pragma {
        arguments = List.copyOf(arguments);
    }
}
