package dev.mallard.sql.parser;

import dev.mallard.MallardException;
import dev.mallard.sql.tree.Identifier;
import dev.mallard.sql.tree.Position;
import dev.mallard.sql.tree.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * The token list plus a cursor, and the small helpers every parser layer uses: look ahead, match,
 * expect, names, and error reporting. The parser is split into layers by subclassing
 * (cursor → expressions → queries → statements) so each file stays about one concern while
 * sharing one cursor.
 */
abstract class TokenCursor {
    protected final String sql;
    protected final List<Token> tokens;
    protected int index;
    /** Number of {@code ?} parameters seen in the current statement. */
    protected int parameterCount;
    /** Deepest nesting of expressions, subqueries and parenthesized joins accepted. */
    static final int MAX_DEPTH = 1000;
    private int depth;

    /** The last word taken as an alias without AS; errors right after it may really be its fault. */
    private Token lastImplicitAlias;

    /**
     * For each token index, the index of the first token at or after it that is not {@code (}, so
     * looking past a run of parentheses is O(1) and deeply nested input stays linear.
     */
    private final int[] pastParentheses;

    TokenCursor(String sql) {
        this.sql = sql;
        this.tokens = Lexer.tokenize(sql);
        this.pastParentheses = new int[tokens.size()];
        for (int i = tokens.size() - 1; i >= 0; i--) {
            pastParentheses[i] = tokens.get(i).isSymbol("(") ? pastParentheses[i + 1] : i;
        }
    }

    /** The first token at or after {@code ahead} that is not an opening parenthesis. */
    final Token pastParentheses(int ahead) {
        return tokens.get(pastParentheses[Math.min(index + ahead, tokens.size() - 1)]);
    }

    // ---- looking

    final Token peek() {
        return tokens.get(index);
    }

    final Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    final Token previous() {
        return tokens.get(index - 1);
    }

    final Token advance() {
        Token t = tokens.get(index);
        if (t.type() != TokenType.EOF) {
            index++;
        }
        return t;
    }

    final boolean atKeyword(String upper) {
        return peek().isKeyword(upper);
    }

    final boolean atKeyword(int ahead, String upper) {
        return peek(ahead).isKeyword(upper);
    }

    final boolean atAnyKeyword(String... uppers) {
        String keyword = peek().keyword();
        if (keyword == null) {
            return false;
        }
        for (String upper : uppers) {
            if (upper.equals(keyword)) {
                return true;
            }
        }
        return false;
    }

    final boolean atSymbol(String symbol) {
        return peek().isSymbol(symbol);
    }

    final boolean atSymbol(int ahead, String symbol) {
        return peek(ahead).isSymbol(symbol);
    }

    final boolean atEnd() {
        return peek().type() == TokenType.EOF;
    }

    /** At {@code ;} or end of input. */
    final boolean atStatementEnd() {
        return atEnd() || atSymbol(";");
    }

    final boolean atStatementEnd(int ahead) {
        return peek(ahead).type() == TokenType.EOF || atSymbol(ahead, ";");
    }

    /** A name (quoted, or an unquoted word that is not reserved) at {@code ahead}. */
    final boolean atName(int ahead) {
        Token t = peek(ahead);
        return t.type() == TokenType.QUOTED_IDENTIFIER || (t.type() == TokenType.WORD && !Keywords.isReserved(t));
    }

    // ---- consuming

    final boolean matchKeyword(String upper) {
        if (atKeyword(upper)) {
            index++;
            return true;
        }
        return false;
    }

    final boolean matchSymbol(String symbol) {
        if (atSymbol(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    final Token expectKeyword(String upper) {
        if (!atKeyword(upper)) {
            throw error(peek(), upper);
        }
        return advance();
    }

    final Token expectSymbol(String symbol) {
        if (!atSymbol(symbol)) {
            throw error(peek(), "\"" + symbol + "\"");
        }
        return advance();
    }

    /** {@code IF NOT EXISTS}, if present. */
    final boolean matchIfNotExists() {
        if (atKeyword("IF") && atKeyword(1, "NOT") && atKeyword(2, "EXISTS")) {
            index += 3;
            return true;
        }
        return false;
    }

    /** {@code IF EXISTS}, if present. */
    final boolean matchIfExists() {
        if (atKeyword("IF") && atKeyword(1, "EXISTS")) {
            index += 2;
            return true;
        }
        return false;
    }

    // ---- names

    /** A quoted identifier or an unreserved word. */
    final Identifier identifier() {
        if (!atName(0)) {
            throw error(peek(), "a name");
        }
        return toIdentifier(advance());
    }

    /** Any word or quoted identifier, reserved or not (after AS, after a dot, option names). */
    final Identifier anyIdentifier() {
        Token t = peek();
        if (t.type() != TokenType.WORD && t.type() != TokenType.QUOTED_IDENTIFIER) {
            throw error(t, "a name");
        }
        return toIdentifier(advance());
    }

    static Identifier toIdentifier(Token t) {
        return new Identifier(t.position(), t.value(), t.type() == TokenType.QUOTED_IDENTIFIER);
    }

    /** {@code a}, {@code a.b}, {@code a.b.c}: first part unreserved, later parts anything. */
    final QualifiedName qualifiedName() {
        List<Identifier> parts = new ArrayList<>(3);
        parts.add(identifier());
        while (atSymbol(".") && (peek(1).is(TokenType.WORD) || peek(1).is(TokenType.QUOTED_IDENTIFIER))) {
            index++;
            parts.add(anyIdentifier());
        }
        return new QualifiedName(parts);
    }

    /** {@code (a, b, c)}. */
    final List<Identifier> parenthesizedIdentifiers() {
        expectSymbol("(");
        List<Identifier> names = new ArrayList<>();
        do {
            names.add(identifier());
        } while (matchSymbol(","));
        expectSymbol(")");
        return names;
    }

    final void noteImplicitAlias(Token aliasToken) {
        lastImplicitAlias = aliasToken;
    }

    // ---- nesting

    /**
     * Called on entry to each recursive construct; paired with {@link #leave()} in a finally. A
     * clear error at the offending token beats a StackOverflowError for generated monster SQL.
     */
    final void enter() {
        if (++depth > MAX_DEPTH) {
            depth = 0; // the error unwinds everything; do not trip again while reporting
            throw ParseErrors.at(sql, peek().position(),
                    "syntax error: nesting is deeper than " + MAX_DEPTH + " levels");
        }
    }

    final void leave() {
        if (depth > 0) {
            depth--;
        }
    }

    // ---- errors

    /**
     * A syntax error at {@code token}; {@code expected} (may be null) names what would have been
     * valid there. When the word just before the bad token was taken as an implicit alias but
     * looks like a misspelt keyword ({@code SELECT a FORM t}), the error points at that word.
     */
    final MallardException.Parse error(Token token, String expected) {
        if (index > 0 && previous() == lastImplicitAlias && token == peek()) {
            String suggestion = Keywords.suggest(lastImplicitAlias.keyword());
            if (suggestion != null) {
                return ParseErrors.at(sql, lastImplicitAlias.position(),
                        "syntax error at or near \"" + lastImplicitAlias.display() + "\"",
                        "did you mean " + suggestion + "?");
            }
        }
        StringBuilder message = new StringBuilder();
        if (token.type() == TokenType.EOF) {
            message.append("syntax error at end of input");
        } else {
            message.append("syntax error at or near \"").append(token.display()).append('"');
        }
        if (expected != null) {
            message.append(", expected ").append(expected);
        }
        String suggestion = token.type() == TokenType.WORD ? Keywords.suggest(token.keyword()) : null;
        return ParseErrors.at(sql, token.position(), message.toString(),
                suggestion == null ? null : "did you mean " + suggestion + "?");
    }

    /** An error with a specific message at a position (not "syntax error at or near"). */
    final MallardException.Parse errorAt(Position position, String message) {
        return ParseErrors.at(sql, position, message);
    }
}
