package dev.mallard.sql.parser;

import dev.mallard.sql.tree.Alias;
import dev.mallard.sql.tree.Argument;
import dev.mallard.sql.tree.CommonTableExpression;
import dev.mallard.sql.tree.Expression;
import dev.mallard.sql.tree.FileRelation;
import dev.mallard.sql.tree.GroupBy;
import dev.mallard.sql.tree.GroupByAll;
import dev.mallard.sql.tree.GroupByExpressions;
import dev.mallard.sql.tree.GroupingSets;
import dev.mallard.sql.tree.Identifier;
import dev.mallard.sql.tree.IntegerLiteral;
import dev.mallard.sql.tree.Join;
import dev.mallard.sql.tree.JoinType;
import dev.mallard.sql.tree.OrderBy;
import dev.mallard.sql.tree.OrderByAll;
import dev.mallard.sql.tree.OrderByItems;
import dev.mallard.sql.tree.Position;
import dev.mallard.sql.tree.QualifiedName;
import dev.mallard.sql.tree.Query;
import dev.mallard.sql.tree.QueryBody;
import dev.mallard.sql.tree.Relation;
import dev.mallard.sql.tree.RowConstructor;
import dev.mallard.sql.tree.Select;
import dev.mallard.sql.tree.SelectExpression;
import dev.mallard.sql.tree.SelectItem;
import dev.mallard.sql.tree.SelectStar;
import dev.mallard.sql.tree.SetOperation;
import dev.mallard.sql.tree.SetOperator;
import dev.mallard.sql.tree.StarReplacement;
import dev.mallard.sql.tree.SubqueryRelation;
import dev.mallard.sql.tree.TableFunction;
import dev.mallard.sql.tree.TableRef;
import dev.mallard.sql.tree.Values;
import dev.mallard.sql.tree.WindowDefinition;
import dev.mallard.sql.tree.With;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Queries: WITH, set operations (INTERSECT binds tighter than UNION/EXCEPT), SELECT blocks
 * (including DuckDB's FROM-first form), FROM items and joins, GROUP BY, ORDER BY and LIMIT.
 */
abstract class QueryParser extends ExpressionParser {

    /** Larger CUBEs expand to more grouping sets than anyone means to write. */
    private static final int MAX_CUBE_COLUMNS = 12;

    QueryParser(String sql) {
        super(sql);
    }

    /** Is a query starting here (SELECT, WITH, VALUES, FROM, TABLE or a parenthesized query)? */
    final boolean atQueryStart() {
        Token t = peek();
        return (t.keyword() != null && Keywords.QUERY_START.contains(t.keyword()))
                || (t.isSymbol("(") && parenStartsQuery());
    }

    @Override
    final Query query() {
        enter();
        try {
            Position position = peek().position();
            With with = atKeyword("WITH") ? with() : null;
            return queryAfterWith(position, with);
        } finally {
            leave();
        }
    }

    /** The rest of a query whose WITH clause (possibly null) has been parsed. */
    final Query queryAfterWith(Position position, With with) {
        QueryBody body = setOperations();
        OrderBy orderBy = atKeyword("ORDER") ? orderBy() : null;
        Expression limit = null;
        Expression offset = null;
        boolean sawLimit = false;
        boolean sawOffset = false;
        while (true) {
            if (!sawLimit && atKeyword("LIMIT")) {
                advance();
                sawLimit = true;
                if (!matchKeyword("ALL")) {
                    limit = expression();
                }
            } else if (!sawOffset && atKeyword("OFFSET")) {
                advance();
                sawOffset = true;
                offset = expression();
                if (!matchKeyword("ROWS")) {
                    matchKeyword("ROW");
                }
            } else if (!sawLimit && atKeyword("FETCH")) {
                advance();
                sawLimit = true;
                if (!matchKeyword("FIRST")) {
                    expectKeyword("NEXT");
                }
                if (atKeyword("ROW") || atKeyword("ROWS")) {
                    limit = new IntegerLiteral(peek().position(), "1");
                } else {
                    limit = unary();
                }
                if (!matchKeyword("ROWS")) {
                    expectKeyword("ROW");
                }
                expectKeyword("ONLY");
            } else {
                break;
            }
        }
        if (with == null && orderBy == null && limit == null && offset == null && body instanceof Query nested) {
            return nested;
        }
        return new Query(position, with, body, orderBy, limit, offset);
    }

    final With with() {
        Token t = advance();
        boolean recursive = matchKeyword("RECURSIVE");
        List<CommonTableExpression> ctes = new ArrayList<>();
        do {
            Token start = peek();
            Identifier name = identifier();
            List<Identifier> columns = atSymbol("(") ? parenthesizedIdentifiers() : List.of();
            expectKeyword("AS");
            Boolean materialized = null;
            if (atKeyword("NOT") && atKeyword(1, "MATERIALIZED")) {
                index += 2;
                materialized = false;
            } else if (matchKeyword("MATERIALIZED")) {
                materialized = true;
            }
            expectSymbol("(");
            Query q = query();
            expectSymbol(")");
            ctes.add(new CommonTableExpression(start.position(), name, columns, materialized, q));
        } while (matchSymbol(","));
        return new With(t.position(), recursive, ctes);
    }

    /** UNION and EXCEPT, left-associative, over INTERSECT terms. */
    private QueryBody setOperations() {
        QueryBody left = intersections();
        while (atKeyword("UNION") || atKeyword("EXCEPT")) {
            Token op = advance();
            boolean all = setQuantifier();
            boolean byName = byName();
            QueryBody right = intersections();
            SetOperator operator = op.isKeyword("UNION") ? SetOperator.UNION : SetOperator.EXCEPT;
            left = new SetOperation(op.position(), operator, all, byName, left, right);
        }
        return left;
    }

    private QueryBody intersections() {
        QueryBody left = queryPrimary();
        while (atKeyword("INTERSECT")) {
            Token op = advance();
            boolean all = setQuantifier();
            boolean byName = byName();
            left = new SetOperation(op.position(), SetOperator.INTERSECT, all, byName, left, queryPrimary());
        }
        return left;
    }

    private boolean setQuantifier() {
        if (matchKeyword("ALL")) {
            return true;
        }
        matchKeyword("DISTINCT");
        return false;
    }

    private boolean byName() {
        if (atKeyword("BY") && atKeyword(1, "NAME")) {
            index += 2;
            return true;
        }
        return false;
    }

    private QueryBody queryPrimary() {
        Token t = peek();
        if (t.isKeyword("SELECT")) {
            return select();
        }
        if (t.isKeyword("FROM")) {
            return fromFirst();
        }
        if (t.isKeyword("VALUES")) {
            return values();
        }
        if (t.isKeyword("TABLE")) {
            advance();
            Token nameToken = peek();
            QualifiedName name = qualifiedName();
            return selectStarFrom(t.position(), new TableRef(nameToken.position(), name, null));
        }
        if (t.isSymbol("(")) {
            advance();
            Query q = query();
            expectSymbol(")");
            return q.hasModifiers() ? q : q.body();
        }
        throw error(t, "SELECT, VALUES or FROM");
    }

    /** {@code SELECT * FROM relation}, the meaning of DuckDB's bare {@code FROM t}. */
    static Select selectStarFrom(Position position, Relation from) {
        SelectStar star = new SelectStar(position, null, List.of(), List.of());
        return new Select(position, false, List.of(), List.of(star), from, null, null, null, List.of(), null);
    }

    private Select select() {
        Token t = advance();
        boolean distinct = false;
        List<Expression> distinctOn = List.of();
        if (matchKeyword("DISTINCT")) {
            distinct = true;
            if (matchKeyword("ON")) {
                expectSymbol("(");
                distinctOn = expressionList();
                expectSymbol(")");
            }
        } else {
            matchKeyword("ALL");
        }
        List<SelectItem> items = selectList();
        Relation from = matchKeyword("FROM") ? fromClause() : null;
        return selectTail(t.position(), distinct, distinctOn, items, from);
    }

    /** DuckDB's {@code FROM t [SELECT ...] [WHERE ...] ...}. */
    private Select fromFirst() {
        Token t = advance();
        Relation from = fromClause();
        boolean distinct = false;
        List<Expression> distinctOn = List.of();
        List<SelectItem> items;
        if (matchKeyword("SELECT")) {
            if (matchKeyword("DISTINCT")) {
                distinct = true;
                if (matchKeyword("ON")) {
                    expectSymbol("(");
                    distinctOn = expressionList();
                    expectSymbol(")");
                }
            } else {
                matchKeyword("ALL");
            }
            items = selectList();
        } else {
            items = List.of(new SelectStar(t.position(), null, List.of(), List.of()));
        }
        return selectTail(t.position(), distinct, distinctOn, items, from);
    }

    private Select selectTail(Position position, boolean distinct, List<Expression> distinctOn,
                              List<SelectItem> items, Relation from) {
        Expression where = matchKeyword("WHERE") ? expression() : null;
        GroupBy groupBy = atKeyword("GROUP") ? groupBy() : null;
        Expression having = matchKeyword("HAVING") ? expression() : null;
        List<WindowDefinition> windows = List.of();
        Expression qualify = null;
        // DuckDB accepts WINDOW and QUALIFY in either order.
        for (int i = 0; i < 2; i++) {
            if (windows.isEmpty() && atKeyword("WINDOW")) {
                windows = windowDefinitions();
            } else if (qualify == null && matchKeyword("QUALIFY")) {
                qualify = expression();
            }
        }
        return new Select(position, distinct, distinctOn, items, from, where, groupBy, having, windows, qualify);
    }

    private List<WindowDefinition> windowDefinitions() {
        advance();
        List<WindowDefinition> windows = new ArrayList<>();
        do {
            Token t = peek();
            Identifier name = identifier();
            expectKeyword("AS");
            windows.add(new WindowDefinition(t.position(), name, windowSpec()));
        } while (matchSymbol(","));
        return windows;
    }

    private Values values() {
        Token t = advance();
        List<List<Expression>> rows = new ArrayList<>();
        do {
            expectSymbol("(");
            rows.add(expressionList());
            expectSymbol(")");
        } while (matchSymbol(",") && atSymbol("(")); // DuckDB allows a trailing comma
        return new Values(t.position(), rows);
    }

    // ------------------------------------------------------------------ select list

    /** Select items; a trailing comma before the next clause is allowed (DuckDB). */
    final List<SelectItem> selectList() {
        List<SelectItem> items = new ArrayList<>();
        items.add(selectItem());
        while (matchSymbol(",")) {
            if (endsSelectList()) {
                break;
            }
            items.add(selectItem());
        }
        return items;
    }

    private boolean endsSelectList() {
        Token t = peek();
        if (t.type() == TokenType.EOF || t.isSymbol(";") || t.isSymbol(")")) {
            return true;
        }
        String k = t.keyword();
        return k != null && switch (k) {
            case "FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "QUALIFY", "ORDER", "LIMIT", "OFFSET", "FETCH",
                 "UNION", "INTERSECT", "EXCEPT", "INTO", "RETURNING", "ON" -> true;
            default -> false;
        };
    }

    private SelectItem selectItem() {
        Token t = peek();
        if (t.isSymbol("*")) {
            advance();
            return starModifiers(t.position(), null);
        }
        if (atQualifiedStar()) {
            List<Identifier> parts = new ArrayList<>();
            parts.add(anyIdentifier());
            while (atSymbol(".") && !atSymbol(1, "*")) {
                advance();
                parts.add(anyIdentifier());
            }
            expectSymbol(".");
            expectSymbol("*");
            return starModifiers(t.position(), new QualifiedName(parts));
        }
        Expression e = expression();
        Identifier alias = null;
        if (matchKeyword("AS")) {
            alias = aliasAfterAs();
        } else if (canBeImplicitAlias(peek())) {
            Token aliasToken = advance();
            noteImplicitAlias(aliasToken);
            alias = toIdentifier(aliasToken);
        }
        return new SelectExpression(t.position(), e, alias);
    }

    /** {@code name(.name)*.*} ahead? */
    private boolean atQualifiedStar() {
        int i = 0;
        while (true) {
            Token t = peek(i);
            if (!t.is(TokenType.WORD) && !t.is(TokenType.QUOTED_IDENTIFIER)) {
                return false;
            }
            if (!atSymbol(i + 1, ".")) {
                return false;
            }
            if (atSymbol(i + 2, "*")) {
                return true;
            }
            i += 2;
        }
    }

    /** {@code * EXCLUDE (a, b)}, {@code * REPLACE (expr AS a)}, in either order. */
    private SelectStar starModifiers(Position position, QualifiedName qualifier) {
        List<Identifier> exclude = List.of();
        List<StarReplacement> replace = List.of();
        while (true) {
            if (exclude.isEmpty() && matchKeyword("EXCLUDE")) {
                exclude = atSymbol("(") ? starColumns() : List.of(starColumn());
            } else if (replace.isEmpty() && atKeyword("REPLACE") && atSymbol(1, "(")) {
                index += 2;
                replace = new ArrayList<>();
                do {
                    Token t = peek();
                    Expression e = expression();
                    expectKeyword("AS");
                    replace.add(new StarReplacement(t.position(), e, anyIdentifier()));
                } while (matchSymbol(","));
                expectSymbol(")");
            } else {
                return new SelectStar(position, qualifier, exclude, replace);
            }
        }
    }

    private List<Identifier> starColumns() {
        expectSymbol("(");
        List<Identifier> columns = new ArrayList<>();
        do {
            columns.add(starColumn());
        } while (matchSymbol(","));
        expectSymbol(")");
        return columns;
    }

    /** An EXCLUDE entry; {@code t.a} is accepted and means column {@code a}. */
    private Identifier starColumn() {
        Identifier name = anyIdentifier();
        while (matchSymbol(".")) {
            name = anyIdentifier();
        }
        return name;
    }

    /** After AS any word works, even a reserved one; DuckDB also accepts a string. */
    private Identifier aliasAfterAs() {
        Token t = peek();
        if (t.is(TokenType.STRING)) {
            advance();
            return new Identifier(t.position(), t.value(), true);
        }
        return anyIdentifier();
    }

    static boolean canBeImplicitAlias(Token t) {
        if (t.is(TokenType.QUOTED_IDENTIFIER)) {
            return true;
        }
        return t.is(TokenType.WORD) && !Keywords.isReserved(t) && !Keywords.NOT_IMPLICIT_ALIAS.contains(t.keyword());
    }

    // ------------------------------------------------------------------ FROM

    /** FROM items separated by commas (CROSS joins, lowest precedence), each possibly with joins. */
    final Relation fromClause() {
        enter();
        try {
            return commaJoins();
        } finally {
            leave();
        }
    }

    private Relation commaJoins() {
        Relation left = joinedRelation();
        while (atSymbol(",")) {
            Token comma = advance();
            Relation right = joinedRelation();
            left = new Join(comma.position(), JoinType.CROSS, left, right, null, List.of(), false);
        }
        return left;
    }

    private Relation joinedRelation() {
        Relation left = tableFactor();
        while (true) {
            Token t = peek();
            if (t.isKeyword("CROSS") && atKeyword(1, "JOIN")) {
                index += 2;
                left = new Join(t.position(), JoinType.CROSS, left, tableFactor(), null, List.of(), false);
            } else if (t.isKeyword("NATURAL")) {
                advance();
                JoinType type = joinType();
                expectKeyword("JOIN");
                left = new Join(t.position(), type, left, tableFactor(), null, List.of(), true);
            } else if (atAnyKeyword("JOIN", "INNER", "LEFT", "RIGHT", "FULL")) {
                JoinType type = joinType();
                expectKeyword("JOIN");
                Relation right = tableFactor();
                if (matchKeyword("ON")) {
                    left = new Join(t.position(), type, left, right, expression(), List.of(), false);
                } else if (matchKeyword("USING")) {
                    left = new Join(t.position(), type, left, right, null, parenthesizedIdentifiers(), false);
                } else {
                    throw error(peek(), "ON or USING");
                }
            } else if (atAnyKeyword("POSITIONAL", "ASOF", "SEMI", "ANTI")
                    && (atKeyword(1, "JOIN") || atKeyword(2, "JOIN"))) {
                throw errorAt(t.position(), t.keyword() + " JOIN is not supported");
            } else {
                return left;
            }
        }
    }

    private JoinType joinType() {
        if (matchKeyword("INNER")) {
            return JoinType.INNER;
        }
        JoinType type;
        if (matchKeyword("LEFT")) {
            type = JoinType.LEFT;
        } else if (matchKeyword("RIGHT")) {
            type = JoinType.RIGHT;
        } else if (matchKeyword("FULL")) {
            type = JoinType.FULL;
        } else {
            return JoinType.INNER;
        }
        matchKeyword("OUTER");
        return type;
    }

    private Relation tableFactor() {
        Token t = peek();
        boolean lateral = matchKeyword("LATERAL");
        if (atSymbol("(")) {
            Query q = parenthesizedQueryOrNull();
            if (q != null) {
                return new SubqueryRelation(t.position(), q, relationAlias(), lateral);
            }
            if (lateral) {
                throw error(peek(1), "a subquery after LATERAL");
            }
            advance();
            Relation inner = fromClause();
            expectSymbol(")");
            return inner;
        }
        if (peek().is(TokenType.STRING)) {
            Token path = advance();
            return new FileRelation(t.position(), path.value(), relationAlias());
        }
        if (!atName(0)) {
            throw error(peek(), "a table name");
        }
        QualifiedName name = qualifiedName();
        if (atSymbol("(")) {
            List<Argument> arguments = arguments();
            return new TableFunction(t.position(), name, arguments, relationAlias(), lateral);
        }
        return new TableRef(t.position(), name, relationAlias());
    }

    /** {@code [AS] name [(col, ...)]} after a FROM item, or null. */
    final Alias relationAlias() {
        Token t = peek();
        Identifier name;
        if (matchKeyword("AS")) {
            name = peek().is(TokenType.STRING) ? stringName(advance()) : anyIdentifier();
        } else if (canBeImplicitAlias(t)) {
            advance();
            noteImplicitAlias(t);
            name = toIdentifier(t);
        } else {
            return null;
        }
        List<Identifier> columns = List.of();
        if (matchSymbol("(")) {
            columns = new ArrayList<>();
            do {
                columns.add(peek().is(TokenType.STRING) ? stringName(advance()) : identifier());
            } while (matchSymbol(","));
            expectSymbol(")");
        }
        return new Alias(t.position(), name, columns);
    }

    /** DuckDB accepts 'strings' as alias names; they behave like quoted identifiers. */
    private static Identifier stringName(Token t) {
        return new Identifier(t.position(), t.value(), true);
    }

    /** {@code (arg, name = value, name := value, name => value)} for table functions, CALL. */
    final List<Argument> arguments() {
        expectSymbol("(");
        List<Argument> arguments = new ArrayList<>();
        if (matchSymbol(")")) {
            return arguments;
        }
        do {
            Token t = peek();
            boolean named = (t.is(TokenType.WORD) || t.is(TokenType.QUOTED_IDENTIFIER))
                    && (atSymbol(1, "=") || atSymbol(1, ":=") || atSymbol(1, "=>"));
            if (named) {
                Identifier name = anyIdentifier();
                advance();
                arguments.add(new Argument(t.position(), name, expression()));
            } else {
                arguments.add(new Argument(t.position(), null, expression()));
            }
        } while (matchSymbol(","));
        expectSymbol(")");
        return arguments;
    }

    // ------------------------------------------------------------------ GROUP BY / ORDER BY

    private GroupBy groupBy() {
        Token t = advance();
        expectKeyword("BY");
        if (matchKeyword("ALL")) {
            return new GroupByAll(t.position());
        }
        List<List<List<Expression>>> elements = new ArrayList<>();
        boolean plain = true;
        do {
            boolean special = atGroupingConstruct();
            plain &= !special;
            elements.add(groupingElement());
        } while (matchSymbol(","));
        if (plain) {
            List<Expression> expressions = new ArrayList<>();
            for (List<List<Expression>> element : elements) {
                expressions.addAll(element.get(0));
            }
            return new GroupByExpressions(t.position(), expressions);
        }
        // Cross product of the elements' set lists.
        List<List<Expression>> sets = List.of(List.of());
        for (List<List<Expression>> element : elements) {
            List<List<Expression>> next = new ArrayList<>();
            for (List<Expression> prefix : sets) {
                for (List<Expression> set : element) {
                    List<Expression> combined = new ArrayList<>(prefix);
                    combined.addAll(set);
                    next.add(combined);
                }
            }
            sets = next;
        }
        return new GroupingSets(t.position(), sets);
    }

    private boolean atGroupingConstruct() {
        return ((atKeyword("ROLLUP") || atKeyword("CUBE")) && atSymbol(1, "("))
                || (atKeyword("GROUPING") && atKeyword(1, "SETS"));
    }

    /** One GROUP BY element as its list of grouping sets. */
    private List<List<Expression>> groupingElement() {
        if (atSymbol("(") && atSymbol(1, ")")) {
            index += 2;
            return List.of(List.of());
        }
        if (atKeyword("ROLLUP") && atSymbol(1, "(")) {
            advance();
            List<List<Expression>> items = groupingItems();
            List<List<Expression>> sets = new ArrayList<>();
            for (int n = items.size(); n >= 0; n--) {
                List<Expression> set = new ArrayList<>();
                items.subList(0, n).forEach(set::addAll);
                sets.add(set);
            }
            return sets;
        }
        if (atKeyword("CUBE") && atSymbol(1, "(")) {
            Token t = advance();
            List<List<Expression>> items = groupingItems();
            if (items.size() > MAX_CUBE_COLUMNS) {
                throw errorAt(t.position(), "CUBE supports at most " + MAX_CUBE_COLUMNS + " elements");
            }
            List<List<Expression>> sets = new ArrayList<>();
            int n = items.size();
            // Largest sets first, as in ROLLUP; bit i set = item i present.
            for (int mask = (1 << n) - 1; mask >= 0; mask--) {
                List<Expression> set = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        set.addAll(items.get(i));
                    }
                }
                sets.add(set);
            }
            return sets;
        }
        if (atKeyword("GROUPING") && atKeyword(1, "SETS")) {
            index += 2;
            expectSymbol("(");
            LinkedHashSet<List<Expression>> sets = new LinkedHashSet<>();
            do {
                sets.addAll(groupingElement());
            } while (matchSymbol(","));
            expectSymbol(")");
            return new ArrayList<>(sets);
        }
        Expression e = expression();
        if (e instanceof RowConstructor row) {
            return List.of(row.items());
        }
        return List.of(List.of(e));
    }

    /** {@code (a, (b, c), d)} inside ROLLUP/CUBE: each item is one or more expressions. */
    private List<List<Expression>> groupingItems() {
        expectSymbol("(");
        List<List<Expression>> items = new ArrayList<>();
        do {
            if (atSymbol("(") && atSymbol(1, ")")) {
                index += 2;
                items.add(List.of());
                continue;
            }
            Expression e = expression();
            items.add(e instanceof RowConstructor row ? row.items() : List.of(e));
        } while (matchSymbol(","));
        expectSymbol(")");
        return items;
    }

    private OrderBy orderBy() {
        Token t = advance();
        expectKeyword("BY");
        if (matchKeyword("ALL") || matchSymbol("*")) {
            return new OrderByAll(t.position(), sortDirection(), nullOrdering());
        }
        return new OrderByItems(t.position(), sortItems());
    }
}
