package dev.mallard.sql.tree;

import java.util.List;

/**
 * A call {@code name(args)}, possibly an aggregate or window function.
 * SQL special forms are desugared into ordinary calls by the parser:
 * {@code SUBSTRING(x FROM a FOR b)} → {@code substring(x, a, b)},
 * {@code POSITION(a IN b)} → {@code strpos(b, a)},
 * {@code TRIM([BOTH|LEADING|TRAILING] [chars] FROM x)} → {@code trim|ltrim|rtrim(x [, chars])},
 * {@code OVERLAY(x PLACING y FROM a [FOR b])} → {@code overlay(x, y, a [, b])}.
 * {@code a ^@ b} → {@code starts_with(a, b)},
 * {@code x[a:b]} → {@code array_slice(x, a, b)} (a missing lower bound is 1, a missing upper
 * bound is 9223372036854775807, i.e. "to the end").
 * COALESCE, NULLIF, GREATEST, LEAST, LEFT, RIGHT, ... are plain calls.
 *
 * @param star          true for {@code count(*)} (arguments then empty)
 * @param distinct      {@code f(DISTINCT x)}
 * @param orderBy       {@code f(x ORDER BY y)} (empty if none)
 * @param filter        {@code FILTER (WHERE cond)}, null if none
 * @param ignoreNulls   {@code IGNORE NULLS} (after the arguments or inside them)
 * @param over          the window for window calls, null otherwise
 */
public record FunctionCall(Position position, QualifiedName name, List<Expression> arguments, boolean star,
                           boolean distinct, List<SortItem> orderBy, Expression filter, boolean ignoreNulls,
                           WindowSpec over) implements Expression {
    public FunctionCall {
        arguments = List.copyOf(arguments);
        orderBy = List.copyOf(orderBy);
    }

    /** A plain call {@code name(args)}. */
    public static FunctionCall of(Position position, String name, List<Expression> arguments) {
        return new FunctionCall(position, QualifiedName.of(new Identifier(position, name, false)), arguments,
                false, false, List.of(), null, false, null);
    }
}
