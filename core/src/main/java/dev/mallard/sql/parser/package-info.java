/**
 * The SQL parser: {@link dev.mallard.sql.parser.SqlParser} is the only public class.
 *
 * <p>Pipeline: {@code Lexer} (one pass over the char array, no regex) produces a list of small
 * {@code Token}s; a recursive-descent parser layered by subclassing consumes them:
 * {@code TokenCursor} (lookahead, expect, names, error messages) → {@code ExpressionParser}
 * (precedence climbing, one method per PostgreSQL precedence level) → {@code QueryParser}
 * (WITH, set operations, SELECT, FROM, GROUP BY, ORDER BY, LIMIT) → {@code StatementParser}
 * (DML, DDL, utility statements). {@code Keywords} says which words are reserved; everything else
 * stays usable as a name.
 *
 * <p>Errors: every problem is a {@link dev.mallard.MallardException.Parse} built by
 * {@code ParseErrors}: message naming the token, {@code (line L, column C)}, the source line and a
 * caret, plus an optional "did you mean" hint for misspelt keywords.
 *
 * <p>The only backtracking is for a parenthesis that may open either a subquery or an expression
 * or join ({@code ((SELECT 1) + 1)}); nesting is capped at 1000 levels, so parsing stays linear.
 */
package dev.mallard.sql.parser;
