package dev.mallard.sql.parser;

import dev.mallard.MallardException;
import dev.mallard.sql.tree.Expression;
import dev.mallard.sql.tree.SelectItem;
import dev.mallard.sql.tree.SortItem;
import dev.mallard.sql.tree.Statement;
import java.util.List;

/**
 * Entry points of the SQL parser (PostgreSQL/DuckDB dialect). Parsing is a hand-written lexer plus
 * recursive descent, linear in the input. Every syntax error is a {@link MallardException.Parse}
 * whose message names the problem and the token, with line, column, the source line and a caret:
 * <pre>
 * syntax error at or near "FORM" (line 1, column 10)
 * SELECT a FORM t
 *          ^
 * </pre>
 */
public final class SqlParser {
    private SqlParser() {
    }

    /** All statements in {@code sql}, separated by {@code ;} (empty statements are skipped). */
    public static List<Statement> parse(String sql) {
        return withEnoughStack(() -> List.copyOf(new StatementParser(sql).statements()));
    }

    /** A statement with its own source text (without the separating {@code ;}). */
    public record Sourced(Statement statement, String text) {}

    /** All statements in {@code sql}, each with its source text. */
    public static List<Sourced> parseScript(String sql) {
        return withEnoughStack(() -> {
            List<String> texts = new java.util.ArrayList<>();
            List<Statement> statements = new StatementParser(sql).statements(texts);
            List<Sourced> out = new java.util.ArrayList<>(statements.size());
            for (int i = 0; i < statements.size(); i++) out.add(new Sourced(statements.get(i), texts.get(i)));
            return out;
        });
    }

    /** Exactly one statement (a trailing {@code ;} is fine). */
    public static Statement parseOne(String sql) {
        List<Statement> statements = parse(sql);
        if (statements.size() != 1) {
            throw new MallardException.Parse(statements.isEmpty()
                    ? "syntax error: empty statement"
                    : "expected one statement but found " + statements.size());
        }
        return statements.get(0);
    }

    /** A single scalar expression, e.g. a DEFAULT value or a filter from the lazy API. */
    public static Expression parseExpression(String sql) {
        return withEnoughStack(() -> new StatementParser(sql).standaloneExpression());
    }

    /** A select list on its own ({@code vendor, count(*) AS trips, *}): the relational API's project and aggregate. */
    public static List<SelectItem> parseSelectList(String sql) {
        return withEnoughStack(() -> List.copyOf(new StatementParser(sql).standaloneSelectList()));
    }

    /** Sort keys on their own ({@code fare DESC, vendor NULLS FIRST}): the relational API's orderBy. */
    public static List<SortItem> parseSortItems(String sql) {
        return withEnoughStack(() -> List.copyOf(new StatementParser(sql).standaloneSortItems()));
    }

    /** Comma-separated expressions on their own: the relational API's groups and join columns. */
    public static List<Expression> parseExpressionList(String sql) {
        return withEnoughStack(() -> List.copyOf(new StatementParser(sql).standaloneExpressionList()));
    }

    /** Stack for the retry thread: ample for {@link TokenCursor#MAX_DEPTH} levels even when interpreted. */
    private static final long DEEP_STACK_BYTES = 256L << 20;

    /**
     * Recursive descent uses the Java stack, and the caller's thread may have little of it (a
     * small -Xss, a virtual thread, interpreted frames before JIT). Nesting is capped at
     * {@link TokenCursor#MAX_DEPTH}; if the caller's stack runs out below that, the parse is
     * retried once on a helper thread with a large stack. The common case pays nothing.
     */
    private static <T> T withEnoughStack(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (StackOverflowError shallowStack) {
            Object[] result = new Object[1];
            RuntimeException[] failure = new RuntimeException[1];
            Thread helper = new Thread(null, () -> {
                try {
                    result[0] = parse.get();
                } catch (RuntimeException e) {
                    failure[0] = e;
                } catch (StackOverflowError e) {
                    failure[0] = new MallardException.Parse("syntax error: statement is nested too deeply");
                }
            }, "mallard-deep-parse", DEEP_STACK_BYTES);
            helper.start();
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MallardException.Interrupted("interrupted while parsing");
            }
            if (failure[0] != null) {
                throw failure[0];
            }
            @SuppressWarnings("unchecked")
            T value = (T) result[0];
            return value;
        }
    }
}
