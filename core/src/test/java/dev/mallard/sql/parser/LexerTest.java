package dev.mallard.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<Token> lex(String sql) {
        return Lexer.tokenize(sql);
    }

    private static List<TokenType> types(String sql) {
        return lex(sql).stream().map(Token::type).toList();
    }

    @Test
    void wordsKeepSpellingAndCarryUpperCaseKeyword() {
        Token t = lex("SeLeCt").get(0);
        assertThat(t.type()).isEqualTo(TokenType.WORD);
        assertThat(t.value()).isEqualTo("SeLeCt");
        assertThat(t.keyword()).isEqualTo("SELECT");
    }

    @Test
    void quotedIdentifiersUnescapeDoubledQuotesAndAreNeverKeywords() {
        Token t = lex("\"My \"\"odd\"\" Col\"").get(0);
        assertThat(t.type()).isEqualTo(TokenType.QUOTED_IDENTIFIER);
        assertThat(t.value()).isEqualTo("My \"odd\" Col");
        assertThat(lex("\"select\"").get(0).keyword()).isNull();
    }

    @Test
    void stringsUnescapeDoubledQuotes() {
        assertThat(lex("'it''s'").get(0).value()).isEqualTo("it's");
        assertThat(lex("''").get(0).value()).isEmpty();
    }

    @Test
    void escapeStringsResolveBackslashes() {
        assertThat(lex("E'a\\nb\\t\\\\\\'c'").get(0).value()).isEqualTo("a\nb\t\\'c");
        assertThat(lex("e'\\x41\\u00e9\\101'").get(0).value()).isEqualTo("Aé" + "A");
        assertThat(lex("E'it''s'").get(0).value()).isEqualTo("it's");
    }

    @Test
    void plainStringsKeepBackslashes() {
        assertThat(lex("'a\\nb'").get(0).value()).isEqualTo("a\\nb");
    }

    @Test
    void numbers() {
        assertThat(types("1 1.5 .5 1. 1e10 2.5E-3 1e+2")).containsExactly(TokenType.INTEGER, TokenType.DECIMAL,
                TokenType.DECIMAL, TokenType.DECIMAL, TokenType.DOUBLE, TokenType.DOUBLE, TokenType.DOUBLE,
                TokenType.EOF);
        assertThat(lex("123456789012345678901234567890").get(0).value()).isEqualTo("123456789012345678901234567890");
    }

    @Test
    void numbersMayUseUnderscoresBetweenDigits() {
        Token t = lex("1_000_000").get(0);
        assertThat(t.type()).isEqualTo(TokenType.INTEGER);
        assertThat(t.value()).isEqualTo("1000000");
        assertThat(t.text()).isEqualTo("1_000_000");
    }

    @Test
    void dotAfterNameIsMemberAccessNotNumber() {
        assertThat(types("t.a")).containsExactly(TokenType.WORD, TokenType.SYMBOL, TokenType.WORD, TokenType.EOF);
    }

    @Test
    void commentsAreSkippedAndBlockCommentsNest() {
        assertThat(types("a -- comment\n/* x /* nested */ y */ b")).containsExactly(TokenType.WORD, TokenType.WORD,
                TokenType.EOF);
    }

    @Test
    void operatorsUseLongestMatch() {
        List<String> symbols = lex("<= >= <> != == :: := => || ** // << >> ~~* !~~ !~~* ^@ ~~")
                .stream().filter(t -> t.type() == TokenType.SYMBOL).map(Token::text).toList();
        assertThat(symbols).containsExactly("<=", ">=", "<>", "!=", "==", "::", ":=", "=>", "||", "**", "//", "<<",
                ">>", "~~*", "!~~", "!~~*", "^@", "~~");
    }

    @Test
    void parameters() {
        List<Token> tokens = lex("? $12");
        assertThat(tokens.get(0).type()).isEqualTo(TokenType.PARAMETER);
        assertThat(tokens.get(0).value()).isNull();
        assertThat(tokens.get(1).value()).isEqualTo("12");
    }

    @Test
    void positionsAreOneBasedLinesAndColumns() {
        List<Token> tokens = lex("SELECT\n  a,\r\n\tb");
        assertThat(tokens.get(1).position().line()).isEqualTo(2);
        assertThat(tokens.get(1).position().column()).isEqualTo(3);
        assertThat(tokens.get(3).position().line()).isEqualTo(3);
        assertThat(tokens.get(3).position().column()).isEqualTo(2);
        assertThat(tokens.get(3).position().offset()).isEqualTo(14);
    }

    @Test
    void unicodeIdentifiers() {
        assertThat(lex("straße").get(0).value()).isEqualTo("straße");
    }

    @Test
    void unterminatedStringIsReported() {
        assertThatThrownBy(() -> lex("SELECT 'abc"))
                .isInstanceOf(MallardException.Parse.class)
                .hasMessage("unterminated quoted string at or near \"'abc\" (line 1, column 8)\nSELECT 'abc\n       ^");
    }

    @Test
    void unterminatedQuotedIdentifierIsReported() {
        assertThatThrownBy(() -> lex("SELECT \"abc"))
                .hasMessageStartingWith("unterminated quoted identifier at or near \"\"abc\" (line 1, column 8)");
    }

    @Test
    void unterminatedCommentIsReported() {
        assertThatThrownBy(() -> lex("SELECT 1 /* never closed"))
                .hasMessageStartingWith("unterminated /* comment (line 1, column 10)");
        assertThatThrownBy(() -> lex("/* a /* b */"))
                .hasMessageStartingWith("unterminated /* comment (line 1, column 1)");
    }

    @Test
    void unknownCharacterIsReported() {
        assertThatThrownBy(() -> lex("SELECT a @ b"))
                .isInstanceOf(MallardException.Parse.class)
                .hasMessage("unexpected character \"@\" (line 1, column 10)\nSELECT a @ b\n         ^");
    }

    @Test
    void trailingJunkAfterNumberIsReported() {
        assertThatThrownBy(() -> lex("SELECT 12abc"))
                .hasMessageStartingWith("trailing junk after numeric literal at or near \"12abc\"");
    }

    @Test
    void emptyQuotedIdentifierIsReported() {
        assertThatThrownBy(() -> lex("\"\"")).hasMessageStartingWith("zero-length quoted identifier");
    }

    @Test
    void badEscapeIsReported() {
        assertThatThrownBy(() -> lex("E'\\xZZ'")).hasMessageStartingWith("invalid escape sequence in string");
    }

    @Test
    void lexingIsLinearOnLargeInput() {
        String big = "SELECT " + "a + 1, ".repeat(200_000) + "1";
        long start = System.nanoTime();
        List<Token> tokens = lex(big);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(tokens).hasSize(200_000 * 4 + 3);
        assertThat(millis).isLessThan(5_000);
    }
}
