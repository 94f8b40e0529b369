package dev.mallard.sql.parser;

import dev.mallard.sql.tree.Position;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-written SQL lexer over the char array: one pass, no regular expressions, linear in the
 * input. Produces the whole token list up front (ending in EOF) so the parser can look ahead freely.
 *
 * <p>Dialect: PostgreSQL/DuckDB. {@code --} and nested {@code /* * /} comments; {@code '...'}
 * strings with {@code ''}; {@code E'...'} strings with backslash escapes; {@code "..."}
 * identifiers with {@code ""}; numbers {@code 1}, {@code 1.5}, {@code .5}, {@code 1.},
 * {@code 1e10}; parameters {@code ?} and {@code $1}.
 */
final class Lexer {
    private final String sql;
    /** The source as chars while tokenizing; dropped afterwards (tokens keep only offsets). */
    private char[] chars;
    private final int length;
    /** Offsets at which each line starts, for offset → (line, column). */
    private int[] lineStarts;
    private int lineCount;
    private int pos;

    Lexer(String sql) {
        this.sql = sql;
        this.chars = sql.toCharArray();
        this.length = chars.length;
        indexLines();
    }

    static List<Token> tokenize(String sql) {
        return new Lexer(sql).tokens();
    }

    String sql() {
        return sql;
    }

    private void indexLines() {
        lineStarts = new int[16];
        lineStarts[0] = 0;
        lineCount = 1;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            // \r\n is one line break; a lone \r counts too.
            if (c == '\n' || (c == '\r' && (i + 1 >= length || chars[i + 1] != '\n'))) {
                if (lineCount == lineStarts.length) {
                    lineStarts = Arrays.copyOf(lineStarts, lineCount * 2);
                }
                lineStarts[lineCount++] = i + 1;
            }
        }
    }

    Position positionAt(int offset) {
        int lo = 0;
        int hi = lineCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Position(offset, lo + 1, offset - lineStarts[lo] + 1);
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>(Math.max(16, length / 4));
        while (true) {
            skipWhitespaceAndComments();
            if (pos >= length) {
                out.add(new Token(TokenType.EOF, length, length, this, null));
                chars = null;
                return out;
            }
            out.add(next(out.isEmpty() ? null : out.get(out.size() - 1)));
        }
    }

    private void skipWhitespaceAndComments() {
        while (pos < length) {
            char c = chars[pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && pos + 1 < length && chars[pos + 1] == '-') {
                while (pos < length && chars[pos] != '\n' && chars[pos] != '\r') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < length && chars[pos + 1] == '*') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    /** Block comments nest, as in PostgreSQL: {@code /* a /* b * / c * /} is one comment. */
    private void skipBlockComment() {
        int start = pos;
        int depth = 0;
        while (pos < length) {
            if (chars[pos] == '/' && pos + 1 < length && chars[pos + 1] == '*') {
                depth++;
                pos += 2;
            } else if (chars[pos] == '*' && pos + 1 < length && chars[pos + 1] == '/') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        throw ParseErrors.at(sql, positionAt(start), "unterminated /* comment");
    }

    private Token next(Token previous) {
        int start = pos;
        char c = chars[pos];
        if ((c == 'e' || c == 'E') && pos + 1 < length && chars[pos + 1] == '\'') {
            pos++;
            return string(start, true);
        }
        if (isIdentifierStart(c)) {
            return word(start);
        }
        if (c == '"') {
            return quotedIdentifier(start);
        }
        if (c == '\'') {
            return string(start, false);
        }
        if (isDigit(c) || (c == '.' && pos + 1 < length && isDigit(chars[pos + 1]) && !endsName(previous))) {
            return number(start);
        }
        if (c == '?') {
            pos++;
            return new Token(TokenType.PARAMETER, start, pos, this, null);
        }
        if (c == '$') {
            pos++;
            if (pos < length && isDigit(chars[pos])) {
                while (pos < length && isDigit(chars[pos])) {
                    pos++;
                }
                return new Token(TokenType.PARAMETER, start, pos, this, sql.substring(start + 1, pos));
            }
            throw ParseErrors.at(sql, positionAt(start), "syntax error at or near \"$\"",
                    "parameters are written ? or $1, $2, ...");
        }
        String symbol = symbol(c);
        if (symbol == null) {
            String shown = Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
            throw ParseErrors.at(sql, positionAt(start), "unexpected character \"" + shown + "\"");
        }
        pos += symbol.length();
        return new Token(TokenType.SYMBOL, start, pos, this, symbol);
    }

    /** A '.' right after a name or ')' is a member access ({@code t.5} is odd but not a number). */
    private static boolean endsName(Token previous) {
        return previous != null && (previous.is(TokenType.WORD) || previous.is(TokenType.QUOTED_IDENTIFIER)
                || previous.isSymbol(")") || previous.isSymbol("]"));
    }

    private Token word(int start) {
        pos++;
        while (pos < length && isIdentifierPart(chars[pos])) {
            pos++;
        }
        return new Token(TokenType.WORD, start, pos, this, null);
    }

    private Token quotedIdentifier(int start) {
        pos++;
        while (true) {
            if (pos >= length) {
                throw ParseErrors.at(sql, positionAt(start), "unterminated quoted identifier at or near "
                        + quote(sql.substring(start, Math.min(length, start + 20))));
            }
            if (chars[pos++] == '"') {
                if (pos < length && chars[pos] == '"') {
                    pos++;
                } else {
                    break;
                }
            }
        }
        if (pos - start == 2) {
            throw ParseErrors.at(sql, positionAt(start), "zero-length quoted identifier");
        }
        return new Token(TokenType.QUOTED_IDENTIFIER, start, pos, this, null);
    }

    /**
     * {@code pos} is at the opening quote; {@code start} includes an E prefix if any. Plain strings
     * only need their end found (the token unescapes '' lazily); E strings are decoded here.
     */
    private Token string(int start, boolean escapes) {
        pos++;
        StringBuilder value = escapes ? new StringBuilder() : null;
        while (true) {
            if (pos >= length) {
                throw ParseErrors.at(sql, positionAt(start), "unterminated quoted string at or near "
                        + quote(sql.substring(start, Math.min(length, start + 20))));
            }
            char c = chars[pos++];
            if (c == '\'') {
                if (pos < length && chars[pos] == '\'') {
                    if (escapes) {
                        value.append('\'');
                    }
                    pos++;
                } else {
                    break;
                }
            } else if (escapes) {
                if (c == '\\') {
                    escape(value);
                } else {
                    value.append(c);
                }
            }
        }
        return new Token(TokenType.STRING, start, pos, this, escapes ? value.toString() : null);
    }

    /** One backslash escape in an E'' string; {@code pos} is just after the backslash. */
    private void escape(StringBuilder value) {
        if (pos >= length) {
            return; // the unterminated-string error follows
        }
        int escapeStart = pos - 1;
        char c = chars[pos++];
        switch (c) {
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'x' -> value.append((char) hexDigits(escapeStart, 1, 2));
            case 'u' -> value.appendCodePoint(hexDigits(escapeStart, 4, 4));
            case 'U' -> {
                int cp = hexDigits(escapeStart, 8, 8);
                if (!Character.isValidCodePoint(cp)) {
                    throw ParseErrors.at(sql, positionAt(escapeStart), "invalid Unicode escape value");
                }
                value.appendCodePoint(cp);
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    int code = c - '0';
                    for (int i = 0; i < 2 && pos < length && chars[pos] >= '0' && chars[pos] <= '7'; i++) {
                        code = code * 8 + (chars[pos++] - '0');
                    }
                    value.append((char) code);
                } else {
                    value.append(c); // \\ \' and any other char stand for themselves
                }
            }
        }
    }

    private int hexDigits(int escapeStart, int min, int max) {
        int code = 0;
        int count = 0;
        while (count < max && pos < length && Character.digit(chars[pos], 16) >= 0) {
            code = code * 16 + Character.digit(chars[pos++], 16);
            count++;
        }
        if (count < min) {
            throw ParseErrors.at(sql, positionAt(escapeStart), "invalid escape sequence in string");
        }
        return code;
    }

    private Token number(int start) {
        TokenType type = TokenType.INTEGER;
        boolean underscores = digits();
        if (pos < length && chars[pos] == '.' && !(pos + 1 < length && chars[pos + 1] == '.')) {
            type = TokenType.DECIMAL;
            pos++;
            underscores |= digits();
        }
        if (pos < length && (chars[pos] == 'e' || chars[pos] == 'E')) {
            int p = pos + 1;
            if (p < length && (chars[p] == '+' || chars[p] == '-')) {
                p++;
            }
            if (p < length && isDigit(chars[p])) {
                type = TokenType.DOUBLE;
                pos = p;
                while (pos < length && isDigit(chars[pos])) {
                    pos++;
                }
            }
        }
        if (pos < length && isIdentifierPart(chars[pos])) {
            int junkEnd = pos;
            while (junkEnd < length && isIdentifierPart(chars[junkEnd])) {
                junkEnd++;
            }
            throw ParseErrors.at(sql, positionAt(start), "trailing junk after numeric literal at or near "
                    + quote(sql.substring(start, junkEnd)));
        }
        return new Token(type, start, pos, this, underscores ? sql.substring(start, pos).replace("_", "") : null);
    }

    /** Digits, allowing DuckDB's single underscores between digits (1_000_000); true if any were seen. */
    private boolean digits() {
        boolean underscores = false;
        while (pos < length) {
            if (isDigit(chars[pos])) {
                pos++;
            } else if (chars[pos] == '_' && pos > 0 && isDigit(chars[pos - 1]) && pos + 1 < length
                    && isDigit(chars[pos + 1])) {
                pos++;
                underscores = true;
            } else {
                break;
            }
        }
        return underscores;
    }

    /** Longest operator or punctuation starting at {@code pos}, or null. */
    private String symbol(char c) {
        char n = pos + 1 < length ? chars[pos + 1] : '\0';
        char n2 = pos + 2 < length ? chars[pos + 2] : '\0';
        char n3 = pos + 3 < length ? chars[pos + 3] : '\0';
        return switch (c) {
            case '(', ')', ',', ';', '.', '[', ']', '{', '}', '+', '-', '%', '&', '#' -> String.valueOf(c);
            case '^' -> n == '@' ? "^@" : "^";
            case '*' -> n == '*' ? "**" : "*";
            case '/' -> n == '/' ? "//" : "/";
            case ':' -> n == ':' ? "::" : n == '=' ? ":=" : ":";
            case '=' -> n == '>' ? "=>" : n == '=' ? "==" : "=";
            case '<' -> n == '=' ? "<=" : n == '>' ? "<>" : n == '<' ? "<<" : "<";
            case '>' -> n == '=' ? ">=" : n == '>' ? ">>" : ">";
            case '|' -> n == '|' ? "||" : "|";
            case '~' -> n == '~' ? (n2 == '*' ? "~~*" : "~~") : "~";
            case '!' -> n == '=' ? "!=" : (n == '~' && n2 == '~') ? (n3 == '*' ? "!~~*" : "!~~") : null;
            default -> null;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }
        return Character.isLetter(c) || Character.isSurrogate(c)
                || (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c));
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
