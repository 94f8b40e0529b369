package dev.mallard.sql.parser;

import dev.mallard.sql.tree.Position;
import java.util.Locale;

/**
 * One lexical token: a kind and a span of the source. Kept small (no strings, no Position) because
 * a bulk INSERT can have millions of tokens; text, value, keyword and position are derived from
 * the source on demand, and the parser asks for each at most a few times.
 */
final class Token {
    private final TokenType type;
    private final int start;
    private final int end;
    private final Lexer source;
    /** Precomputed value (symbols, E'' strings, numbers with underscores, parameters) or null. */
    private String value;
    /** Upper-cased WORD text, computed on first use. */
    private String keyword;

    Token(TokenType type, int start, int end, Lexer source, String value) {
        this.type = type;
        this.start = start;
        this.end = end;
        this.source = source;
        this.value = value;
    }

    TokenType type() {
        return type;
    }

    /** The exact source text (for messages). */
    String text() {
        return source.sql().substring(start, end);
    }

    /**
     * WORD/QUOTED_IDENTIFIER: the name (quotes removed); STRING: the content with escapes resolved;
     * numbers: the digits (underscores removed); PARAMETER: the number of {@code $n}, null for
     * {@code ?}; SYMBOL: the symbol; EOF: null.
     */
    String value() {
        if (value != null) {
            return value;
        }
        String sql = source.sql();
        value = switch (type) {
            case WORD, INTEGER, DECIMAL, DOUBLE -> sql.substring(start, end);
            case QUOTED_IDENTIFIER -> unescape(sql.substring(start + 1, end - 1), "\"\"", "\"");
            case STRING -> unescape(sql.substring(start + 1, end - 1), "''", "'");
            case PARAMETER -> end - start > 1 ? sql.substring(start + 1, end) : null;
            case SYMBOL, EOF -> null;
        };
        return value;
    }

    private static String unescape(String body, String doubled, String single) {
        return body.contains(doubled) ? body.replace(doubled, single) : body;
    }

    /**
     * For WORD only: the upper-cased text, so keyword tests are one {@code equals}; null for every
     * other kind (a quoted identifier is never a keyword).
     */
    String keyword() {
        if (type != TokenType.WORD) {
            return null;
        }
        if (keyword == null) {
            keyword = source.sql().substring(start, end).toUpperCase(Locale.ROOT);
        }
        return keyword;
    }

    Position position() {
        return source.positionAt(start);
    }

    int offset() {
        return start;
    }

    /** End offset (exclusive) in the source. */
    int end() {
        return end;
    }

    boolean is(TokenType kind) {
        return type == kind;
    }

    boolean isKeyword(String upper) {
        return type == TokenType.WORD && end - start == upper.length()
                && source.sql().regionMatches(true, start, upper, 0, upper.length());
    }

    boolean isSymbol(String symbol) {
        return type == TokenType.SYMBOL && value.equals(symbol);
    }

    /** How the token is shown in "at or near" messages: its source text, shortened if long. */
    String display() {
        String text = text();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    @Override
    public String toString() {
        return type + " " + text();
    }
}
