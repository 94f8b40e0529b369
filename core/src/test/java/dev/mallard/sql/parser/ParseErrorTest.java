package dev.mallard.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import org.junit.jupiter.api.Test;

/** Parse errors name the problem and the token, and show line, column and a caret. */
class ParseErrorTest {

    private static String error(String sql) {
        try {
            SqlParser.parse(sql);
        } catch (MallardException.Parse e) {
            assertThat(e.sqlState()).isEqualTo("42601");
            return e.getMessage();
        }
        throw new AssertionError("expected a parse error for: " + sql);
    }

    @Test
    void misspeltKeywordTakenAsAliasIsBlamed() {
        assertThat(error("SELECT a FORM t")).isEqualTo("""
                syntax error at or near "FORM" (line 1, column 10)
                SELECT a FORM t
                         ^
                hint: did you mean FROM?""");
        assertThat(error("SELECT * FROM t\nWHER x = 1")).startsWith("""
                syntax error at or near "WHER" (line 2, column 1)
                WHER x = 1
                ^""");
    }

    @Test
    void misspeltStatementKeyword() {
        assertThat(error("SELEC 1")).isEqualTo("""
                syntax error at or near "SELEC", expected a statement (line 1, column 1)
                SELEC 1
                ^
                hint: did you mean SELECT?""");
    }

    @Test
    void missingClosingParenthesis() {
        assertThat(error("SELECT (a + b FROM t")).isEqualTo("""
                syntax error at or near "FROM", expected ")" (line 1, column 15)
                SELECT (a + b FROM t
                              ^""");
        assertThat(error("INSERT INTO t VALUES (1")).startsWith("syntax error at end of input, expected \")\"");
        assertThat(error("SELECT a FROM (SELECT 1")).startsWith("syntax error at end of input, expected \")\"");
    }

    @Test
    void unexpectedEndOfInput() {
        assertThat(error("SELECT a FROM t WHERE")).isEqualTo("""
                syntax error at end of input, expected an expression (line 1, column 22)
                SELECT a FROM t WHERE
                                     ^""");
        assertThat(error("SELECT 1 +")).startsWith("syntax error at end of input, expected an expression");
    }

    @Test
    void errorOnALaterLineShowsThatLine() {
        assertThat(error("SELECT a,\n\tb FROM t WHERE c = = 1")).isEqualTo("""
                syntax error at or near "=", expected an expression (line 2, column 21)
                \tb FROM t WHERE c = = 1
                \t                   ^""");
    }

    @Test
    void errorInALaterStatement() {
        assertThat(error("SELECT 1; SELEC 2")).startsWith("""
                syntax error at or near "SELEC", expected a statement (line 1, column 11)""");
    }

    @Test
    void specificExpectations() {
        assertThat(error("SELECT * FROM t JOIN u")).startsWith("syntax error at end of input, expected ON or USING");
        assertThat(error("SELECT CAST(a AS) FROM t")).startsWith("syntax error at or near \")\", expected a type name");
        assertThat(error("SELECT a FROM t GROUP a")).startsWith("syntax error at or near \"a\", expected BY");
        assertThat(error("SELECT INTERVAL 3")).startsWith("syntax error at end of input, expected an interval unit");
        assertThat(error("CREATE TABLE t (a INT,)")).startsWith("syntax error at or near \")\", expected a name");
        assertThat(error("DROP FUNCTION f")).startsWith("syntax error at or near \"FUNCTION\", expected TABLE, VIEW, SCHEMA or INDEX");
        assertThat(error("SELECT CASE END")).startsWith("syntax error at or near \"END\", expected an expression");
        assertThat(error("SELECT CASE a END")).startsWith("syntax error at or near \"END\", expected WHEN");
        assertThat(error("SELECT x IS 5")).startsWith("syntax error at or near \"5\", expected NULL, TRUE, FALSE or DISTINCT FROM");
        assertThat(error("SELECT x = ANY (1, 2)")).startsWith("syntax error at or near \"1\", expected a subquery after ANY");
        assertThat(error("SELECT EXISTS (1)")).startsWith("syntax error at or near \"1\", expected a subquery after EXISTS");
        assertThat(error("SELECT * FROM t SEMI JOIN u ON true")).startsWith("SEMI JOIN is not supported");
        assertThat(error("SELECT CAST(a AS DECIMAL(x))")).startsWith("syntax error at or near \"x\", expected an integer type parameter");
    }

    @Test
    void reservedWordsNeedQuotingAsNames() {
        assertThat(error("SELECT select FROM t")).startsWith("syntax error at or near \"select\", expected an expression");
        assertThat(error("CREATE TABLE t (order INT)")).startsWith("syntax error at or near \"order\", expected a name");
        assertThat(error("SELECT * FROM t WHERE")).contains("at end of input");
    }

    @Test
    void trailingGarbageAfterAStatement() {
        assertThat(error("SELECT 1 2")).isEqualTo("""
                syntax error at or near "2" (line 1, column 10)
                SELECT 1 2
                         ^""");
        assertThat(error("SELECT 1)")).startsWith("syntax error at or near \")\" (line 1, column 9)");
    }

    @Test
    void lexicalErrorsUseTheSameFormat() {
        assertThat(error("SELECT 'abc")).startsWith("unterminated quoted string at or near \"'abc\" (line 1, column 8)\n");
        assertThat(error("SELECT /* x")).startsWith("unterminated /* comment (line 1, column 8)\n");
        assertThat(error("SELECT a @ b")).startsWith("unexpected character \"@\" (line 1, column 10)\n");
        assertThat(error("SELECT $x")).contains("parameters are written ? or $1");
        assertThat(error("SELECT $0")).startsWith("invalid parameter number $0");
    }

    @Test
    void longTokensAreShortenedInMessages() {
        String longName = "x".repeat(100);
        assertThat(error("SELECT (1 " + longName + ")"))
                .startsWith("syntax error at or near \"" + "x".repeat(37) + "...\", expected \")\"");
    }

    @Test
    void parseExpressionRejectsTrailingTokens() {
        assertThatThrownBy(() -> SqlParser.parseExpression("a + b c"))
                .isInstanceOf(MallardException.Parse.class)
                .hasMessageStartingWith("syntax error at or near \"c\"");
    }

    @Test
    void absurdNestingIsAParseErrorNotACrash() {
        String deep = "(".repeat(200_000) + "1" + ")".repeat(200_000);
        assertThatThrownBy(() -> SqlParser.parseExpression(deep))
                .isInstanceOf(MallardException.Parse.class)
                .hasMessageStartingWith("syntax error: nesting is deeper than 1000 levels (line 1, column 1001)");
        String deepQuery = "SELECT " + "(SELECT ".repeat(2_000) + "1" + ")".repeat(2_000);
        assertThatThrownBy(() -> SqlParser.parse(deepQuery))
                .isInstanceOf(MallardException.Parse.class)
                .hasMessageContaining("nesting is deeper than 1000 levels");
    }

    @Test
    void nestingUpToTheLimitParsesEvenOnASmallStack() throws Exception {
        String deep = "(".repeat(900) + "1" + ")".repeat(900);
        Object[] result = new Object[1];
        Thread small = new Thread(null, () -> result[0] = SqlParser.parseExpression(deep), "small", 256 * 1024);
        small.start();
        small.join();
        assertThat(result[0]).isNotNull();
    }
}
