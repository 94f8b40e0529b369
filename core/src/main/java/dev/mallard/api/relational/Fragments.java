package dev.mallard.api.relational;

import dev.mallard.MallardException;
import dev.mallard.sql.parser.SqlParser;
import dev.mallard.sql.tree.Expression;
import dev.mallard.sql.tree.SelectItem;
import dev.mallard.sql.tree.SortItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The SQL fragments a relation's steps take ({@code "fare > 10"}, {@code "vendor, avg(fare)"}),
 * parsed by the real parser when the step is made. A fragment must be exactly one piece of the
 * kind asked for: text after it ({@code "1 = 1) OR (2"}, {@code "a; DROP TABLE t"}) is a syntax
 * error, so a fragment can never change the shape of the query around it. The relation's SQL is
 * printed from the parsed trees, never pasted from the text. Errors name the step they come from.
 */
public final class Fragments {
    private Fragments() {}

    /** One expression: a filter, a join condition. */
    public static Expression expression(String step, String text) {
        return parse(step, text, SqlParser::parseExpression);
    }

    /** Select items, each text a comma-separated list of them ({@code "vendor", "fare * 2 AS double_fare"}). */
    public static List<SelectItem> selectItems(String step, String... texts) {
        return each(step, texts, SqlParser::parseSelectList);
    }

    /** Sort keys ({@code "fare DESC", "vendor NULLS FIRST"}). */
    public static List<SortItem> sortKeys(String step, String... texts) {
        return each(step, texts, SqlParser::parseSortItems);
    }

    /** Comma-separated expressions: GROUP BY keys, join columns. */
    public static List<Expression> expressions(String step, String text) {
        return parse(step, text, SqlParser::parseExpressionList);
    }

    private static <T> List<T> each(String step, String[] texts, Function<String, List<T>> parser) {
        if (texts == null || texts.length == 0) throw MallardException.Data.invalidArgument(step + " needs at least one expression");
        List<T> all = new ArrayList<>();
        for (String text : texts) all.addAll(parse(step, text, parser));
        return all;
    }

    private static <T> T parse(String step, String text, Function<String, T> parser) {
        if (text == null || text.isBlank()) {
            throw MallardException.Data.invalidArgument(step + " needs SQL text, not " + (text == null ? "null" : "an empty string"));
        }
        try {
            return parser.apply(text);
        } catch (MallardException.Parse e) {
            throw new MallardException.Parse(step + ": " + e.getMessage());
        }
    }
}
