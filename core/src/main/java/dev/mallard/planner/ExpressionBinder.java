package dev.mallard.planner;

import dev.mallard.MallardException;
import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Expr.Constant;
import dev.mallard.expression.Exprs;
import dev.mallard.function.AggregateFunction;
import dev.mallard.function.ScalarFunction;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.AggregateCall;
import dev.mallard.plan.LogicalPlan.BoundKind;
import dev.mallard.plan.LogicalPlan.Frame;
import dev.mallard.plan.LogicalPlan.FrameBound;
import dev.mallard.plan.LogicalPlan.FrameUnit;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.plan.LogicalPlan.WindowCall;
import dev.mallard.plan.LogicalPlan.WindowFunctionKind;
import dev.mallard.sql.tree.*;
import dev.mallard.types.DateTimes;
import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.types.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns syntax expressions into typed {@link Expr} trees: resolves names against a {@link Scope},
 * picks function overloads, inserts implicit casts, and — inside an aggregating SELECT — maps
 * grouped expressions and aggregate calls to the symbols the Aggregate node will produce.
 */
final class ExpressionBinder {
    /** Where an expression appears; decides whether aggregates and window functions are allowed. */
    enum Clause {
        WHERE("WHERE"), SELECT("SELECT"), GROUP_BY("GROUP BY"), HAVING("HAVING"), QUALIFY("QUALIFY"),
        ORDER_BY("ORDER BY"), JOIN("JOIN conditions"), OTHER("this context"), AGGREGATE_ARGUMENT("aggregate arguments");

        final String text;

        Clause(String text) {
            this.text = text;
        }
    }

    private final QueryBinder queries;
    private final BindContext ctx;
    /** Constants that came from string literals: like PostgreSQL's "unknown" type, they adapt to the other side. */
    private final Set<Expr> stringLiterals = Collections.newSetFromMap(new IdentityHashMap<>());

    ExpressionBinder(QueryBinder queries, BindContext ctx) {
        this.queries = queries;
        this.ctx = ctx;
    }

    /**
     * The group computed by the same expression written differently ({@code GROUP BY j * 2} and
     * {@code SELECT t.j * 2}), found by comparing bound expressions; null if none. Only tried for
     * computed groups (plain columns are found by name) and for expressions that bind on their own:
     * no aggregates, window functions or subqueries, whose binding would have effects.
     */
    private ColumnRef findGroupByMeaning(Expression e, SelectState select) {
        if (AggregateFinder.isConstant(e) || AggregateFinder.containsAggregate(e) || AggregateFinder.containsWindow(e)
                || AggregateFinder.containsSubquery(e)) {
            return null;
        }
        Expr bound = null;
        for (SelectState.Group g : select.groups) {
            if (g.ast() == null || g.bound() instanceof ColumnRef) continue;
            if (bound == null) {
                try {
                    bound = bind(e, select.fromScope, Clause.GROUP_BY);
                } catch (MallardException notAGroupExpression) {
                    return null;
                }
            }
            if (Exprs.equivalent(bound, g.bound())) return g.ref();
        }
        return null;
    }

    /** Binds with no aggregation in effect. */
    Expr bind(Expression e, Scope scope, Clause clause) {
        return bind(e, scope, null, clause);
    }

    /**
     * @param select the enclosing SELECT's state when the expression may contain aggregates or
     *               window functions (SELECT, HAVING, QUALIFY, ORDER BY), else null
     */
    Expr bind(Expression e, Scope scope, SelectState select, Clause clause) {
        if (select != null && select.aggregating) {
            ColumnRef g = select.findGroup(e);
            if (g == null) g = findGroupByMeaning(e, select);
            if (g != null) return g;
        }
        return switch (e) {
            case IntegerLiteral l -> integerLiteral(l.text(), l.position());
            case DecimalLiteral l -> decimalLiteral(l.text());
            case DoubleLiteral l -> new Constant(l.value(), LogicalType.DOUBLE);
            case StringLiteral l -> stringLiteral(l.value());
            case BooleanLiteral l -> new Constant(l.value(), LogicalType.BOOLEAN);
            case NullLiteral l -> new Constant(null, LogicalType.NULL);
            case TypedLiteral l -> typedLiteral(l);
            case IntervalExpression i -> interval(i, scope, select, clause);
            case dev.mallard.sql.tree.ColumnRef c -> column(c, scope, select, clause);
            case Parameter p -> parameter(p);
            case FunctionCall f -> functionCall(f, scope, select, clause);
            case Cast c -> cast(bind(c.expression(), scope, select, clause), TypeResolver.resolve(c.type()), c.tryCast());
            case CaseExpression c -> caseExpression(c, scope, select, clause);
            case Exists x -> new Expr.Subquery(Expr.SubqueryKind.EXISTS, queries.bindSubquery(x.query(), subqueryScope(scope, select)).plan(),
                    null, null, LogicalType.BOOLEAN);
            case ScalarSubquery s -> scalarSubquery(s, scope, select);
            case InSubquery in -> {
                Expr sub = quantified(in.value(), "=", in.query(), Expr.SubqueryKind.ANY, scope, select, clause, in.position());
                yield in.negated() ? new Expr.Not(sub) : sub;
            }
            case QuantifiedComparison q -> quantified(q.left(), q.operator().symbol(), q.query(),
                    q.quantifier() == Quantifier.ALL ? Expr.SubqueryKind.ALL : Expr.SubqueryKind.ANY, scope, select, clause, q.position());
            case InList in -> inList(in, scope, select, clause);
            case Extract x -> call("date_part", List.of(new Constant(x.field().toLowerCase(Locale.ROOT), LogicalType.VARCHAR),
                    bind(x.source(), scope, select, clause)), x.position());
            case Logical l -> {
                List<Expr> terms = new ArrayList<>();
                for (Expression t : l.terms()) terms.add(toBoolean(bind(t, scope, select, clause), t.position()));
                yield l.operator() == LogicalOperator.AND ? new Expr.And(terms) : new Expr.Or(terms);
            }
            case Not n -> new Expr.Not(toBoolean(bind(n.expression(), scope, select, clause), n.position()));
            case Comparison c -> comparison(c.operator(), bind(c.left(), scope, select, clause),
                    bind(c.right(), scope, select, clause), c.position());
            case BinaryOperation b -> binary(b, scope, select, clause);
            case UnaryOperation u -> unary(u, scope, select, clause);
            case IsNull n -> new Expr.IsNull(bind(n.expression(), scope, select, clause), n.negated());
            case IsBoolean b -> isBoolean(b, scope, select, clause);
            case Between b -> between(b, scope, select, clause);
            case Like l -> like(l, scope, select, clause);
            case Subscript s -> throw new MallardException.NotImplemented(ctx.at("subscripts are not supported yet", s.position()));
            case RowConstructor r -> {
                if (r.items().size() == 1) yield bind(r.items().get(0), scope, select, clause);
                throw new MallardException.NotImplemented(ctx.at("row values are not supported yet", r.position()));
            }
            case DefaultExpression d -> throw new MallardException.Binder(ctx.at("DEFAULT is only allowed in INSERT VALUES", d.position()));
            case ListLiteral l -> throw new MallardException.NotImplemented(ctx.at("list values are not supported yet outside options"
                    + " of read functions", l.position()));
            case StructLiteral s -> throw new MallardException.NotImplemented(ctx.at("struct values are not supported yet outside"
                    + " options of read functions", s.position()));
        };
    }

    // ---- literals -------------------------------------------------------------------------

    static Expr integerLiteral(String text, Position pos) {
        BigInteger v = new BigInteger(text);
        if (v.bitLength() < 32) return new Constant(v.intValue(), LogicalType.INTEGER);
        if (v.bitLength() < 64) return new Constant(v.longValue(), LogicalType.BIGINT);
        if (v.abs().toString().length() <= 38) return new Constant(v, LogicalType.decimal(38, 0));
        return new Constant(Double.parseDouble(text), LogicalType.DOUBLE);
    }

    static Expr decimalLiteral(String text) {
        BigDecimal d = new BigDecimal(text);
        int scale = Math.max(d.scale(), 0);
        BigInteger unscaled = d.setScale(scale).unscaledValue();
        String intPart = d.setScale(0, java.math.RoundingMode.DOWN).abs().toPlainString();
        int intDigits = intPart.equals("0") ? 1 : intPart.length();
        int precision = Math.max(intDigits + scale, 1);
        if (precision > LogicalType.MAX_DECIMAL_PRECISION) return new Constant(d.doubleValue(), LogicalType.DOUBLE);
        LogicalType type = LogicalType.decimal(precision, scale);
        Object physical = precision <= LogicalType.MAX_INT64_DECIMAL_PRECISION ? (Object) unscaled.longValue() : unscaled;
        return new Constant(physical, type);
    }

    private Expr stringLiteral(String value) {
        Constant c = new Constant(value, LogicalType.VARCHAR);
        stringLiterals.add(c);
        return c;
    }

    private Expr typedLiteral(TypedLiteral l) {
        LogicalType type = TypeResolver.resolve(l.type());
        if (type.id() == TypeId.INTERVAL) {
            return new Constant(parseInterval(l.value(), l.position()), LogicalType.INTERVAL);
        }
        return new Expr.Cast(new Constant(l.value(), LogicalType.VARCHAR), type, false);
    }

    private Interval parseInterval(String text, Position pos) {
        try {
            return DateTimes.parseInterval(text);
        } catch (MallardException e) {
            throw new MallardException.Data(e.sqlState(), ctx.at(e.getMessage(), pos));
        }
    }

    private Expr interval(IntervalExpression i, Scope scope, SelectState select, Clause clause) {
        String unit = i.unit();
        if (i.value() instanceof StringLiteral s) {
            if (unit == null) return new Constant(parseInterval(s.value(), i.position()), LogicalType.INTERVAL);
            String text = s.value().trim();
            try {
                return new Constant(DateTimes.intervalOf(Long.parseLong(text), unit), LogicalType.INTERVAL);
            } catch (NumberFormatException e) {
                return new Constant(parseInterval(text + " " + unit, i.position()), LogicalType.INTERVAL);
            }
        }
        if (i.value() instanceof IntegerLiteral n && unit != null) {
            return new Constant(DateTimes.intervalOf(Long.parseLong(n.text()), unit), LogicalType.INTERVAL);
        }
        if (unit == null) {
            return cast(bind(i.value(), scope, select, clause), LogicalType.INTERVAL, false);
        }
        // INTERVAL (expr) DAY: scale a one-unit interval by the value.
        Expr amount = bind(i.value(), scope, select, clause);
        Expr one = new Constant(DateTimes.intervalOf(1, unit), LogicalType.INTERVAL);
        return call("*", List.of(amount, one), i.position());
    }

    private Expr parameter(Parameter p) {
        List<Values.Typed> params = ctx.parameters();
        if (params == null || p.index() < 1 || p.index() > params.size()) {
            throw new MallardException.Binder("07001", ctx.at("no value given for parameter $" + p.index()
                    + " (the statement has " + (params == null ? 0 : params.size()) + " parameter value(s))", p.position()));
        }
        Values.Typed v = params.get(p.index() - 1);
        Constant c = new Constant(v.value(), v.type());
        // A string parameter adapts to the other side like a literal does (PostgreSQL's unknown type).
        if (v.type().id() == TypeId.VARCHAR) stringLiterals.add(c);
        return c;
    }

    // ---- names ------------------------------------------------------------------------------

    private Expr column(dev.mallard.sql.tree.ColumnRef c, Scope scope, SelectState select, Clause clause) {
        List<Identifier> parts = c.name().parts();
        String name = parts.get(parts.size() - 1).value();
        String qualifier = parts.size() >= 2 ? parts.get(parts.size() - 2).value() : null;
        if (select != null && select.aggregating) {
            // After aggregation only grouped columns are visible; outer (correlated) columns stay visible.
            ColumnRef local = select.fromScope.findLocal(qualifier, name);
            if (local != null) {
                for (SelectState.Group g : select.groups) {
                    if (g.bound() instanceof ColumnRef r && r.id() == local.id()) return g.ref();
                }
                throw MallardException.Binder.grouping(ctx.at("column \"" + c.name() + "\" must appear in the GROUP BY clause"
                        + " or be used in an aggregate function", c.position()));
            }
            ColumnRef outer = resolve(select.fromScope.parent(), qualifier, name);
            if (outer != null) return outer;
            Expr alias = alias(qualifier, name, scope, select, clause);
            if (alias != null) return alias;
            throw unknownColumn(c, select.fromScope);
        }
        ColumnRef r = resolve(scope, qualifier, name);
        if (r != null) return r;
        Expr alias = alias(qualifier, name, scope, select, clause);
        if (alias != null) return alias;
        throw unknownColumn(c, scope);
    }

    /** A select-list alias used in HAVING, QUALIFY or an ORDER BY expression (DuckDB allows it when no column has the name). */
    private Expr alias(String qualifier, String name, Scope scope, SelectState select, Clause clause) {
        if (qualifier != null || select == null || clause == Clause.SELECT || clause == Clause.AGGREGATE_ARGUMENT) return null;
        String key = name.toLowerCase(Locale.ROOT);
        Expression ast = select.aliases.get(key);
        if (ast == null || !select.expanding.add(key)) return null;
        try {
            return bind(ast, scope, select, clause);
        } finally {
            select.expanding.remove(key);
        }
    }

    static ColumnRef resolve(Scope scope, String qualifier, String name) {
        for (Scope s = scope; s != null; s = s.parent()) {
            ColumnRef r = s.findLocal(qualifier, name);
            if (r != null) return r;
        }
        return null;
    }

    private MallardException unknownColumn(dev.mallard.sql.tree.ColumnRef c, Scope scope) {
        List<Identifier> parts = c.name().parts();
        if (parts.size() >= 2) {
            String qualifier = parts.get(parts.size() - 2).value();
            boolean known = false;
            for (Scope s = scope; s != null; s = s.parent()) known |= s.hasRelation(qualifier);
            if (!known) {
                return MallardException.Catalog.undefinedTable(ctx.at("missing FROM-clause entry for table \"" + qualifier + "\"",
                        c.position()));
            }
        }
        List<String> names = scope == null ? List.of() : scope.allNames(parts.size() >= 2);
        return MallardException.Catalog.undefinedColumn(ctx.at("column \"" + c.name() + "\" does not exist"
                + NameSuggestions.hint(c.name().toString(), names), c.position()));
    }

    // ---- functions ---------------------------------------------------------------------------

    private Expr functionCall(FunctionCall f, Scope scope, SelectState select, Clause clause) {
        String name = f.name().last().value().toLowerCase(Locale.ROOT);
        if (f.over() != null) return window(f, name, scope, select, clause);
        if (f.star() && name.equals("count") || Functions.isAggregate(name)) return aggregate(f, name, scope, select, clause);
        if (f.distinct() || f.filter() != null || !f.orderBy().isEmpty()) {
            throw new MallardException.Binder(ctx.at(name + " is not an aggregate function; DISTINCT, FILTER and ORDER BY apply to aggregates only",
                    f.position()));
        }
        List<Expr> args = new ArrayList<>();
        for (Expression a : f.arguments()) args.add(bind(a, scope, select, clause));
        return switch (name) {
            case "coalesce", "ifnull" -> {
                if (args.isEmpty()) throw new MallardException.Binder(ctx.at("coalesce needs at least one argument", f.position()));
                List<Expr> unified = unify(args, "coalesce", f.position());
                yield unified.size() == 1 ? unified.get(0) : new Expr.Coalesce(unified, unified.get(0).type());
            }
            case "nullif" -> {
                if (args.size() != 2) throw new MallardException.Binder(ctx.at("nullif takes two arguments", f.position()));
                // Compared in a common type, but the result keeps the first argument's type (DuckDB, SQLite).
                Expr eq = comparison(ComparisonOperator.EQUAL, args.get(0), args.get(1), f.position());
                LogicalType t = args.get(0).type().id() == TypeId.NULL ? args.get(1).type() : args.get(0).type();
                yield new Expr.Case(List.of(new Expr.When(eq, new Constant(null, t))), cast(args.get(0), t, false), t);
            }
            case "greatest", "least" -> call(name, unify(args, name, f.position()), f.position());
            case "typeof" -> new Constant(args.get(0).type().toString(), LogicalType.VARCHAR);
            default -> call(name, args, f.position());
        };
    }

    /** Resolves a scalar function or operator and casts the arguments to the chosen overload. */
    Expr call(String name, List<Expr> args, Position pos) {
        List<LogicalType> types = args.stream().map(Expr::type).toList();
        List<Object> constants = new ArrayList<>(args.size());
        for (Expr a : args) constants.add(a instanceof Constant c ? c.value() : null);
        ScalarFunction fn;
        try {
            fn = Functions.scalar(name, types, constants);
        } catch (MallardException e) {
            // A string literal argument may stand for any type: retry with it typed as the other arguments.
            List<Expr> adapted = adaptLiterals(args);
            if (adapted != null) return call(name, adapted, pos);
            throw withPosition(e, pos);
        }
        List<Expr> cast = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            LogicalType target = i < fn.argTypes().size() ? fn.argTypes().get(i) : fn.argTypes().get(fn.argTypes().size() - 1);
            cast.add(cast(args.get(i), target, false));
        }
        return new Expr.Call(fn, cast);
    }

    private List<Expr> adaptLiterals(List<Expr> args) {
        LogicalType other = null;
        for (Expr a : args) {
            if (!stringLiterals.contains(a) && a.type().id() != TypeId.VARCHAR && a.type().id() != TypeId.NULL) other = a.type();
        }
        if (other == null) return null;
        boolean changed = false;
        List<Expr> out = new ArrayList<>();
        for (Expr a : args) {
            if (stringLiterals.contains(a)) {
                out.add(new Expr.Cast(a, other, false));
                changed = true;
            } else {
                out.add(a);
            }
        }
        return changed ? out : null;
    }

    private MallardException withPosition(MallardException e, Position pos) {
        if (pos == null || !pos.isKnown() || e.getMessage().contains("\n")) return e;
        return new MallardException(e.sqlState(), ctx.at(e.getMessage(), pos), e);
    }

    private Expr aggregate(FunctionCall f, String name, Scope scope, SelectState select, Clause clause) {
        if (select == null || clause == Clause.WHERE || clause == Clause.GROUP_BY || clause == Clause.JOIN
                || clause == Clause.AGGREGATE_ARGUMENT) {
            String where = clause == Clause.AGGREGATE_ARGUMENT ? "aggregate function calls cannot be nested"
                    : "aggregate functions are not allowed in " + clause.text;
            throw MallardException.Binder.grouping(ctx.at(where, f.position()));
        }
        ColumnRef existing = select.findAggregate(f);
        if (existing != null) return existing;
        List<Expr> args = new ArrayList<>();
        String fname = name;
        if (f.star()) {
            fname = "count_star";
        } else {
            for (Expression a : f.arguments()) args.add(bind(a, select.fromScope, Clause.AGGREGATE_ARGUMENT));
            if (name.equals("count") && args.isEmpty()) fname = "count_star";
        }
        AggregateFunction fn;
        try {
            fn = Functions.aggregate(fname, args.stream().map(Expr::type).toList());
        } catch (MallardException e) {
            throw withPosition(e, f.position());
        }
        List<Expr> cast = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) cast.add(cast(args.get(i), fn.argTypes().get(i), false));
        Expr filter = f.filter() == null ? null : toBoolean(bind(f.filter(), select.fromScope, Clause.AGGREGATE_ARGUMENT), f.position());
        List<SortKey> order = new ArrayList<>();
        for (SortItem s : f.orderBy()) {
            Expr key = bind(s.expression(), select.fromScope, Clause.AGGREGATE_ARGUMENT);
            // DISTINCT keeps one row per argument tuple: a key that is not an argument would have
            // several values for that row, so the order would be undefined.
            if (f.distinct() && !args.contains(key)) {
                throw new MallardException.Binder(ctx.at("in a DISTINCT aggregate, ORDER BY expressions must appear in the argument list",
                        s.expression().position()));
            }
            order.add(sortKey(key, s));
        }
        ColumnRef out = ColumnIds.fresh(name, fn.returnType());
        select.aggregates.add(new SelectState.Aggregate(f, new AggregateCall(out, fn, cast, f.distinct(), filter, order)));
        select.aggregating = true;
        return out;
    }

    private Expr window(FunctionCall f, String name, Scope scope, SelectState select, Clause clause) {
        if (select == null || !(clause == Clause.SELECT || clause == Clause.QUALIFY || clause == Clause.ORDER_BY)) {
            throw new MallardException.Binder(ctx.at("window functions are not allowed in " + clause.text, f.position()));
        }
        ColumnRef existing = select.findWindow(f);
        if (existing != null) return existing;
        if (!f.orderBy().isEmpty()) {
            // row_number(ORDER BY x) OVER w orders within each frame, not by the window's ORDER BY:
            // refuse it rather than silently use the window order.
            throw new MallardException.NotImplemented(ctx.at("ORDER BY inside the arguments of a window function is not supported yet",
                    f.position()));
        }
        WindowSpec spec = queries.resolveWindow(f.over());
        // Window arguments are evaluated after aggregation: bind them like SELECT expressions.
        List<Expr> args = new ArrayList<>();
        for (Expression a : f.arguments()) args.add(bindWindowPart(a, scope, select));
        List<Expr> partition = new ArrayList<>();
        for (Expression p : spec.partitionBy()) partition.add(bindWindowPart(p, scope, select));
        List<SortKey> order = new ArrayList<>();
        for (SortItem s : spec.orderBy()) {
            order.add(sortKey(bindWindowPart(s.expression(), scope, select), s));
        }
        WindowFunctionKind kind = switch (name) {
            case "row_number" -> WindowFunctionKind.ROW_NUMBER;
            case "rank" -> WindowFunctionKind.RANK;
            case "dense_rank" -> WindowFunctionKind.DENSE_RANK;
            case "percent_rank" -> WindowFunctionKind.PERCENT_RANK;
            case "cume_dist" -> WindowFunctionKind.CUME_DIST;
            case "ntile" -> WindowFunctionKind.NTILE;
            case "lag" -> WindowFunctionKind.LAG;
            case "lead" -> WindowFunctionKind.LEAD;
            case "first_value" -> WindowFunctionKind.FIRST_VALUE;
            case "last_value" -> WindowFunctionKind.LAST_VALUE;
            case "nth_value" -> WindowFunctionKind.NTH_VALUE;
            default -> {
                if (f.star() || Functions.isAggregate(name)) yield WindowFunctionKind.AGGREGATE;
                throw MallardException.Catalog.undefinedFunction(ctx.at("function " + name + " is not a window or aggregate function",
                        f.position()));
            }
        };
        AggregateFunction agg = null;
        LogicalType type;
        switch (kind) {
            case ROW_NUMBER, RANK, DENSE_RANK, NTILE -> type = LogicalType.BIGINT;
            case PERCENT_RANK, CUME_DIST -> type = LogicalType.DOUBLE;
            case LAG, LEAD -> {
                if (args.isEmpty()) throw new MallardException.Binder(ctx.at(name + " needs an argument", f.position()));
                type = args.get(0).type();
                if (args.size() >= 2) args.set(1, cast(args.get(1), LogicalType.BIGINT, false));
                if (args.size() >= 3) {
                    LogicalType t = Functions.commonType(type, args.get(2).type(), "combine " + name + " value and default");
                    type = t;
                    args.set(0, cast(args.get(0), t, false));
                    args.set(2, cast(args.get(2), t, false));
                }
            }
            case FIRST_VALUE, LAST_VALUE, NTH_VALUE -> {
                if (args.isEmpty()) throw new MallardException.Binder(ctx.at(name + " needs an argument", f.position()));
                type = args.get(0).type();
                if (args.size() >= 2) args.set(1, cast(args.get(1), LogicalType.BIGINT, false));
            }
            case AGGREGATE -> {
                String fname = f.star() || (name.equals("count") && args.isEmpty()) ? "count_star" : name;
                agg = Functions.aggregate(fname, args.stream().map(Expr::type).toList());
                for (int i = 0; i < args.size(); i++) args.set(i, cast(args.get(i), agg.argTypes().get(i), false));
                type = agg.returnType();
            }
            default -> throw new IllegalStateException();
        }
        if (kind == WindowFunctionKind.NTILE) {
            if (args.size() != 1) throw new MallardException.Binder(ctx.at("ntile takes one argument", f.position()));
            args.set(0, cast(args.get(0), LogicalType.BIGINT, false));
        }
        Frame frame = frame(spec.frame(), order, scope, select);
        Expr filter = f.filter() == null ? null : toBoolean(bindWindowPart(f.filter(), scope, select), f.position());
        ColumnRef out = ColumnIds.fresh(name, type);
        select.windows.add(new SelectState.Window(f, new WindowCall(out, kind, agg, args, f.distinct(), filter,
                f.ignoreNulls(), partition, order, frame)));
        return out;
    }

    private Expr bindWindowPart(Expression e, Scope scope, SelectState select) {
        return bind(e, scope, select, Clause.OTHER);
    }

    private Frame frame(WindowFrame f, List<SortKey> order, Scope scope, SelectState select) {
        if (f == null) return Frame.DEFAULT;
        FrameUnit unit = switch (f.unit()) {
            case ROWS -> FrameUnit.ROWS;
            case RANGE -> FrameUnit.RANGE;
            case GROUPS -> FrameUnit.GROUPS;
        };
        LogicalType offsetType = unit != FrameUnit.RANGE ? LogicalType.BIGINT
                : order.size() == 1 && order.get(0).expr().type().isNumeric() ? order.get(0).expr().type() : null;
        FrameBound start = bound(f.start(), scope, select, offsetType);
        FrameBound end = f.end() == null ? new FrameBound(BoundKind.CURRENT_ROW, null) : bound(f.end(), scope, select, offsetType);
        return new Frame(unit, start, end);
    }

    /** @param offsetType the type PRECEDING/FOLLOWING offsets are cast to (BIGINT for ROWS/GROUPS, the key type for numeric RANGE) */
    private FrameBound bound(dev.mallard.sql.tree.FrameBound b, Scope scope, SelectState select, LogicalType offsetType) {
        BoundKind kind = switch (b.type()) {
            case UNBOUNDED_PRECEDING -> BoundKind.UNBOUNDED_PRECEDING;
            case PRECEDING -> BoundKind.PRECEDING;
            case CURRENT_ROW -> BoundKind.CURRENT_ROW;
            case FOLLOWING -> BoundKind.FOLLOWING;
            case UNBOUNDED_FOLLOWING -> BoundKind.UNBOUNDED_FOLLOWING;
        };
        Expr offset = b.offset() == null ? null : bindWindowPart(b.offset(), scope, select);
        if (offset != null && offsetType != null && offset.type().isNumeric()) offset = cast(offset, offsetType, false);
        return new FrameBound(kind, offset);
    }

    /** Without NULLS FIRST/LAST, NULLs go where the default_null_order setting says (DuckDB: last). */
    SortKey sortKey(Expr e, SortItem s) {
        boolean asc = s.direction() != SortDirection.DESC;
        return new SortKey(e, asc, ctx.nullsFirst(s.nulls(), asc));
    }

    // ---- subqueries --------------------------------------------------------------------------

    /** The scope a subquery sees as its parent: after aggregation only grouped columns are visible. */
    private Scope subqueryScope(Scope scope, SelectState select) {
        if (select != null && select.aggregating && select.groupScope != null) return select.groupScope;
        return scope;
    }

    private Expr scalarSubquery(ScalarSubquery s, Scope scope, SelectState select) {
        QueryBinder.Bound q = queries.bindSubquery(s.query(), subqueryScope(scope, select));
        if (q.plan().outputs().size() != 1) {
            throw new MallardException.Binder(ctx.at("subquery must return only one column, it returns "
                    + q.plan().outputs().size(), s.position()));
        }
        return new Expr.Subquery(Expr.SubqueryKind.SCALAR, q.plan(), null, null, q.plan().outputs().get(0).type());
    }

    private Expr quantified(Expression left, String op, Query query, Expr.SubqueryKind kind, Scope scope, SelectState select,
                            Clause clause, Position pos) {
        Expr l = bind(left, scope, select, clause);
        QueryBinder.Bound q = queries.bindSubquery(query, subqueryScope(scope, select));
        if (q.plan().outputs().size() != 1) {
            throw new MallardException.Binder(ctx.at("subquery has too many columns: it returns " + q.plan().outputs().size()
                    + ", the comparison needs 1", pos));
        }
        LogicalType rt = q.plan().outputs().get(0).type();
        LogicalType t = Functions.commonType(l.type(), rt, "compare");
        LogicalPlan plan = q.plan();
        if (!rt.equals(t)) {
            ColumnRef src = plan.outputs().get(0);
            ColumnRef conv = ColumnIds.fresh(src.name(), t);
            plan = new LogicalPlan.Project(plan, List.of(new LogicalPlan.Assignment(conv, new Expr.Cast(src, t, false))));
        }
        return new Expr.Subquery(kind, plan, cast(l, t, false), op, LogicalType.BOOLEAN);
    }

    // ---- operators ---------------------------------------------------------------------------

    Expr comparison(ComparisonOperator op, Expr left, Expr right, Position pos) {
        List<Expr> u;
        LogicalType cmp = stringLiterals.contains(left) || stringLiterals.contains(right) ? null
                : Functions.comparisonType(left.type(), right.type());
        u = cmp != null && cmp.id() != TypeId.NULL ? List.of(cast(left, cmp, false), cast(right, cmp, false))
                : unifyPair(left, right, "compare", pos);
        String fn = switch (op) {
            case IS_DISTINCT_FROM -> "is_distinct_from";
            case IS_NOT_DISTINCT_FROM -> "is_not_distinct_from";
            default -> op.symbol();
        };
        return call(fn, u, pos);
    }

    private Expr binary(BinaryOperation b, Scope scope, SelectState select, Clause clause) {
        Expr l = bind(b.left(), scope, select, clause);
        Expr r = bind(b.right(), scope, select, clause);
        String op = b.operator().symbol();
        if (b.operator() == BinaryOperator.DIVIDE && ctx.integerDivision() && l.type().isInteger() && r.type().isInteger()) {
            op = "//";
        }
        if (b.operator() == BinaryOperator.CONCAT) {
            return call("||", List.of(toText(l), toText(r)), b.position());
        }
        // A string literal next to a typed operand takes that operand's type (e.g. d + '1 day'::INTERVAL is written d + INTERVAL '1 day').
        if (stringLiterals.contains(r) && l.type().id() != TypeId.VARCHAR) {
            r = new Expr.Cast(r, l.type().isTemporal() ? LogicalType.INTERVAL : l.type(), false);
        } else if (stringLiterals.contains(l) && r.type().id() != TypeId.VARCHAR) {
            l = new Expr.Cast(l, r.type().isTemporal() ? LogicalType.INTERVAL : r.type(), false);
        }
        return call(op, List.of(l, r), b.position());
    }

    private Expr toText(Expr e) {
        return e.type().id() == TypeId.VARCHAR ? e : cast(e, LogicalType.VARCHAR, false);
    }

    private Expr unary(UnaryOperation u, Scope scope, SelectState select, Clause clause) {
        if (u.operator() == UnaryOperator.MINUS) {
            // Fold "-literal" here so -2147483648 is an INTEGER and -0.5 keeps its decimal type.
            if (u.operand() instanceof IntegerLiteral l) return integerLiteral(negate(l.text()), u.position());
            if (u.operand() instanceof DecimalLiteral l) return decimalLiteral(negate(l.text()));
            if (u.operand() instanceof DoubleLiteral l) return new Constant(-l.value(), LogicalType.DOUBLE);
        }
        Expr e = bind(u.operand(), scope, select, clause);
        return switch (u.operator()) {
            case PLUS -> e;
            case MINUS -> call("-", List.of(e), u.position());
            case BITWISE_NOT -> call("~", List.of(e), u.position());
        };
    }

    private static String negate(String numeral) {
        return numeral.startsWith("-") ? numeral.substring(1) : "-" + numeral;
    }

    private Expr isBoolean(IsBoolean b, Scope scope, SelectState select, Clause clause) {
        Expr e = toBoolean(bind(b.expression(), scope, select, clause), b.position());
        // x IS TRUE  ==  coalesce(x = TRUE, FALSE); negation flips the result, never NULL.
        Expr matches = new Expr.Coalesce(List.of(b.value() ? e : new Expr.Not(e), new Constant(false, LogicalType.BOOLEAN)),
                LogicalType.BOOLEAN);
        return b.negated() ? new Expr.Not(matches) : matches;
    }

    private Expr between(Between b, Scope scope, SelectState select, Clause clause) {
        Expr v = bind(b.value(), scope, select, clause);
        Expr lo = bind(b.low(), scope, select, clause);
        Expr hi = bind(b.high(), scope, select, clause);
        Expr inRange = new Expr.And(List.of(comparison(ComparisonOperator.GREATER_THAN_OR_EQUAL, v, lo, b.position()),
                comparison(ComparisonOperator.LESS_THAN_OR_EQUAL, v, hi, b.position())));
        if (b.symmetric()) {
            Expr swapped = new Expr.And(List.of(comparison(ComparisonOperator.GREATER_THAN_OR_EQUAL, v, hi, b.position()),
                    comparison(ComparisonOperator.LESS_THAN_OR_EQUAL, v, lo, b.position())));
            inRange = new Expr.Or(List.of(inRange, swapped));
        }
        return b.negated() ? new Expr.Not(inRange) : inRange;
    }

    private Expr like(Like l, Scope scope, SelectState select, Clause clause) {
        Expr v = toText(bind(l.value(), scope, select, clause));
        Expr p = toText(bind(l.pattern(), scope, select, clause));
        List<Expr> args = new ArrayList<>(List.of(v, p));
        if (l.escape() != null) args.add(toText(bind(l.escape(), scope, select, clause)));
        String fn = switch (l.kind()) {
            case LIKE -> l.negated() ? "!~~" : "~~";
            case ILIKE -> l.negated() ? "!~~*" : "~~*";
            case SIMILAR_TO -> l.negated() ? "!similar_to" : "similar_to";
            case GLOB -> "glob";
        };
        Expr e = call(fn, args, l.position());
        return l.kind() == LikeKind.GLOB && l.negated() ? new Expr.Not(e) : e;
    }

    private Expr inList(InList in, Scope scope, SelectState select, Clause clause) {
        List<Expr> all = new ArrayList<>();
        all.add(bind(in.value(), scope, select, clause));
        for (Expression e : in.list()) all.add(bind(e, scope, select, clause));
        List<Expr> u = unify(all, "compare", in.position());
        return new Expr.InList(u.get(0), u.subList(1, u.size()), in.negated());
    }

    private Expr caseExpression(CaseExpression c, Scope scope, SelectState select, Clause clause) {
        List<Expr> conditions = new ArrayList<>();
        List<Expr> results = new ArrayList<>();
        Expr operand = c.operand() == null ? null : bind(c.operand(), scope, select, clause);
        for (WhenClause w : c.whens()) {
            Expr cond = bind(w.condition(), scope, select, clause);
            conditions.add(operand == null ? toBoolean(cond, w.position())
                    : comparison(ComparisonOperator.EQUAL, operand, cond, w.position()));
            results.add(bind(w.result(), scope, select, clause));
        }
        results.add(c.elseResult() == null ? new Constant(null, LogicalType.NULL) : bind(c.elseResult(), scope, select, clause));
        List<Expr> u = unify(results, "use in one CASE", c.position());
        List<Expr.When> whens = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) whens.add(new Expr.When(conditions.get(i), u.get(i)));
        return new Expr.Case(whens, u.get(u.size() - 1), u.get(0).type());
    }

    // ---- types ---------------------------------------------------------------------------------

    /** Casts to the type (no-op when equal); a NULL literal simply takes the type. */
    static Expr cast(Expr e, LogicalType type, boolean tryCast) {
        if (e.type().equals(type) && !tryCast) return e;
        if (e instanceof Constant c && c.value() == null) return new Constant(null, type);
        return new Expr.Cast(e, type, tryCast);
    }

    Expr toBoolean(Expr e, Position pos) {
        if (e.type().id() == TypeId.BOOLEAN) return e;
        if (e.type().id() == TypeId.NULL) return new Constant(null, LogicalType.BOOLEAN);
        if (stringLiterals.contains(e)) return new Expr.Cast(e, LogicalType.BOOLEAN, false);
        if (e.type().isInteger()) return new Expr.Cast(e, LogicalType.BOOLEAN, false);
        throw MallardException.Binder.typeMismatch(ctx.at("argument of a condition must be BOOLEAN, not " + e.type(), pos));
    }

    private List<Expr> unifyPair(Expr left, Expr right, String what, Position pos) {
        return unify(List.of(left, right), what, pos);
    }

    /** Casts all expressions to one common type; string literals adapt to the others' type. */
    List<Expr> unify(List<Expr> exprs, String what, Position pos) {
        LogicalType t = null;
        for (Expr e : exprs) {
            if (stringLiterals.contains(e) || e.type().id() == TypeId.NULL) continue;
            if (t == null) {
                t = e.type();
                continue;
            }
            LogicalType c = Functions.commonTypeOrNull(t, e.type());
            if (c == null) {
                throw MallardException.Binder.typeMismatch(ctx.at("cannot " + what + " " + t + " and " + e.type()
                        + "; add an explicit CAST to make the types match", pos));
            }
            t = c;
        }
        if (t == null) {
            boolean anyLiteral = exprs.stream().anyMatch(stringLiterals::contains);
            t = anyLiteral ? LogicalType.VARCHAR : LogicalType.NULL;
        }
        List<Expr> out = new ArrayList<>(exprs.size());
        for (Expr e : exprs) out.add(cast(e, t, false));
        return out;
    }

    boolean isStringLiteral(Expr e) {
        return stringLiterals.contains(e);
    }
}
