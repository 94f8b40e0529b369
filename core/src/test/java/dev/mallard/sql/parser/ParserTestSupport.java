package dev.mallard.sql.parser;

import dev.mallard.sql.tree.Expression;
import dev.mallard.sql.tree.SqlFormatter;
import dev.mallard.sql.tree.Statement;

/**
 * Helpers shared by the parser tests. Most tests compare the fully parenthesized
 * {@link SqlFormatter} output, which shows the parsed structure in one readable string.
 */
final class ParserTestSupport {
    private ParserTestSupport() {
    }

    /** Parses one statement and formats it back. */
    static String sql(String text) {
        return SqlFormatter.format(SqlParser.parseOne(text));
    }

    /** Parses one expression and formats it back. */
    static String expr(String text) {
        return SqlFormatter.format(SqlParser.parseExpression(text));
    }

    @SuppressWarnings("unchecked")
    static <T extends Statement> T statement(String text, Class<T> type) {
        Statement s = SqlParser.parseOne(text);
        if (!type.isInstance(s)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + s);
        }
        return (T) s;
    }

    @SuppressWarnings("unchecked")
    static <T extends Expression> T expression(String text, Class<T> type) {
        Expression e = SqlParser.parseExpression(text);
        if (!type.isInstance(e)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + e);
        }
        return (T) e;
    }
}
