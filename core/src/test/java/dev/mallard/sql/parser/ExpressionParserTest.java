package dev.mallard.sql.parser;

import static dev.mallard.sql.parser.ParserTestSupport.expr;
import static dev.mallard.sql.parser.ParserTestSupport.expression;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.sql.tree.Between;
import dev.mallard.sql.tree.BinaryOperation;
import dev.mallard.sql.tree.BinaryOperator;
import dev.mallard.sql.tree.Cast;
import dev.mallard.sql.tree.ColumnRef;
import dev.mallard.sql.tree.Comparison;
import dev.mallard.sql.tree.ComparisonOperator;
import dev.mallard.sql.tree.DecimalLiteral;
import dev.mallard.sql.tree.DoubleLiteral;
import dev.mallard.sql.tree.Extract;
import dev.mallard.sql.tree.FrameBoundType;
import dev.mallard.sql.tree.FrameExclusion;
import dev.mallard.sql.tree.FrameUnit;
import dev.mallard.sql.tree.FunctionCall;
import dev.mallard.sql.tree.InList;
import dev.mallard.sql.tree.IntegerLiteral;
import dev.mallard.sql.tree.IntervalExpression;
import dev.mallard.sql.tree.Like;
import dev.mallard.sql.tree.LikeKind;
import dev.mallard.sql.tree.Logical;
import dev.mallard.sql.tree.LogicalOperator;
import dev.mallard.sql.tree.NullOrdering;
import dev.mallard.sql.tree.Parameter;
import dev.mallard.sql.tree.Position;
import dev.mallard.sql.tree.RowConstructor;
import dev.mallard.sql.tree.SortDirection;
import dev.mallard.sql.tree.StringLiteral;
import dev.mallard.sql.tree.TypeName;
import dev.mallard.sql.tree.TypedLiteral;
import dev.mallard.sql.tree.WindowFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {

    // ---------------------------------------------------------------- literals

    @Test
    void integerLiteralsKeepTheirText() {
        assertThat(expression("123456789012345678901234567890", IntegerLiteral.class).text())
                .isEqualTo("123456789012345678901234567890");
    }

    @Test
    void minusIsFoldedIntoNumericLiterals() {
        assertThat(expression("-9223372036854775808", IntegerLiteral.class).text()).isEqualTo("-9223372036854775808");
        assertThat(expression("-1.5", DecimalLiteral.class).text()).isEqualTo("-1.5");
        assertThat(expression("- 1e3", DoubleLiteral.class).text()).isEqualTo("-1e3");
        assertThat(expression("+7", IntegerLiteral.class).text()).isEqualTo("7");
        assertThat(expr("- -1")).isEqualTo("(- -1)");
        assertThat(expr("-a")).isEqualTo("(-a)");
    }

    @Test
    void decimalForms() {
        assertThat(expression(".5", DecimalLiteral.class).text()).isEqualTo(".5");
        assertThat(expression("1.", DecimalLiteral.class).text()).isEqualTo("1.");
        assertThat(expression("1e10", DoubleLiteral.class).value()).isEqualTo(1e10);
    }

    @Test
    void stringBooleanAndNullLiterals() {
        assertThat(expression("'it''s'", StringLiteral.class).value()).isEqualTo("it's");
        assertThat(expr("TRUE AND false OR NULL")).isEqualTo("((TRUE AND FALSE) OR NULL)");
    }

    @Test
    void typedLiterals() {
        TypedLiteral d = expression("DATE '1995-01-01'", TypedLiteral.class);
        assertThat(d.type().name()).isEqualTo("DATE");
        assertThat(d.value()).isEqualTo("1995-01-01");
        assertThat(expr("timestamp '2020-01-01 10:00:00'")).isEqualTo("TIMESTAMP '2020-01-01 10:00:00'");
    }

    @Test
    void intervalForms() {
        IntervalExpression a = expression("INTERVAL '3' MONTH", IntervalExpression.class);
        assertThat(a.value()).isInstanceOf(StringLiteral.class);
        assertThat(a.unit()).isEqualTo("month");
        IntervalExpression b = expression("INTERVAL '1 year 2 months'", IntervalExpression.class);
        assertThat(b.unit()).isNull();
        IntervalExpression c = expression("INTERVAL 3 DAYS", IntervalExpression.class);
        assertThat(((IntegerLiteral) c.value()).text()).isEqualTo("3");
        assertThat(c.unit()).isEqualTo("day");
        IntervalExpression d = expression("INTERVAL (x + 1) day", IntervalExpression.class);
        assertThat(d.value()).isInstanceOf(BinaryOperation.class);
        IntervalExpression e = expression("INTERVAL '1-2' YEAR TO MONTH", IntervalExpression.class);
        assertThat(e.unit()).isEqualTo("year");
        assertThat(e.toUnit()).isEqualTo("month");
        assertThat(expr("d - INTERVAL '90' DAY")).isEqualTo("(d - INTERVAL '90' DAY)");
    }

    @Test
    void intervalIsStillUsableAsAColumnName() {
        assertThat(expression("interval", ColumnRef.class).name().toString()).isEqualTo("interval");
    }

    @Test
    void parametersAreNumberedInOrder() {
        Comparison c = expression("? = ?", Comparison.class);
        assertThat(((Parameter) c.left()).index()).isEqualTo(1);
        assertThat(((Parameter) c.right()).index()).isEqualTo(2);
        assertThat(expression("$3", Parameter.class).index()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- precedence

    @Test
    void arithmeticPrecedence() {
        assertThat(expr("1 + 2 * 3 - 4 / 5 % 6")).isEqualTo("((1 + (2 * 3)) - ((4 / 5) % 6))");
        assertThat(expr("a // b")).isEqualTo("(a // b)");
    }

    @Test
    void powerBindsTighterThanMultiplicationAndIsLeftAssociative() {
        assertThat(expr("2 * 3 ^ 2")).isEqualTo("(2 * (3 ^ 2))");
        assertThat(expr("2 ^ 3 ^ 2")).isEqualTo("((2 ^ 3) ^ 2)");
        assertThat(expr("2 ** 3")).isEqualTo("(2 ^ 3)");
    }

    @Test
    void unaryMinusBindsTighterThanPowerAsInPostgres() {
        assertThat(expr("-x ^ 2")).isEqualTo("((-x) ^ 2)");
    }

    @Test
    void castBindsTighterThanUnaryMinus() {
        assertThat(expr("-x::int")).isEqualTo("(-CAST(x AS INT))");
        assertThat(expr("a + b::text")).isEqualTo("(a + CAST(b AS TEXT))");
        assertThat(expr("'1'::int::varchar")).isEqualTo("CAST(CAST('1' AS INT) AS VARCHAR)");
    }

    @Test
    void concatenationBindsLooserThanAdditionAndTighterThanComparison() {
        assertThat(expr("a || b + c")).isEqualTo("(a || (b + c))");
        assertThat(expr("a || b = c")).isEqualTo("((a || b) = c)");
    }

    @Test
    void comparisonsAndLogic() {
        assertThat(expr("a = 1 AND b < 2 OR NOT c >= 3"))
                .isEqualTo("(((a = 1) AND (b < 2)) OR (NOT (c >= 3)))");
        assertThat(expr("a <> b AND a != b AND a == b AND a <= b AND a > b"))
                .isEqualTo("((a <> b) AND (a <> b) AND (a = b) AND (a <= b) AND (a > b))");
    }

    @Test
    void logicalChainsAreFlattened() {
        Logical l = expression("a AND b AND c AND d", Logical.class);
        assertThat(l.operator()).isEqualTo(LogicalOperator.AND);
        assertThat(l.terms()).hasSize(4);
        assertThat(expression("a OR b OR c", Logical.class).terms()).hasSize(3);
    }

    @Test
    void notBindsLooserThanComparison() {
        assertThat(expr("NOT a = b")).isEqualTo("(NOT (a = b))");
        assertThat(expr("NOT NOT a")).isEqualTo("(NOT (NOT a))");
    }

    @Test
    void isTests() {
        assertThat(expr("a IS NULL")).isEqualTo("(a IS NULL)");
        assertThat(expr("a IS NOT NULL")).isEqualTo("(a IS NOT NULL)");
        assertThat(expr("a ISNULL")).isEqualTo("(a IS NULL)");
        assertThat(expr("a NOTNULL")).isEqualTo("(a IS NOT NULL)");
        assertThat(expr("a IS TRUE")).isEqualTo("(a IS TRUE)");
        assertThat(expr("a IS NOT FALSE")).isEqualTo("(a IS NOT FALSE)");
        assertThat(expr("a IS UNKNOWN")).isEqualTo("(a IS NULL)");
        assertThat(expr("a = b IS NULL")).isEqualTo("((a = b) IS NULL)");
        assertThat(expr("NOT a IS NULL")).isEqualTo("(NOT (a IS NULL))");
    }

    @Test
    void isDistinctFrom() {
        Comparison c = expression("a IS DISTINCT FROM b", Comparison.class);
        assertThat(c.operator()).isEqualTo(ComparisonOperator.IS_DISTINCT_FROM);
        assertThat(expression("a IS NOT DISTINCT FROM b + 1", Comparison.class).operator())
                .isEqualTo(ComparisonOperator.IS_NOT_DISTINCT_FROM);
        assertThat(expr("a IS NOT DISTINCT FROM b + 1")).isEqualTo("(a IS NOT DISTINCT FROM (b + 1))");
    }

    @Test
    void betweenBindsTighterThanComparisonAndItsAndIsNotLogical() {
        assertThat(expr("a BETWEEN 1 AND 2 AND b")).isEqualTo("((a BETWEEN 1 AND 2) AND b)");
        assertThat(expr("a NOT BETWEEN x + 1 AND y * 2")).isEqualTo("(a NOT BETWEEN (x + 1) AND (y * 2))");
        Between b = expression("a BETWEEN SYMMETRIC 2 AND 1", Between.class);
        assertThat(b.symmetric()).isTrue();
        assertThat(expr("x = a BETWEEN 1 AND 2")).isEqualTo("(x = (a BETWEEN 1 AND 2))");
    }

    @Test
    void inLists() {
        InList in = expression("a IN (1, 2, 3)", InList.class);
        assertThat(in.list()).hasSize(3);
        assertThat(in.negated()).isFalse();
        assertThat(expr("a NOT IN ('x')")).isEqualTo("(a NOT IN ('x'))");
        assertThat(expr("a IN ((SELECT 1), 2)")).isEqualTo("(a IN ((SELECT 1), 2))");
    }

    @Test
    void likeFamily() {
        Like like = expression("name NOT ILIKE 'a%' ESCAPE '!'", Like.class);
        assertThat(like.kind()).isEqualTo(LikeKind.ILIKE);
        assertThat(like.negated()).isTrue();
        assertThat(like.escape()).isInstanceOf(StringLiteral.class);
        assertThat(expression("a SIMILAR TO 'x'", Like.class).kind()).isEqualTo(LikeKind.SIMILAR_TO);
        assertThat(expression("a NOT GLOB '*.csv'", Like.class).kind()).isEqualTo(LikeKind.GLOB);
        assertThat(expr("a ~~ 'x' AND b !~~* 'y'")).isEqualTo("((a LIKE 'x') AND (b NOT ILIKE 'y'))");
        assertThat(expr("a || 'x' LIKE b")).isEqualTo("((a || 'x') LIKE b)");
    }

    @Test
    void bitwiseOperators() {
        assertThat(expr("a & b | c # d << 1 >> 2")).isEqualTo("(((((a & b) | c) # d) << 1) >> 2)");
        assertThat(expr("~a")).isEqualTo("(~a)");
    }

    @Test
    void startsWithOperatorBecomesAFunction() {
        assertThat(expr("s ^@ 'h'")).isEqualTo("starts_with(s, 'h')");
    }

    // ---------------------------------------------------------------- names and calls

    @Test
    void columnReferencesWithUpToFourParts() {
        assertThat(expression("c", ColumnRef.class).name().size()).isEqualTo(1);
        assertThat(expression("s.t.c", ColumnRef.class).name().size()).isEqualTo(3);
        assertThat(expression("db.s.t.c", ColumnRef.class).name().size()).isEqualTo(4);
        assertThat(expr("\"Weird Name\".\"x\"\"y\"")).isEqualTo("\"Weird Name\".\"x\"\"y\"");
    }

    @Test
    void unreservedKeywordsAreUsableAsColumnNames() {
        for (String name : List.of("year", "date", "name", "value", "type", "key", "count", "first", "last", "filter",
                "left", "right", "timestamp", "time", "month", "day", "text", "position", "over", "rows", "range")) {
            assertThat(expression(name, ColumnRef.class).name().last().value()).isEqualTo(name);
        }
        assertThat(expr("t.from")).isEqualTo("t.\"from\"");
    }

    @Test
    void keywordLikeFunctionNamesParseAsCalls() {
        for (String name : List.of("left", "right", "year", "date_trunc", "count", "replace", "filter", "first",
                "coalesce", "nullif", "greatest", "least", "date", "if")) {
            FunctionCall f = expression(name + "(a, 1)", FunctionCall.class);
            assertThat(f.name().toString()).isEqualTo(name);
            assertThat(f.arguments()).hasSize(2);
        }
    }

    @Test
    void functionCallForms() {
        FunctionCall star = expression("count(*)", FunctionCall.class);
        assertThat(star.star()).isTrue();
        assertThat(star.arguments()).isEmpty();
        FunctionCall distinct = expression("count(DISTINCT x)", FunctionCall.class);
        assertThat(distinct.distinct()).isTrue();
        FunctionCall ordered = expression("string_agg(s, ',' ORDER BY s DESC NULLS FIRST)", FunctionCall.class);
        assertThat(ordered.orderBy()).hasSize(1);
        assertThat(ordered.orderBy().get(0).direction()).isEqualTo(SortDirection.DESC);
        assertThat(ordered.orderBy().get(0).nulls()).isEqualTo(NullOrdering.FIRST);
        FunctionCall filtered = expression("sum(x) FILTER (WHERE x > 0)", FunctionCall.class);
        assertThat(filtered.filter()).isInstanceOf(Comparison.class);
        assertThat(expression("now()", FunctionCall.class).arguments()).isEmpty();
        assertThat(expression("main.my_func(1)", FunctionCall.class).name().size()).isEqualTo(2);
    }

    @Test
    void ignoreNulls() {
        assertThat(expression("lag(x) IGNORE NULLS OVER (ORDER BY t)", FunctionCall.class).ignoreNulls()).isTrue();
        assertThat(expression("first_value(x IGNORE NULLS) OVER w", FunctionCall.class).ignoreNulls()).isTrue();
        assertThat(expression("lag(x) RESPECT NULLS OVER w", FunctionCall.class).ignoreNulls()).isFalse();
    }

    @Test
    void windowSpecifications() {
        FunctionCall f = expression(
                "sum(x) OVER (PARTITION BY a, b ORDER BY c DESC ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING"
                        + " EXCLUDE CURRENT ROW)", FunctionCall.class);
        assertThat(f.over().partitionBy()).hasSize(2);
        assertThat(f.over().orderBy()).hasSize(1);
        WindowFrame frame = f.over().frame();
        assertThat(frame.unit()).isEqualTo(FrameUnit.ROWS);
        assertThat(frame.start().type()).isEqualTo(FrameBoundType.PRECEDING);
        assertThat(((IntegerLiteral) frame.start().offset()).text()).isEqualTo("2");
        assertThat(frame.end().type()).isEqualTo(FrameBoundType.UNBOUNDED_FOLLOWING);
        assertThat(frame.exclusion()).isEqualTo(FrameExclusion.CURRENT_ROW);
    }

    @Test
    void frameWithOnlyAStartEndsAtCurrentRow() {
        WindowFrame frame = expression("avg(x) OVER (ORDER BY t RANGE UNBOUNDED PRECEDING)", FunctionCall.class)
                .over().frame();
        assertThat(frame.unit()).isEqualTo(FrameUnit.RANGE);
        assertThat(frame.start().type()).isEqualTo(FrameBoundType.UNBOUNDED_PRECEDING);
        assertThat(frame.end().type()).isEqualTo(FrameBoundType.CURRENT_ROW);
        assertThat(expr("avg(x) OVER (ORDER BY t GROUPS BETWEEN CURRENT ROW AND 1 FOLLOWING EXCLUDE TIES)"))
                .isEqualTo("avg(x) OVER (ORDER BY t GROUPS BETWEEN CURRENT ROW AND 1 FOLLOWING EXCLUDE TIES)");
        assertThat(expr("sum(x) OVER (ORDER BY d RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW)"))
                .isEqualTo("sum(x) OVER (ORDER BY d RANGE BETWEEN INTERVAL (1) DAY PRECEDING AND CURRENT ROW)");
    }

    @Test
    void namedWindows() {
        FunctionCall f = expression("rank() OVER w", FunctionCall.class);
        assertThat(f.over().baseWindow().value()).isEqualTo("w");
        FunctionCall g = expression("rank() OVER (w ORDER BY x)", FunctionCall.class);
        assertThat(g.over().baseWindow().value()).isEqualTo("w");
        assertThat(g.over().orderBy()).hasSize(1);
    }

    @Test
    void aggregateOrderByWithoutArguments() {
        FunctionCall f = expression("row_number(ORDER BY x DESC) OVER ()", FunctionCall.class);
        assertThat(f.arguments()).isEmpty();
        assertThat(f.orderBy()).hasSize(1);
    }

    @Test
    void casts() {
        Cast c = expression("CAST(a AS DECIMAL(10, 2))", Cast.class);
        assertThat(c.type()).isEqualTo(new TypeName(c.type().position(), "DECIMAL", List.of(10, 2), 0));
        assertThat(c.tryCast()).isFalse();
        assertThat(expression("TRY_CAST(a AS INT)", Cast.class).tryCast()).isTrue();
        assertThat(expr("a::VARCHAR(20)[]")).isEqualTo("CAST(a AS VARCHAR(20)[])");
    }

    @Test
    void typeNameSpellings() {
        assertThat(expr("CAST(a AS double precision)")).isEqualTo("CAST(a AS DOUBLE)");
        assertThat(expr("CAST(a AS character varying(5))")).isEqualTo("CAST(a AS VARCHAR(5))");
        assertThat(expr("CAST(a AS character(3))")).isEqualTo("CAST(a AS CHAR(3))");
        assertThat(expr("CAST(a AS timestamp without time zone)")).isEqualTo("CAST(a AS TIMESTAMP)");
        assertThat(expr("CAST(a AS timestamp with time zone)")).isEqualTo("CAST(a AS TIMESTAMPTZ)");
        assertThat(expr("CAST(a AS time with time zone)")).isEqualTo("CAST(a AS TIMETZ)");
        assertThat(expr("CAST(a AS int8)")).isEqualTo("CAST(a AS INT8)");
        assertThat(expr("CAST(a AS decimal())")).isEqualTo("CAST(a AS DECIMAL)");
        assertThat(expr("CAST(a AS hugeint)")).isEqualTo("CAST(a AS HUGEINT)");
    }

    @Test
    void caseExpressions() {
        assertThat(expr("CASE WHEN a > 0 THEN 'p' WHEN a < 0 THEN 'n' ELSE 'z' END"))
                .isEqualTo("CASE WHEN (a > 0) THEN 'p' WHEN (a < 0) THEN 'n' ELSE 'z' END");
        assertThat(expr("CASE x WHEN 1 THEN 'one' END")).isEqualTo("CASE x WHEN 1 THEN 'one' END");
    }

    @Test
    void specialSyntaxFunctionsAreDesugared() {
        assertThat(expr("SUBSTRING(s FROM 2 FOR 3)")).isEqualTo("substring(s, 2, 3)");
        assertThat(expr("SUBSTRING(s FROM 2)")).isEqualTo("substring(s, 2)");
        assertThat(expr("SUBSTRING(s FOR 3)")).isEqualTo("substring(s, 1, 3)");
        assertThat(expr("substring(s, 2, 3)")).isEqualTo("substring(s, 2, 3)");
        assertThat(expr("POSITION('a' IN s)")).isEqualTo("strpos(s, 'a')");
        assertThat(expr("TRIM(s)")).isEqualTo("trim(s)");
        assertThat(expr("TRIM(BOTH FROM s)")).isEqualTo("trim(s)");
        assertThat(expr("TRIM(LEADING 'x' FROM s)")).isEqualTo("ltrim(s, 'x')");
        assertThat(expr("TRIM(TRAILING FROM s)")).isEqualTo("rtrim(s)");
        assertThat(expr("TRIM('x' FROM s)")).isEqualTo("trim(s, 'x')");
        assertThat(expr("trim(s, 'x')")).isEqualTo("trim(s, 'x')");
        assertThat(expr("OVERLAY(s PLACING 'ab' FROM 2 FOR 3)")).isEqualTo("overlay(s, 'ab', 2, 3)");
        assertThat(expr("CURRENT_DATE")).isEqualTo("current_date()");
        assertThat(expr("current_timestamp")).isEqualTo("current_timestamp()");
        assertThat(expr("current_date()")).isEqualTo("current_date()");
    }

    @Test
    void extract() {
        Extract e = expression("EXTRACT(YEAR FROM d)", Extract.class);
        assertThat(e.field()).isEqualTo("year");
        for (String field : List.of("month", "day", "hour", "minute", "second", "quarter", "week", "dow", "doy",
                "epoch", "millisecond", "milliseconds", "microseconds", "decade", "century", "isodow")) {
            assertThat(expression("extract(" + field + " from d)", Extract.class).field()).isEqualTo(field);
        }
        assertThat(expression("EXTRACT('year' FROM d)", Extract.class).field()).isEqualTo("year");
    }

    @Test
    void subqueryExpressions() {
        assertThat(expr("EXISTS (SELECT 1 FROM t)")).isEqualTo("EXISTS (SELECT 1 FROM t)");
        assertThat(expr("NOT EXISTS (SELECT 1)")).isEqualTo("(NOT EXISTS (SELECT 1))");
        assertThat(expr("(SELECT max(x) FROM t) + 1")).isEqualTo("((SELECT max(x) FROM t) + 1)");
        assertThat(expr("a IN (SELECT b FROM t)")).isEqualTo("(a IN (SELECT b FROM t))");
        assertThat(expr("a NOT IN (SELECT b FROM t)")).isEqualTo("(a NOT IN (SELECT b FROM t))");
        assertThat(expr("a > ALL (SELECT b FROM t)")).isEqualTo("(a > ALL (SELECT b FROM t))");
        assertThat(expr("a = ANY (SELECT b FROM t)")).isEqualTo("(a = ANY (SELECT b FROM t))");
        assertThat(expr("a = SOME (SELECT b FROM t)")).isEqualTo("(a = ANY (SELECT b FROM t))");
    }

    @Test
    void nestedParenthesesAroundSubqueriesAndExpressions() {
        assertThat(expr("((SELECT 1) + 1)")).isEqualTo("((SELECT 1) + 1)");
        assertThat(expr("((SELECT 1))")).isEqualTo("(SELECT 1)");
        assertThat(expr("(((a)))")).isEqualTo("a");
        assertThat(expr("((SELECT 1) UNION (SELECT 2))")).isEqualTo("(SELECT 1 UNION SELECT 2)");
    }

    @Test
    void rowConstructors() {
        RowConstructor r = expression("(1, 'a', x)", RowConstructor.class);
        assertThat(r.items()).hasSize(3);
        assertThat(expr("ROW()")).isEqualTo("ROW()");
        assertThat(expr("(a, b) = (1, 2)")).isEqualTo("(ROW(a, b) = ROW(1, 2))");
    }

    @Test
    void subscriptsAndSlices() {
        assertThat(expr("a[1]")).isEqualTo("a[1]");
        assertThat(expr("s[2:3]")).isEqualTo("array_slice(s, 2, 3)");
        assertThat(expr("s[:3]")).isEqualTo("array_slice(s, 1, 3)");
        assertThat(expr("s[-2:]")).isEqualTo("array_slice(s, -2, 9223372036854775807)");
    }

    @Test
    void defaultKeywordIsAnExpressionNode() {
        assertThat(expr("DEFAULT")).isEqualTo("DEFAULT");
    }

    @Test
    void operatorNodesCarryTheOperatorPosition() {
        BinaryOperation b = expression("a\n  +  b", BinaryOperation.class);
        assertThat(b.operator()).isEqualTo(BinaryOperator.ADD);
        assertThat(b.position()).isEqualTo(new Position(4, 2, 3));
        assertThat(b.left().position()).isEqualTo(new Position(0, 1, 1));
        assertThat(b.right().position()).isEqualTo(new Position(7, 2, 6));
    }

    @Test
    void deeplyNestedExpressionsParse() {
        String deep = "(".repeat(900) + "1" + ")".repeat(900);
        assertThat(expr(deep)).isEqualTo("1");
        String longChain = "a = 1" + " OR a = 1".repeat(5_000);
        assertThat(expression(longChain, Logical.class).terms()).hasSize(5_001);
    }
}
