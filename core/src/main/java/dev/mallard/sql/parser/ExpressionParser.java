package dev.mallard.sql.parser;

import dev.mallard.MallardException;
import dev.mallard.sql.tree.Between;
import dev.mallard.sql.tree.BinaryOperation;
import dev.mallard.sql.tree.BinaryOperator;
import dev.mallard.sql.tree.BooleanLiteral;
import dev.mallard.sql.tree.CaseExpression;
import dev.mallard.sql.tree.Cast;
import dev.mallard.sql.tree.ColumnRef;
import dev.mallard.sql.tree.Comparison;
import dev.mallard.sql.tree.ComparisonOperator;
import dev.mallard.sql.tree.DecimalLiteral;
import dev.mallard.sql.tree.DefaultExpression;
import dev.mallard.sql.tree.ListLiteral;
import dev.mallard.sql.tree.StructLiteral;
import dev.mallard.sql.tree.DoubleLiteral;
import dev.mallard.sql.tree.Exists;
import dev.mallard.sql.tree.Expression;
import dev.mallard.sql.tree.Extract;
import dev.mallard.sql.tree.FrameBound;
import dev.mallard.sql.tree.FrameBoundType;
import dev.mallard.sql.tree.FrameExclusion;
import dev.mallard.sql.tree.FrameUnit;
import dev.mallard.sql.tree.FunctionCall;
import dev.mallard.sql.tree.Identifier;
import dev.mallard.sql.tree.InList;
import dev.mallard.sql.tree.InSubquery;
import dev.mallard.sql.tree.IntegerLiteral;
import dev.mallard.sql.tree.IntervalExpression;
import dev.mallard.sql.tree.IsBoolean;
import dev.mallard.sql.tree.IsNull;
import dev.mallard.sql.tree.Like;
import dev.mallard.sql.tree.LikeKind;
import dev.mallard.sql.tree.Logical;
import dev.mallard.sql.tree.LogicalOperator;
import dev.mallard.sql.tree.Not;
import dev.mallard.sql.tree.NullLiteral;
import dev.mallard.sql.tree.NullOrdering;
import dev.mallard.sql.tree.Parameter;
import dev.mallard.sql.tree.Position;
import dev.mallard.sql.tree.QualifiedName;
import dev.mallard.sql.tree.QuantifiedComparison;
import dev.mallard.sql.tree.Quantifier;
import dev.mallard.sql.tree.Query;
import dev.mallard.sql.tree.RowConstructor;
import dev.mallard.sql.tree.ScalarSubquery;
import dev.mallard.sql.tree.SortDirection;
import dev.mallard.sql.tree.SortItem;
import dev.mallard.sql.tree.StringLiteral;
import dev.mallard.sql.tree.Subscript;
import dev.mallard.sql.tree.TypeName;
import dev.mallard.sql.tree.TypedLiteral;
import dev.mallard.sql.tree.UnaryOperation;
import dev.mallard.sql.tree.UnaryOperator;
import dev.mallard.sql.tree.WhenClause;
import dev.mallard.sql.tree.WindowFrame;
import dev.mallard.sql.tree.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Expressions, by precedence climbing with one method per PostgreSQL precedence level, lowest
 * first: OR, AND, NOT, IS, comparison, BETWEEN/IN/LIKE, other operators (||, bitwise), + -,
 * * / // %, ^ **, unary + - ~, postfix :: and [].
 */
abstract class ExpressionParser extends TokenCursor {

    /** Interval units and their plural spellings, mapped to the singular used in the AST. */
    private static final Map<String, String> INTERVAL_UNITS = Map.ofEntries(
            Map.entry("YEAR", "year"), Map.entry("YEARS", "year"),
            Map.entry("QUARTER", "quarter"), Map.entry("QUARTERS", "quarter"),
            Map.entry("MONTH", "month"), Map.entry("MONTHS", "month"),
            Map.entry("WEEK", "week"), Map.entry("WEEKS", "week"),
            Map.entry("DAY", "day"), Map.entry("DAYS", "day"),
            Map.entry("HOUR", "hour"), Map.entry("HOURS", "hour"),
            Map.entry("MINUTE", "minute"), Map.entry("MINUTES", "minute"),
            Map.entry("SECOND", "second"), Map.entry("SECONDS", "second"),
            Map.entry("MILLISECOND", "millisecond"), Map.entry("MILLISECONDS", "millisecond"),
            Map.entry("MICROSECOND", "microsecond"), Map.entry("MICROSECONDS", "microsecond"),
            Map.entry("DECADE", "decade"), Map.entry("DECADES", "decade"),
            Map.entry("CENTURY", "century"), Map.entry("CENTURIES", "century"),
            Map.entry("MILLENNIUM", "millennium"), Map.entry("MILLENNIA", "millennium"),
            Map.entry("MILLENNIUMS", "millennium"));

    ExpressionParser(String sql) {
        super(sql);
    }

    /** A full query (WITH ... ORDER BY ... LIMIT ...); implemented by the query layer. */
    abstract Query query();

    // ------------------------------------------------------------------ subquery detection

    /**
     * At {@code (}: does a query start inside (possibly after more parentheses)? Only a hint;
     * {@link #parenthesizedQueryOrNull()} confirms.
     */
    final boolean parenStartsQuery() {
        if (!atSymbol("(")) {
            return false;
        }
        Token first = pastParentheses(0);
        return first.keyword() != null && Keywords.QUERY_START.contains(first.keyword());
    }

    /**
     * At {@code (}: parses {@code (query)} and returns the query, or returns null (cursor unmoved)
     * when the parentheses hold something else. {@code (SELECT ...} commits to a query so its
     * errors are reported as such; {@code ((SELECT 1) + 1)} is tried as a query and, failing
     * that, left to the caller as an expression or join.
     */
    final Query parenthesizedQueryOrNull() {
        if (!parenStartsQuery()) {
            return null;
        }
        if (peek(1).keyword() != null && Keywords.QUERY_START.contains(peek(1).keyword())) {
            advance();
            Query q = query();
            expectSymbol(")");
            return q;
        }
        int mark = index;
        int params = parameterCount;
        try {
            advance();
            Query q = query();
            expectSymbol(")");
            return q;
        } catch (MallardException.Parse notAQuery) {
            index = mark;
            parameterCount = params;
            return null;
        }
    }

    // ------------------------------------------------------------------ precedence levels

    final Expression expression() {
        enter();
        try {
            return or();
        } finally {
            leave();
        }
    }

    private Expression or() {
        Expression first = and();
        if (!atKeyword("OR")) {
            return first;
        }
        Position position = peek().position();
        List<Expression> terms = new ArrayList<>();
        terms.add(first);
        while (matchKeyword("OR")) {
            terms.add(and());
        }
        return new Logical(position, LogicalOperator.OR, terms);
    }

    private Expression and() {
        Expression first = not();
        if (!atKeyword("AND")) {
            return first;
        }
        Position position = peek().position();
        List<Expression> terms = new ArrayList<>();
        terms.add(first);
        while (matchKeyword("AND")) {
            terms.add(not());
        }
        return new Logical(position, LogicalOperator.AND, terms);
    }

    private Expression not() {
        if (atKeyword("NOT")) {
            Token t = advance();
            return new Not(t.position(), not());
        }
        return isTest();
    }

    private Expression isTest() {
        Expression left = comparison();
        while (true) {
            Token t = peek();
            if (t.isKeyword("IS")) {
                advance();
                boolean negated = matchKeyword("NOT");
                if (matchKeyword("NULL") || matchKeyword("UNKNOWN")) {
                    left = new IsNull(t.position(), left, negated);
                } else if (matchKeyword("TRUE")) {
                    left = new IsBoolean(t.position(), left, true, negated);
                } else if (matchKeyword("FALSE")) {
                    left = new IsBoolean(t.position(), left, false, negated);
                } else if (matchKeyword("DISTINCT")) {
                    expectKeyword("FROM");
                    ComparisonOperator op = negated
                            ? ComparisonOperator.IS_NOT_DISTINCT_FROM : ComparisonOperator.IS_DISTINCT_FROM;
                    left = new Comparison(t.position(), op, left, comparison());
                } else {
                    throw error(peek(), "NULL, TRUE, FALSE or DISTINCT FROM");
                }
            } else if (t.isKeyword("ISNULL")) {
                advance();
                left = new IsNull(t.position(), left, false);
            } else if (t.isKeyword("NOTNULL")) {
                advance();
                left = new IsNull(t.position(), left, true);
            } else {
                return left;
            }
        }
    }

    private static ComparisonOperator comparisonOperator(Token t) {
        if (t.type() != TokenType.SYMBOL) {
            return null;
        }
        return switch (t.text()) {
            case "=", "==" -> ComparisonOperator.EQUAL;
            case "<>", "!=" -> ComparisonOperator.NOT_EQUAL;
            case "<" -> ComparisonOperator.LESS_THAN;
            case "<=" -> ComparisonOperator.LESS_THAN_OR_EQUAL;
            case ">" -> ComparisonOperator.GREATER_THAN;
            case ">=" -> ComparisonOperator.GREATER_THAN_OR_EQUAL;
            default -> null;
        };
    }

    private Expression comparison() {
        Expression left = predicate();
        ComparisonOperator op;
        while ((op = comparisonOperator(peek())) != null) {
            Token t = advance();
            if (atAnyKeyword("ANY", "SOME", "ALL") && atSymbol(1, "(")) {
                Token quantifierToken = advance();
                Query q = parenthesizedQueryOrNull();
                if (q == null) {
                    throw error(peek(1), "a subquery after " + quantifierToken.keyword());
                }
                Quantifier quantifier = quantifierToken.isKeyword("ALL") ? Quantifier.ALL : Quantifier.ANY;
                left = new QuantifiedComparison(t.position(), op, quantifier, left, q);
            } else {
                left = new Comparison(t.position(), op, left, predicate());
            }
        }
        return left;
    }

    /** BETWEEN, IN, LIKE, ILIKE, GLOB, SIMILAR TO and the ~~ operators, each optionally negated. */
    private Expression predicate() {
        Expression left = other();
        while (true) {
            Token start = peek();
            boolean negated = false;
            if (start.isKeyword("NOT") && isPredicateKeyword(peek(1))) {
                advance();
                negated = true;
            }
            Token t = peek();
            if (t.isKeyword("BETWEEN")) {
                advance();
                boolean symmetric = matchKeyword("SYMMETRIC");
                if (!symmetric) {
                    matchKeyword("ASYMMETRIC");
                }
                Expression low = other();
                expectKeyword("AND");
                Expression high = other();
                left = new Between(start.position(), left, low, high, negated, symmetric);
            } else if (t.isKeyword("IN")) {
                advance();
                if (!atSymbol("(")) {
                    throw error(peek(), "\"(\"");
                }
                Query q = parenthesizedQueryOrNull();
                if (q != null) {
                    left = new InSubquery(start.position(), left, q, negated);
                } else {
                    expectSymbol("(");
                    List<Expression> list = expressionList();
                    expectSymbol(")");
                    left = new InList(start.position(), left, list, negated);
                }
            } else if (t.isKeyword("LIKE") || t.isKeyword("ILIKE") || t.isKeyword("GLOB")) {
                advance();
                LikeKind kind = t.isKeyword("LIKE") ? LikeKind.LIKE : t.isKeyword("ILIKE") ? LikeKind.ILIKE : LikeKind.GLOB;
                left = likeRest(start.position(), kind, left, negated);
            } else if (t.isKeyword("SIMILAR")) {
                advance();
                expectKeyword("TO");
                left = likeRest(start.position(), LikeKind.SIMILAR_TO, left, negated);
            } else if (t.isSymbol("~~") || t.isSymbol("~~*") || t.isSymbol("!~~") || t.isSymbol("!~~*")) {
                advance();
                LikeKind kind = t.text().endsWith("*") ? LikeKind.ILIKE : LikeKind.LIKE;
                left = new Like(t.position(), kind, left, other(), null, t.text().startsWith("!"));
            } else {
                return left;
            }
        }
    }

    private static boolean isPredicateKeyword(Token t) {
        String k = t.keyword();
        return k != null && (k.equals("BETWEEN") || k.equals("IN") || k.equals("LIKE") || k.equals("ILIKE")
                || k.equals("GLOB") || k.equals("SIMILAR"));
    }

    private Expression likeRest(Position position, LikeKind kind, Expression value, boolean negated) {
        Expression pattern = other();
        Expression escape = matchKeyword("ESCAPE") ? other() : null;
        return new Like(position, kind, value, pattern, escape, negated);
    }

    /** PostgreSQL's "any other operator" level: ||, &, |, #, <<, >>. */
    final Expression other() {
        Expression left = additive();
        while (true) {
            BinaryOperator op = switch (peek().type() == TokenType.SYMBOL ? peek().text() : "") {
                case "||" -> BinaryOperator.CONCAT;
                case "&" -> BinaryOperator.BITWISE_AND;
                case "|" -> BinaryOperator.BITWISE_OR;
                case "#" -> BinaryOperator.BITWISE_XOR;
                case "<<" -> BinaryOperator.SHIFT_LEFT;
                case ">>" -> BinaryOperator.SHIFT_RIGHT;
                default -> null;
            };
            if (op == null && atSymbol("^@")) {
                Token t = advance();
                left = plainCall(t, "starts_with", List.of(left, additive()));
                continue;
            }
            if (op == null) {
                return left;
            }
            Token t = advance();
            left = new BinaryOperation(t.position(), op, left, additive());
        }
    }

    private Expression additive() {
        Expression left = multiplicative();
        while (atSymbol("+") || atSymbol("-")) {
            Token t = advance();
            BinaryOperator op = t.text().equals("+") ? BinaryOperator.ADD : BinaryOperator.SUBTRACT;
            left = new BinaryOperation(t.position(), op, left, multiplicative());
        }
        return left;
    }

    private Expression multiplicative() {
        Expression left = power();
        while (true) {
            BinaryOperator op = switch (peek().type() == TokenType.SYMBOL ? peek().text() : "") {
                case "*" -> BinaryOperator.MULTIPLY;
                case "/" -> BinaryOperator.DIVIDE;
                case "//" -> BinaryOperator.INTEGER_DIVIDE;
                case "%" -> BinaryOperator.MODULO;
                default -> null;
            };
            if (op == null) {
                return left;
            }
            Token t = advance();
            left = new BinaryOperation(t.position(), op, left, power());
        }
    }

    private Expression power() {
        Expression left = unary();
        while (atSymbol("^") || atSymbol("**")) {
            Token t = advance();
            left = new BinaryOperation(t.position(), BinaryOperator.POWER, left, unary());
        }
        return left;
    }

    final Expression unary() {
        Token t = peek();
        if (t.isSymbol("-") || t.isSymbol("+") || t.isSymbol("~")) {
            advance();
            Expression operand = unary();
            if (t.isSymbol("~")) {
                return new UnaryOperation(t.position(), UnaryOperator.BITWISE_NOT, operand);
            }
            boolean minus = t.isSymbol("-");
            // Fold the sign into a numeric literal, so -9223372036854775808 is one BIGINT literal.
            switch (operand) {
                case IntegerLiteral lit when !lit.text().startsWith("-") ->
                        { return new IntegerLiteral(t.position(), minus ? "-" + lit.text() : lit.text()); }
                case DecimalLiteral lit when !lit.text().startsWith("-") ->
                        { return new DecimalLiteral(t.position(), minus ? "-" + lit.text() : lit.text()); }
                case DoubleLiteral lit when !lit.text().startsWith("-") ->
                        { return new DoubleLiteral(t.position(), minus ? "-" + lit.text() : lit.text()); }
                default -> {
                    return new UnaryOperation(t.position(), minus ? UnaryOperator.MINUS : UnaryOperator.PLUS, operand);
                }
            }
        }
        return postfix();
    }

    private Expression postfix() {
        Expression e = primary();
        while (true) {
            if (atSymbol("::")) {
                Token t = advance();
                e = new Cast(t.position(), e, typeName(), false);
            } else if (atSymbol("[")) {
                Token t = advance();
                Expression lower = atSymbol(":") ? null : expression();
                if (matchSymbol(":")) {
                    // A slice x[a:b] is DuckDB's array_slice(x, a, b) (lists and strings alike).
                    Expression upper = atSymbol("]") ? null : expression();
                    expectSymbol("]");
                    Position at = t.position();
                    e = plainCall(t, "array_slice", List.of(e,
                            lower != null ? lower : new IntegerLiteral(at, "1"),
                            upper != null ? upper : new IntegerLiteral(at, Long.toString(Long.MAX_VALUE))));
                } else {
                    expectSymbol("]");
                    e = new Subscript(t.position(), e, lower);
                }
            } else {
                return e;
            }
        }
    }

    // ------------------------------------------------------------------ primaries

    /** {@code [a, b, ...]}, possibly empty. */
    private Expression listLiteral() {
        Token open = advance();
        List<Expression> items = new ArrayList<>();
        if (!atSymbol("]")) {
            do {
                items.add(expression());
            } while (matchSymbol(","));
        }
        expectSymbol("]");
        return new ListLiteral(open.position(), items);
    }

    /** {@code {'name': value, ...}} (names quoted or bare), possibly empty. */
    private Expression structLiteral() {
        Token open = advance();
        List<StructLiteral.Field> fields = new ArrayList<>();
        if (!atSymbol("}")) {
            do {
                Token name = advance();
                if (name.type() != TokenType.STRING && name.type() != TokenType.WORD && name.type() != TokenType.QUOTED_IDENTIFIER) {
                    throw error(name, "a field name");
                }
                expectSymbol(":");
                fields.add(new StructLiteral.Field(name.value(), expression()));
            } while (matchSymbol(","));
        }
        expectSymbol("}");
        return new StructLiteral(open.position(), fields);
    }

    private Expression primary() {
        Token t = peek();
        switch (t.type()) {
            case INTEGER -> {
                advance();
                return new IntegerLiteral(t.position(), t.value());
            }
            case DECIMAL -> {
                advance();
                return new DecimalLiteral(t.position(), t.value());
            }
            case DOUBLE -> {
                advance();
                return new DoubleLiteral(t.position(), t.value());
            }
            case STRING -> {
                advance();
                return new StringLiteral(t.position(), t.value());
            }
            case PARAMETER -> {
                advance();
                return new Parameter(t.position(), parameterIndex(t));
            }
            case SYMBOL -> {
                if (t.isSymbol("(")) {
                    return parenthesized();
                }
                if (t.isSymbol("[")) {
                    return listLiteral();
                }
                if (t.isSymbol("{")) {
                    return structLiteral();
                }
                throw error(t, "an expression");
            }
            case QUOTED_IDENTIFIER -> {
                return nameOrCall();
            }
            case WORD -> {
                Expression special = keywordPrimary(t);
                return special != null ? special : nameOrCall();
            }
            case EOF -> throw error(t, "an expression");
        }
        throw error(t, "an expression");
    }

    private int parameterIndex(Token t) {
        if (t.value() == null) {
            return ++parameterCount;
        }
        try {
            int n = Integer.parseInt(t.value());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException tooLarge) {
            // fall through to the error
        }
        throw errorAt(t.position(), "invalid parameter number " + t.text());
    }

    /** Keyword-introduced expressions; null if {@code t} is an ordinary name here. */
    private Expression keywordPrimary(Token t) {
        String k = t.keyword();
        boolean call = atSymbol(1, "(");
        switch (k) {
            case "NULL" -> {
                advance();
                return new NullLiteral(t.position());
            }
            case "TRUE", "FALSE" -> {
                advance();
                return new BooleanLiteral(t.position(), k.equals("TRUE"));
            }
            case "DEFAULT" -> {
                advance();
                return new DefaultExpression(t.position());
            }
            case "NOT" -> {
                advance();
                return new Not(t.position(), not());
            }
            case "CASE" -> {
                return caseExpression();
            }
            case "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP" -> {
                advance();
                if (call) {
                    return functionCall(t.position(), QualifiedName.of(toIdentifier(t)));
                }
                return FunctionCall.of(t.position(), k.toLowerCase(Locale.ROOT), List.of());
            }
            case "CAST", "TRY_CAST" -> {
                return call ? cast() : null;
            }
            case "EXISTS" -> {
                if (call) {
                    advance();
                    Query q = parenthesizedQueryOrNull();
                    if (q == null) {
                        throw error(peek(1), "a subquery after EXISTS");
                    }
                    return new Exists(t.position(), q);
                }
                return null;
            }
            case "INTERVAL" -> {
                Token n = peek(1);
                boolean interval = n.is(TokenType.STRING) || n.is(TokenType.INTEGER) || n.is(TokenType.DECIMAL)
                        || n.is(TokenType.DOUBLE) || n.is(TokenType.PARAMETER) || n.isSymbol("(") || n.isSymbol("-");
                return interval ? interval() : null;
            }
            case "EXTRACT" -> {
                return call ? extract() : null;
            }
            case "SUBSTRING" -> {
                return call ? substring() : null;
            }
            case "POSITION" -> {
                return call ? position() : null;
            }
            case "TRIM" -> {
                return call ? trim() : null;
            }
            case "OVERLAY" -> {
                return call ? overlay() : null;
            }
            case "ROW" -> {
                if (call) {
                    advance();
                    advance();
                    List<Expression> items = atSymbol(")") ? List.of() : expressionList();
                    expectSymbol(")");
                    return new RowConstructor(t.position(), items);
                }
                return null;
            }
            default -> {
                // type 'literal': DATE '1995-01-01', TIMESTAMP '...', INTEGER '42', ...
                if (peek(1).is(TokenType.STRING) && !Keywords.isReserved(t)) {
                    advance();
                    Token literal = advance();
                    TypeName type = new TypeName(t.position(), k, List.of(), 0);
                    return new TypedLiteral(t.position(), type, literal.value());
                }
                return null;
            }
        }
    }

    /** A column reference or a function call. */
    private Expression nameOrCall() {
        Token first = peek();
        if (first.type() == TokenType.WORD && Keywords.isReserved(first)) {
            throw error(first, "an expression");
        }
        List<Identifier> parts = new ArrayList<>(2);
        parts.add(toIdentifier(advance()));
        while (atSymbol(".") && (peek(1).is(TokenType.WORD) || peek(1).is(TokenType.QUOTED_IDENTIFIER))) {
            advance();
            parts.add(anyIdentifier());
        }
        QualifiedName name = new QualifiedName(parts);
        if (atSymbol("(")) {
            return functionCall(first.position(), name);
        }
        return new ColumnRef(first.position(), name);
    }

    private Expression functionCall(Position position, QualifiedName name) {
        expectSymbol("(");
        boolean star = false;
        boolean distinct = false;
        boolean ignoreNulls = false;
        List<Expression> arguments = List.of();
        List<SortItem> orderBy = List.of();
        if (atSymbol("*") && atSymbol(1, ")")) {
            advance();
            star = true;
        } else if (!atSymbol(")")) {
            if (matchKeyword("DISTINCT")) {
                distinct = true;
            } else {
                matchKeyword("ALL");
            }
            if (!atKeyword("ORDER")) { // row_number(ORDER BY x) has no arguments
                arguments = expressionList();
            }
            if (atKeyword("ORDER") && atKeyword(1, "BY")) {
                index += 2;
                orderBy = sortItems();
            }
            ignoreNulls = nullTreatment(ignoreNulls);
        }
        expectSymbol(")");
        ignoreNulls = nullTreatment(ignoreNulls);
        Expression filter = null;
        if (atKeyword("FILTER") && atSymbol(1, "(")) {
            index += 2;
            matchKeyword("WHERE");
            filter = expression();
            expectSymbol(")");
        }
        ignoreNulls = nullTreatment(ignoreNulls);
        WindowSpec over = null;
        if (atKeyword("OVER")) {
            Token overToken = advance();
            if (atSymbol("(")) {
                over = windowSpec();
            } else {
                Identifier windowName = identifier();
                over = new WindowSpec(overToken.position(), windowName, List.of(), List.of(), null);
            }
        }
        return new FunctionCall(position, name, arguments, star, distinct, orderBy, filter, ignoreNulls, over);
    }

    /** {@code IGNORE NULLS} / {@code RESPECT NULLS}, if present. */
    private boolean nullTreatment(boolean current) {
        if ((atKeyword("IGNORE") || atKeyword("RESPECT")) && atKeyword(1, "NULLS")) {
            boolean ignore = atKeyword("IGNORE");
            index += 2;
            return ignore;
        }
        return current;
    }

    /** {@code (partition/order/frame)}, optionally starting with a base window name. */
    final WindowSpec windowSpec() {
        Token open = expectSymbol("(");
        Identifier base = null;
        if (atName(0) && !atAnyKeyword("PARTITION", "ORDER", "ROWS", "RANGE", "GROUPS")) {
            base = identifier();
        }
        List<Expression> partitionBy = List.of();
        if (atKeyword("PARTITION")) {
            advance();
            expectKeyword("BY");
            partitionBy = expressionList();
        }
        List<SortItem> orderBy = List.of();
        if (atKeyword("ORDER")) {
            advance();
            expectKeyword("BY");
            orderBy = sortItems();
        }
        WindowFrame frame = null;
        if (atAnyKeyword("ROWS", "RANGE", "GROUPS")) {
            frame = windowFrame();
        }
        expectSymbol(")");
        return new WindowSpec(open.position(), base, partitionBy, orderBy, frame);
    }

    private WindowFrame windowFrame() {
        Token unitToken = advance();
        FrameUnit unit = FrameUnit.valueOf(unitToken.keyword());
        FrameBound start;
        FrameBound end;
        if (matchKeyword("BETWEEN")) {
            start = frameBound();
            expectKeyword("AND");
            end = frameBound();
        } else {
            start = frameBound();
            end = new FrameBound(start.position(), FrameBoundType.CURRENT_ROW, null);
        }
        FrameExclusion exclusion = FrameExclusion.NO_OTHERS;
        if (matchKeyword("EXCLUDE")) {
            if (matchKeyword("CURRENT")) {
                expectKeyword("ROW");
                exclusion = FrameExclusion.CURRENT_ROW;
            } else if (matchKeyword("GROUP")) {
                exclusion = FrameExclusion.GROUP;
            } else if (matchKeyword("TIES")) {
                exclusion = FrameExclusion.TIES;
            } else if (matchKeyword("NO")) {
                expectKeyword("OTHERS");
            } else {
                throw error(peek(), "CURRENT ROW, GROUP, TIES or NO OTHERS");
            }
        }
        return new WindowFrame(unitToken.position(), unit, start, end, exclusion);
    }

    private FrameBound frameBound() {
        Token t = peek();
        if (matchKeyword("UNBOUNDED")) {
            if (matchKeyword("PRECEDING")) {
                return new FrameBound(t.position(), FrameBoundType.UNBOUNDED_PRECEDING, null);
            }
            expectKeyword("FOLLOWING");
            return new FrameBound(t.position(), FrameBoundType.UNBOUNDED_FOLLOWING, null);
        }
        if (matchKeyword("CURRENT")) {
            expectKeyword("ROW");
            return new FrameBound(t.position(), FrameBoundType.CURRENT_ROW, null);
        }
        Expression offset = other();
        if (matchKeyword("PRECEDING")) {
            return new FrameBound(t.position(), FrameBoundType.PRECEDING, offset);
        }
        if (matchKeyword("FOLLOWING")) {
            return new FrameBound(t.position(), FrameBoundType.FOLLOWING, offset);
        }
        throw error(peek(), "PRECEDING or FOLLOWING");
    }

    /** {@code (query)} as a value, {@code (a, b)} as a row, or {@code (expr)}. */
    private Expression parenthesized() {
        Token open = peek();
        Query q = parenthesizedQueryOrNull();
        if (q != null) {
            return new ScalarSubquery(open.position(), q);
        }
        advance();
        Expression first = expression();
        if (atSymbol(",")) {
            List<Expression> items = new ArrayList<>();
            items.add(first);
            while (matchSymbol(",")) {
                items.add(expression());
            }
            expectSymbol(")");
            return new RowConstructor(open.position(), items);
        }
        expectSymbol(")");
        return first;
    }

    private Expression caseExpression() {
        Token t = advance();
        Expression operand = atKeyword("WHEN") ? null : expression();
        List<WhenClause> whens = new ArrayList<>();
        while (atKeyword("WHEN")) {
            Token w = advance();
            Expression condition = expression();
            expectKeyword("THEN");
            whens.add(new WhenClause(w.position(), condition, expression()));
        }
        if (whens.isEmpty()) {
            throw error(peek(), "WHEN");
        }
        Expression elseResult = matchKeyword("ELSE") ? expression() : null;
        expectKeyword("END");
        return new CaseExpression(t.position(), operand, whens, elseResult);
    }

    private Expression cast() {
        Token t = advance();
        expectSymbol("(");
        Expression value = expression();
        expectKeyword("AS");
        TypeName type = typeName();
        expectSymbol(")");
        return new Cast(t.position(), value, type, t.isKeyword("TRY_CAST"));
    }

    private Expression interval() {
        Token t = advance();
        Expression value;
        if (peek().is(TokenType.STRING)) {
            Token s = advance();
            value = new StringLiteral(s.position(), s.value());
        } else if (atSymbol("(")) {
            advance();
            value = expression();
            expectSymbol(")");
        } else {
            value = unary();
        }
        String unit = intervalUnit();
        String toUnit = null;
        if (unit != null && atKeyword("TO")) {
            advance();
            toUnit = intervalUnit();
            if (toUnit == null) {
                throw error(peek(), "an interval unit");
            }
        }
        if (unit == null && !(value instanceof StringLiteral)) {
            throw error(peek(), "an interval unit such as DAY or MONTH");
        }
        return new IntervalExpression(t.position(), value, unit, toUnit);
    }

    private String intervalUnit() {
        String keyword = peek().keyword();
        String unit = keyword == null ? null : INTERVAL_UNITS.get(keyword);
        if (unit != null) {
            advance();
        }
        return unit;
    }

    private Expression extract() {
        Token t = advance();
        expectSymbol("(");
        Token field = peek();
        String name;
        if (field.is(TokenType.WORD) || field.is(TokenType.QUOTED_IDENTIFIER) || field.is(TokenType.STRING)) {
            advance();
            name = field.value().toLowerCase(Locale.ROOT);
        } else {
            throw error(field, "a date part such as YEAR");
        }
        expectKeyword("FROM");
        Expression source = expression();
        expectSymbol(")");
        return new Extract(t.position(), name, source);
    }

    /** {@code SUBSTRING(s FROM a [FOR b])}, {@code SUBSTRING(s FOR b)} or {@code substring(s, a, b)}. */
    private Expression substring() {
        Token t = advance();
        expectSymbol("(");
        List<Expression> args = new ArrayList<>();
        args.add(expression());
        if (atKeyword("FROM") || atKeyword("FOR")) {
            if (matchKeyword("FROM")) {
                args.add(expression());
            } else {
                args.add(new IntegerLiteral(peek().position(), "1"));
            }
            if (matchKeyword("FOR")) {
                args.add(expression());
            }
        } else {
            while (matchSymbol(",")) {
                args.add(expression());
            }
        }
        expectSymbol(")");
        return plainCall(t, "substring", args);
    }

    /** {@code POSITION(needle IN haystack)} → {@code strpos(haystack, needle)}; also {@code position(a, b)}. */
    private Expression position() {
        Token t = advance();
        expectSymbol("(");
        Expression needle = other();
        if (matchKeyword("IN")) {
            Expression haystack = expression();
            expectSymbol(")");
            return plainCall(t, "strpos", List.of(haystack, needle));
        }
        List<Expression> args = new ArrayList<>();
        args.add(needle);
        while (matchSymbol(",")) {
            args.add(expression());
        }
        expectSymbol(")");
        return plainCall(t, t.value(), args);
    }

    /** {@code TRIM([BOTH|LEADING|TRAILING] [chars] FROM s)} → trim/ltrim/rtrim(s [, chars]); also trim(s [, chars]). */
    private Expression trim() {
        Token t = advance();
        expectSymbol("(");
        String function = "trim";
        if (matchKeyword("LEADING")) {
            function = "ltrim";
        } else if (matchKeyword("TRAILING")) {
            function = "rtrim";
        } else {
            matchKeyword("BOTH");
        }
        Expression characters = null;
        Expression source;
        if (matchKeyword("FROM")) {
            source = expression();
        } else {
            Expression first = expression();
            if (matchKeyword("FROM")) {
                characters = first;
                source = expression();
            } else {
                source = first;
                if (matchSymbol(",")) {
                    characters = expression();
                }
            }
        }
        expectSymbol(")");
        return plainCall(t, function, characters == null ? List.of(source) : List.of(source, characters));
    }

    /** {@code OVERLAY(s PLACING r FROM a [FOR n])} → overlay(s, r, a [, n]). */
    private Expression overlay() {
        Token t = advance();
        expectSymbol("(");
        List<Expression> args = new ArrayList<>();
        args.add(expression());
        if (matchKeyword("PLACING")) {
            args.add(expression());
            expectKeyword("FROM");
            args.add(expression());
            if (matchKeyword("FOR")) {
                args.add(expression());
            }
        } else {
            while (matchSymbol(",")) {
                args.add(expression());
            }
        }
        expectSymbol(")");
        return plainCall(t, "overlay", args);
    }

    private static FunctionCall plainCall(Token nameToken, String name, List<Expression> args) {
        Identifier id = new Identifier(nameToken.position(), name, false);
        return new FunctionCall(nameToken.position(), QualifiedName.of(id), args, false, false, List.of(), null,
                false, null);
    }

    // ------------------------------------------------------------------ shared pieces

    /** {@code e [, e ...]} (at least one). */
    final List<Expression> expressionList() {
        List<Expression> list = new ArrayList<>();
        do {
            list.add(expression());
        } while (matchSymbol(","));
        return list;
    }

    /** {@code key [ASC|DESC] [NULLS FIRST|LAST] [, ...]}. */
    final List<SortItem> sortItems() {
        List<SortItem> items = new ArrayList<>();
        do {
            Token t = peek();
            Expression key = expression();
            items.add(new SortItem(t.position(), key, sortDirection(), nullOrdering()));
        } while (matchSymbol(","));
        return items;
    }

    final SortDirection sortDirection() {
        if (matchKeyword("DESC")) {
            return SortDirection.DESC;
        }
        matchKeyword("ASC");
        return SortDirection.ASC;
    }

    final NullOrdering nullOrdering() {
        if (atKeyword("NULLS")) {
            advance();
            if (matchKeyword("FIRST")) {
                return NullOrdering.FIRST;
            }
            expectKeyword("LAST");
            return NullOrdering.LAST;
        }
        return NullOrdering.DEFAULT;
    }

    /**
     * A type: a (possibly multi-word) name, optional integer parameters, optional {@code []}s.
     * Multi-word spellings collapse to one name (see {@link TypeName}).
     */
    final TypeName typeName() {
        Token t = peek();
        if (t.type() != TokenType.WORD && t.type() != TokenType.QUOTED_IDENTIFIER) {
            throw error(t, "a type name");
        }
        advance();
        String name = t.value().toUpperCase(Locale.ROOT);
        if (t.type() == TokenType.WORD) {
            switch (name) {
                case "DOUBLE" -> matchKeyword("PRECISION");
                case "CHARACTER", "CHAR", "NCHAR" -> {
                    name = matchKeyword("VARYING") ? "VARCHAR" : "CHAR";
                }
                default -> {
                }
            }
        }
        List<Integer> parameters = List.of();
        if (atSymbol("(") && atSymbol(1, ")")) {
            index += 2; // DECIMAL(): same as no parameters
        } else if (atSymbol("(")) {
            advance();
            parameters = new ArrayList<>();
            do {
                Token p = peek();
                if (!p.is(TokenType.INTEGER)) {
                    throw error(p, "an integer type parameter");
                }
                advance();
                try {
                    parameters.add(Integer.parseInt(p.value()));
                } catch (NumberFormatException tooLarge) {
                    throw errorAt(p.position(), "type parameter " + p.text() + " is out of range");
                }
            } while (matchSymbol(","));
            expectSymbol(")");
        }
        if ((name.equals("TIMESTAMP") || name.equals("TIME")) && t.type() == TokenType.WORD) {
            if (atKeyword("WITH") && atKeyword(1, "TIME") && atKeyword(2, "ZONE")) {
                index += 3;
                name = name + "TZ";
            } else if (atKeyword("WITHOUT") && atKeyword(1, "TIME") && atKeyword(2, "ZONE")) {
                index += 3;
            }
        }
        int arrayDepth = 0;
        while (atSymbol("[") && atSymbol(1, "]")) {
            index += 2;
            arrayDepth++;
        }
        return new TypeName(t.position(), name, parameters, arrayDepth);
    }
}
