package dev.mallard.planner;

import dev.mallard.MallardException;
import dev.mallard.catalog.CatalogEntry;
import dev.mallard.catalog.TableEntry;
import dev.mallard.catalog.ViewEntry;
import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.expression.Expr.Constant;
import dev.mallard.expression.Exprs;
import dev.mallard.function.table.BoundTableFunction;
import dev.mallard.function.table.TableFunctions;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.planner.ExpressionBinder.Clause;
import dev.mallard.sql.parser.SqlParser;
import dev.mallard.sql.tree.*;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.types.Values;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Binds queries: FROM clauses into scans and joins, SELECT into projections, aggregation, window
 * functions, DISTINCT, ORDER BY and LIMIT; set operations; CTEs (inlined at each reference) and
 * views (re-bound from their SQL at each use).
 */
public final class QueryBinder {
    /** A bound query: its plan and the user-visible names of its output columns. */
    public record Bound(LogicalPlan plan, List<String> names) {}

    /** A bound FROM item: its plan and the columns it makes visible. */
    record From(LogicalPlan plan, Scope scope) {}

    /**
     * @param table set for a recursive CTE: its rows, materialized (or the working table while iterating)
     * @param shared set for a CTE computed once for all its references (see {@link Materialization})
     */
    private record Cte(CommonTableExpression definition, Scope outer, int visibleCount, BoundTableFunction table,
                       Materialization shared) {
        Cte(CommonTableExpression definition, Scope outer, int visibleCount) {
            this(definition, outer, visibleCount, null, null);
        }

        Cte(CommonTableExpression definition, Scope outer, int visibleCount, BoundTableFunction table) {
            this(definition, outer, visibleCount, table, null);
        }
    }

    /**
     * A CTE planned once: its definition is bound at the first reference, every reference reads it
     * through a {@link LogicalPlan.CteScan}, and the query that declares it wraps its plan in a
     * {@link LogicalPlan.MaterializedCte}.
     */
    private static final class Materialization {
        final int id = ColumnIds.freshId();
        Bound definition;
    }

    private final BindContext ctx;
    private final ExpressionBinder exprs;
    private final List<Cte> ctes = new ArrayList<>();
    /** How many entries of {@link #ctes} the query being bound may see (a CTE never sees itself). */
    private int visibleCtes;
    private final Deque<List<WindowDefinition>> windowDefinitions = new ArrayDeque<>();
    private int viewDepth;

    public QueryBinder(BindContext ctx) {
        this.ctx = ctx;
        this.exprs = new ExpressionBinder(this, ctx);
    }

    public BindContext context() {
        return ctx;
    }

    ExpressionBinder expressions() {
        return exprs;
    }

    /** Binds a top-level query. */
    public Bound bind(Query query) {
        return bindQuery(query, null);
    }

    /** Binds an expression over the given columns (used by DML: SET values, DEFAULTs, CHECKs). */
    public Expr bindExpression(Expression e, List<String> relations, List<String> names, List<ColumnRef> refs) {
        List<Scope.Column> cols = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) cols.add(new Scope.Column(relations.get(i), names.get(i), refs.get(i), false));
        return exprs.bind(e, new Scope(null, cols, List.of()), Clause.OTHER);
    }

    /** Makes a statement-level WITH (of INSERT, UPDATE, DELETE) visible to everything bound afterwards. */
    void addStatementCtes(With with) {
        if (with == null) return;
        if (with.recursive()) throw new MallardException.NotImplemented(ctx.at("WITH RECURSIVE is not supported yet", with.position()));
        for (CommonTableExpression cte : with.ctes()) {
            ctes.add(new Cte(cte, null, ctes.size()));
            visibleCtes = ctes.size();
        }
    }

    Bound bindSubquery(Query query, Scope outer) {
        return bindQuery(query, outer);
    }

    Bound bindQuery(Query query, Scope outer) {
        int savedCtes = ctes.size();
        int savedVisible = visibleCtes;
        try {
            List<Materialization> shared = new ArrayList<>();
            if (query.with() != null) {
                Set<String> names = new HashSet<>();
                for (CommonTableExpression cte : query.with().ctes()) {
                    if (!names.add(cte.name().value().toLowerCase(Locale.ROOT))) {
                        throw new MallardException.Binder("42712", ctx.at("WITH query name \"" + cte.name().value()
                                + "\" specified more than once", cte.position()));
                    }
                    Cte entry = new Cte(cte, outer, ctes.size());
                    if (query.with().recursive() && selfReferencing(cte)) {
                        entry = materializeRecursive(cte, outer);
                    } else if (materialize(cte, query, outer)) {
                        entry = new Cte(cte, outer, ctes.size(), null, new Materialization());
                        shared.add(entry.shared());
                    }
                    ctes.add(entry);
                    visibleCtes = ctes.size();
                }
            }
            Bound b = bindQueryBody(query, outer);
            LogicalPlan plan = b.plan();
            // later CTEs may read earlier ones, so the first declared is the outermost
            for (int i = shared.size() - 1; i >= 0; i--) {
                Materialization m = shared.get(i);
                if (m.definition != null) plan = new LogicalPlan.MaterializedCte(m.id, m.definition.plan().outputs(), m.definition.plan(), plan);
            }
            return plan == b.plan() ? b : new Bound(plan, b.names());
        } finally {
            while (ctes.size() > savedCtes) ctes.remove(ctes.size() - 1);
            visibleCtes = savedVisible;
        }
    }

    /**
     * Whether to compute a CTE once rather than inline it at each reference: as PostgreSQL does,
     * when it is referenced more than once (or declared MATERIALIZED) and NOT MATERIALIZED was not
     * asked for. Only for queries that are not nested in another (a nested one may read the outer
     * query's columns, and a materialized CTE must not depend on the outer row).
     */
    private static boolean materialize(CommonTableExpression cte, Query query, Scope outer) {
        if (outer != null || Boolean.FALSE.equals(cte.materialized())) return false;
        if (Boolean.TRUE.equals(cte.materialized())) return true;
        String name = cte.name().value();
        int mentions = AstSearch.countTableMentions(query.body(), name) + AstSearch.countTableMentions(query.orderBy(), name);
        boolean after = false;
        for (CommonTableExpression other : query.with().ctes()) {
            if (after) mentions += AstSearch.countTableMentions(other.query(), name);
            after |= other == cte;
        }
        return mentions >= 2;
    }

    private Bound bindQueryBody(Query query, Scope outer) {
        if (query.body() instanceof Select s) {
            return bindSelect(s, query.orderBy(), query.limit(), query.offset(), outer);
        }
        Bound body = bindBody(query.body(), outer);
        if (query.orderBy() == null && query.limit() == null && query.offset() == null) return body;
        LogicalPlan plan = body.plan();
        if (query.orderBy() != null) plan = new LogicalPlan.Sort(plan, outputOrder(query.orderBy(), body, outer));
        plan = applyLimit(plan, query.limit(), query.offset());
        return new Bound(plan, body.names());
    }

    private Bound bindBody(QueryBody body, Scope outer) {
        return switch (body) {
            case Query q -> bindQuery(q, outer);
            case Select s -> bindSelect(s, null, null, null, outer);
            case dev.mallard.sql.tree.Values v -> bindValues(v, outer);
            case SetOperation op -> bindSetOperation(op, outer);
        };
    }

    /** ORDER BY over the outputs of a set operation or VALUES: by name or ordinal. */
    private List<SortKey> outputOrder(OrderBy orderBy, Bound body, Scope outer) {
        List<ColumnRef> outs = body.plan().outputs();
        List<SortKey> keys = new ArrayList<>();
        if (orderBy instanceof OrderByAll all) {
            for (ColumnRef r : outs) keys.add(allKey(r, all));
            return keys;
        }
        List<Scope.Column> cols = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) cols.add(new Scope.Column(null, body.names().get(i), outs.get(i), false));
        Scope scope = new Scope(outer, cols, List.of());
        for (SortItem item : ((OrderByItems) orderBy).items()) {
            Expr e;
            if (item.expression() instanceof IntegerLiteral n) {
                e = outs.get(ordinal(n, outs.size()) - 1);
            } else {
                e = exprs.bind(item.expression(), scope, Clause.ORDER_BY);
            }
            keys.add(exprs.sortKey(e, item));
        }
        return keys;
    }

    private SortKey allKey(Expr e, OrderByAll all) {
        boolean asc = all.direction() != SortDirection.DESC;
        return new SortKey(e, asc, ctx.nullsFirst(all.nulls(), asc));
    }

    private int ordinal(IntegerLiteral n, int count) {
        int k;
        try {
            k = Integer.parseInt(n.text());
        } catch (NumberFormatException e) {
            k = -1;
        }
        if (k < 1 || k > count) {
            throw new MallardException.Binder(ctx.at("position " + n.text() + " is not in the select list (1.." + count + ")",
                    n.position()));
        }
        return k;
    }

    // ---- SELECT --------------------------------------------------------------------------------

    /** One output of the select list before binding: its syntax, or a column a star expanded to. */
    private record Item(Expression ast, ColumnRef starColumn, String name) {}

    private Bound bindSelect(Select s, OrderBy orderBy, Expression limit, Expression offset, Scope outer) {
        windowDefinitions.push(s.windows());
        try {
            From from = s.from() == null ? singleRow(outer) : bindRelation(s.from(), outer);
            LogicalPlan plan = from.plan();
            Scope scope = from.scope();
            if (s.where() != null) {
                plan = new LogicalPlan.Filter(plan, exprs.toBoolean(exprs.bind(s.where(), scope, Clause.WHERE), s.where().position()));
            }
            List<Item> items = expandItems(s.items(), scope);
            SelectState st = new SelectState(scope);
            for (Item it : items) {
                if (it.ast != null) st.aliases.putIfAbsent(it.name.toLowerCase(Locale.ROOT), it.ast);
            }

            List<Object> groupAsts = groupExpressions(s, items, scope);
            boolean aggregating = groupAsts != null || s.having() != null
                    || items.stream().anyMatch(i -> i.ast != null && AggregateFinder.containsAggregate(i.ast))
                    || (orderBy instanceof OrderByItems oi && oi.items().stream().anyMatch(x -> AggregateFinder.containsAggregate(x.expression())));
            if (groupAsts != null) {
                for (Object g : groupAsts) {
                    Expression ast = g instanceof Expression e ? e : null;
                    if (ast != null && st.findGroup(ast) != null) continue;
                    Expr bound = ast != null ? exprs.bind(ast, scope, Clause.GROUP_BY) : (ColumnRef) g;
                    if (ast == null && st.groups.stream().anyMatch(x -> x.bound().equals(bound))) continue;
                    ColumnRef ref = ColumnIds.fresh(bound instanceof ColumnRef r ? r.name() : ExpressionNames.of(ast), bound.type());
                    st.groups.add(new SelectState.Group(ast, ref, bound));
                }
            }
            st.aggregating = aggregating;
            if (aggregating) st.groupScope = groupScope(st, outer);

            List<Expr> outputs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Item item : items) {
                outputs.add(bindItem(item, scope, st));
                names.add(item.name);
            }
            Expr having = s.having() == null ? null
                    : exprs.toBoolean(exprs.bind(s.having(), scope, st, Clause.HAVING), s.having().position());
            Expr qualify = s.qualify() == null ? null
                    : exprs.toBoolean(exprs.bind(s.qualify(), scope, st, Clause.QUALIFY), s.qualify().position());
            if (qualify != null && st.windows.isEmpty()) {
                throw new MallardException.Binder(ctx.at("QUALIFY needs at least one window function in the query", s.qualify().position()));
            }

            // ORDER BY: select aliases and ordinals first, then any expression (added as a hidden column).
            List<PendingKey> sortKeys = new ArrayList<>();
            List<Expr> hidden = new ArrayList<>();
            if (orderBy instanceof OrderByAll all) {
                for (int i = 0; i < outputs.size(); i++) {
                    SortKey key = allKey(new Constant(null, LogicalType.NULL), all);
                    sortKeys.add(new PendingKey(i, key.ascending(), key.nullsFirst()));
                }
            } else if (orderBy instanceof OrderByItems oi) {
                for (SortItem item : oi.items()) {
                    int k = outputPosition(item.expression(), items, outputs.size());
                    if (k < 0) {
                        Expr e = exprs.bind(item.expression(), scope, st, Clause.ORDER_BY);
                        k = outputs.indexOf(e);
                        if (k < 0 || !(e instanceof ColumnRef)) {
                            if (s.distinct()) {
                                throw new MallardException.Binder(ctx.at(
                                        "for SELECT DISTINCT, ORDER BY expressions must appear in the select list", item.position()));
                            }
                            hidden.add(e);
                            k = outputs.size() + hidden.size() - 1;
                        }
                    }
                    SortKey key = exprs.sortKey(new Constant(null, LogicalType.NULL), item);
                    sortKeys.add(new PendingKey(k, key.ascending(), key.nullsFirst()));
                }
            }

            if (st.aggregating) {
                List<Assignment> groups = new ArrayList<>();
                for (SelectState.Group g : st.groups) groups.add(new Assignment(g.ref(), g.bound()));
                List<LogicalPlan.AggregateCall> aggs = st.aggregates.stream().map(SelectState.Aggregate::call).toList();
                plan = new LogicalPlan.Aggregate(plan, groups, aggs);
            }
            if (having != null) plan = new LogicalPlan.Filter(plan, having);
            if (!st.windows.isEmpty()) plan = new LogicalPlan.Window(plan, st.windows.stream().map(SelectState.Window::call).toList());
            if (qualify != null) plan = new LogicalPlan.Filter(plan, qualify);

            List<Assignment> projections = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                Expr e = outputs.get(i);
                projections.add(new Assignment(ColumnIds.fresh(names.get(i), e.type()), e));
            }
            for (Expr e : hidden) projections.add(new Assignment(ColumnIds.fresh("order", e.type()), e));
            plan = new LogicalPlan.Project(plan, projections);
            List<ColumnRef> projected = plan.outputs();

            if (!s.distinctOn().isEmpty()) {
                plan = distinctOn(plan, s.distinctOn(), items, outputs, projected, sortKeys, scope, st);
            } else if (s.distinct()) {
                List<Assignment> keys = new ArrayList<>();
                List<ColumnRef> distinctOuts = new ArrayList<>();
                for (ColumnRef r : projected) {
                    ColumnRef k = ColumnIds.fresh(r.name(), r.type());
                    keys.add(new Assignment(k, r));
                    distinctOuts.add(k);
                }
                plan = new LogicalPlan.Aggregate(plan, keys, List.of());
                projected = distinctOuts;
            }
            if (!sortKeys.isEmpty()) {
                List<SortKey> resolved = new ArrayList<>();
                for (PendingKey k : sortKeys) resolved.add(new SortKey(projected.get(k.slot), k.ascending, k.nullsFirst));
                plan = new LogicalPlan.Sort(plan, resolved);
            }
            plan = applyLimit(plan, limit, offset);
            if (!hidden.isEmpty()) {
                List<Assignment> visible = new ArrayList<>();
                for (int i = 0; i < outputs.size(); i++) {
                    ColumnRef r = projected.get(i);
                    visible.add(new Assignment(ColumnIds.fresh(r.name(), r.type()), r));
                }
                plan = new LogicalPlan.Project(plan, visible);
            }
            return new Bound(plan, names);
        } finally {
            windowDefinitions.pop();
        }
    }

    /** A sort key on output column {@code slot}, resolved to a symbol once the projection exists. */
    private record PendingKey(int slot, boolean ascending, boolean nullsFirst) {}

    /** Which select output an ORDER BY item names directly (ordinal or alias), or -1. */
    private int outputPosition(Expression e, List<Item> items, int count) {
        if (e instanceof IntegerLiteral n) return ordinal(n, count) - 1;
        if (e instanceof dev.mallard.sql.tree.ColumnRef c && c.name().size() == 1) {
            String name = c.name().last().value();
            for (int i = 0; i < items.size(); i++) {
                Item it = items.get(i);
                if (it.name.equalsIgnoreCase(name)) return i;
            }
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).ast != null && AstEquality.equal(items.get(i).ast, e)) return i;
        }
        return -1;
    }

    private Expr bindItem(Item item, Scope scope, SelectState st) {
        if (item.starColumn != null) {
            if (!st.aggregating) return item.starColumn;
            for (SelectState.Group g : st.groups) {
                if (g.bound() instanceof ColumnRef r && r.id() == item.starColumn.id()) return g.ref();
            }
            throw MallardException.Binder.grouping("column \"" + item.name + "\" must appear in the GROUP BY clause or be used in an aggregate function");
        }
        return exprs.bind(item.ast, scope, st, Clause.SELECT);
    }

    /** GROUP BY items as syntax, with ordinals and select aliases replaced by the select expressions. */
    private List<Object> groupExpressions(Select s, List<Item> items, Scope scope) {
        if (s.groupBy() == null) return null;
        List<Object> out = new ArrayList<>();
        switch (s.groupBy()) {
            case GroupByAll all -> {
                for (Item it : items) {
                    if (it.starColumn != null) {
                        out.add(it.starColumn);
                    } else if (!AggregateFinder.containsAggregate(it.ast) && !AggregateFinder.containsWindow(it.ast)
                            && !AggregateFinder.isConstant(it.ast)) {
                        out.add(it.ast);
                    }
                }
            }
            case GroupByExpressions ge -> {
                for (Expression g : ge.expressions()) {
                    if (g instanceof IntegerLiteral n) {
                        Item it = items.get(ordinal(n, items.size()) - 1);
                        out.add(it.starColumn != null ? it.starColumn : it.ast);
                    } else if (g instanceof dev.mallard.sql.tree.ColumnRef c && c.name().size() == 1
                            && ExpressionBinder.resolve(scope, null, c.name().last().value()) == null) {
                        Object alias = null;
                        for (Item it : items) {
                            if (it.name.equalsIgnoreCase(c.name().last().value())) {
                                alias = it.starColumn != null ? it.starColumn : it.ast;
                                break;
                            }
                        }
                        out.add(alias != null ? alias : g);
                    } else {
                        out.add(g);
                    }
                }
            }
            case GroupingSets gs -> throw new MallardException.NotImplemented(ctx.at("GROUPING SETS are not supported yet",
                    gs.position()));
        }
        return out;
    }

    private Scope groupScope(SelectState st, Scope outer) {
        List<Scope.Column> cols = new ArrayList<>();
        for (SelectState.Group g : st.groups) {
            if (!(g.bound() instanceof ColumnRef r)) continue;
            for (Scope.Column c : st.fromScope.columns()) {
                if (c.ref().id() == r.id()) cols.add(new Scope.Column(c.relation(), c.name(), g.ref(), c.hidden()));
            }
            for (Scope.Column c : st.fromScope.merged()) {
                if (c.ref().id() == r.id()) cols.add(new Scope.Column(c.relation(), c.name(), g.ref(), c.hidden()));
            }
        }
        return new Scope(outer, cols, List.of());
    }

    private List<Item> expandItems(List<SelectItem> selectItems, Scope scope) {
        List<Item> items = new ArrayList<>();
        for (SelectItem si : selectItems) {
            switch (si) {
                case SelectExpression se -> items.add(new Item(se.expression(), null,
                        se.alias() != null ? se.alias().value() : ExpressionNames.of(se.expression())));
                case SelectStar star -> expandStar(star, scope, items);
            }
        }
        return items;
    }

    private void expandStar(SelectStar star, Scope scope, List<Item> items) {
        List<Scope.Column> cols = new ArrayList<>();
        if (star.qualifier() != null) {
            String q = star.qualifier().last().value();
            for (Scope.Column c : scope.columns()) {
                if (!c.starOnly() && c.relation() != null && c.relation().equalsIgnoreCase(q)) cols.add(c);
            }
            if (cols.isEmpty()) {
                throw MallardException.Catalog.undefinedTable(ctx.at("no table named \"" + q + "\" in the FROM clause", star.position()));
            }
        } else {
            for (Scope.Column c : scope.columns()) if (!c.hidden()) cols.add(c);
        }
        Set<String> excluded = new HashSet<>();
        for (Identifier x : star.exclude()) {
            String name = x.value().toLowerCase(Locale.ROOT);
            if (cols.stream().noneMatch(c -> c.name().equalsIgnoreCase(name))) {
                throw MallardException.Catalog.undefinedColumn(ctx.at("column \"" + x.value() + "\" in EXCLUDE list not found"
                        + NameSuggestions.hint(x.value(), cols.stream().map(Scope.Column::name).toList()), x.position()));
            }
            excluded.add(name);
        }
        if (cols.isEmpty()) throw new MallardException.Binder(ctx.at("SELECT * with no tables specified is not valid", star.position()));
        for (Scope.Column c : cols) {
            if (excluded.contains(c.name().toLowerCase(Locale.ROOT))) continue;
            StarReplacement rep = null;
            for (StarReplacement r : star.replace()) if (r.column().matches(c.name())) rep = r;
            if (rep != null) items.add(new Item(rep.expression(), null, c.name()));
            else items.add(new Item(null, c.ref(), c.name()));
        }
    }

    /** DISTINCT ON: keep the first row per key in ORDER BY order, via row_number() over the keys. */
    private LogicalPlan distinctOn(LogicalPlan plan, List<Expression> on, List<Item> items, List<Expr> outputs,
                                   List<ColumnRef> projected, List<PendingKey> sortKeys, Scope scope, SelectState st) {
        List<Expr> partition = new ArrayList<>();
        for (Expression e : on) {
            int k = outputPosition(e, items, outputs.size());
            if (k < 0) throw new MallardException.NotImplemented(ctx.at("DISTINCT ON expressions must appear in the select list", e.position()));
            partition.add(projected.get(k));
        }
        List<SortKey> order = new ArrayList<>();
        for (PendingKey k : sortKeys) order.add(new SortKey(projected.get(k.slot), k.ascending, k.nullsFirst));
        ColumnRef rn = ColumnIds.fresh("row_number", LogicalType.BIGINT);
        LogicalPlan w = new LogicalPlan.Window(plan, List.of(new LogicalPlan.WindowCall(rn, LogicalPlan.WindowFunctionKind.ROW_NUMBER,
                null, List.of(), false, null, false, partition, order,
                new LogicalPlan.Frame(LogicalPlan.FrameUnit.ROWS, new LogicalPlan.FrameBound(LogicalPlan.BoundKind.UNBOUNDED_PRECEDING, null),
                        new LogicalPlan.FrameBound(LogicalPlan.BoundKind.CURRENT_ROW, null)))));
        Expr first = exprs.comparison(ComparisonOperator.EQUAL, rn, new Constant(1L, LogicalType.BIGINT), Position.UNKNOWN);
        LogicalPlan f = new LogicalPlan.Filter(w, first);
        List<Assignment> keep = new ArrayList<>();
        for (ColumnRef r : projected) keep.add(new Assignment(r, r));
        return new LogicalPlan.Project(f, keep);
    }

    WindowSpec resolveWindow(WindowSpec spec) {
        if (spec.baseWindow() == null) return spec;
        for (List<WindowDefinition> defs : windowDefinitions) {
            for (WindowDefinition d : defs) {
                if (d.name().matches(spec.baseWindow().value())) {
                    WindowSpec base = resolveWindow(d.spec());
                    return new WindowSpec(spec.position(), null,
                            spec.partitionBy().isEmpty() ? base.partitionBy() : spec.partitionBy(),
                            spec.orderBy().isEmpty() ? base.orderBy() : spec.orderBy(),
                            spec.frame() != null ? spec.frame() : base.frame());
                }
            }
        }
        throw new MallardException.Binder(ctx.at("window \"" + spec.baseWindow().value() + "\" does not exist", spec.position()));
    }

    // ---- LIMIT ---------------------------------------------------------------------------------

    private LogicalPlan applyLimit(LogicalPlan plan, Expression limit, Expression offset) {
        if (limit == null && offset == null) return plan;
        long l = limit == null ? -1 : constantLong(limit, "LIMIT");
        long o = offset == null ? 0 : constantLong(offset, "OFFSET");
        if (l < -1) l = -1;
        if (l == -1 && o == 0) return plan;
        return new LogicalPlan.Limit(plan, l, o);
    }

    private long constantLong(Expression e, String what) {
        Expr bound = exprs.bind(e, Scope.empty(null), Clause.OTHER);
        // The plan's Limit holds numbers fixed at bind time; a subquery would reach the executor unplanned.
        if (Exprs.containsSubquery(bound)) {
            throw new MallardException.NotImplemented(ctx.at(what + " with a subquery is not supported yet", e.position()));
        }
        Object v = ExpressionEvaluator.evaluateConstant(ExpressionBinder.cast(bound, LogicalType.BIGINT, false));
        if (v == null) return -1;
        long n = ((Number) v).longValue();
        if (n < 0) throw new MallardException.Binder(ctx.at(what + " must not be negative", e.position()));
        return n;
    }

    // ---- VALUES and set operations -------------------------------------------------------------------

    private Bound bindValues(dev.mallard.sql.tree.Values v, Scope outer) {
        int width = v.rows().get(0).size();
        List<List<Expr>> rows = new ArrayList<>();
        for (List<Expression> row : v.rows()) {
            if (row.size() != width) {
                throw new MallardException.Binder(ctx.at("VALUES lists must all be the same length", v.position()));
            }
            List<Expr> bound = new ArrayList<>();
            for (Expression e : row) bound.add(exprs.bind(e, outer == null ? Scope.empty(null) : outer, Clause.OTHER));
            rows.add(bound);
        }
        List<ColumnRef> outs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<List<Expr>> typed = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) typed.add(new ArrayList<>());
        for (int c = 0; c < width; c++) {
            List<Expr> column = new ArrayList<>();
            for (List<Expr> row : rows) column.add(row.get(c));
            List<Expr> u = exprs.unify(column, "combine in one VALUES column", v.position());
            LogicalType t = u.get(0).type();
            if (t.id() == TypeId.NULL) {
                t = LogicalType.INTEGER;
                List<Expr> nulls = new ArrayList<>();
                for (int r = 0; r < u.size(); r++) nulls.add(new Constant(null, t));
                u = nulls;
            }
            for (int r = 0; r < rows.size(); r++) typed.get(r).add(u.get(r));
            names.add("col" + c);
            outs.add(ColumnIds.fresh("col" + c, t));
        }
        return new Bound(new LogicalPlan.Values(outs, typed), names);
    }

    private Bound bindSetOperation(SetOperation op, Scope outer) {
        if (op.byName()) throw new MallardException.NotImplemented(ctx.at("UNION BY NAME is not supported yet", op.position()));
        Bound left = bindBody(op.left(), outer);
        Bound right = bindBody(op.right(), outer);
        int n = left.plan().outputs().size();
        if (right.plan().outputs().size() != n) {
            throw new MallardException.Binder(ctx.at("each " + op.operator() + " query must have the same number of columns: "
                    + n + " vs " + right.plan().outputs().size(), op.position()));
        }
        List<LogicalType> types = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LogicalType a = left.plan().outputs().get(i).type();
            LogicalType b = right.plan().outputs().get(i).type();
            LogicalType t = Functions.commonTypeOrNull(a, b);
            if (t == null) {
                if (a.id() == TypeId.VARCHAR || b.id() == TypeId.VARCHAR) t = LogicalType.VARCHAR;
                else throw MallardException.Binder.typeMismatch(ctx.at(op.operator() + " types " + a + " and " + b
                        + " cannot be matched (column " + (i + 1) + ")", op.position()));
            }
            if (t.id() == TypeId.NULL) t = LogicalType.INTEGER;
            types.add(t);
        }
        LogicalPlan l = castOutputs(left.plan(), types);
        LogicalPlan r = castOutputs(right.plan(), types);
        List<ColumnRef> outs = new ArrayList<>();
        for (int i = 0; i < n; i++) outs.add(ColumnIds.fresh(left.names().get(i), types.get(i)));
        LogicalPlan.SetOpKind kind = switch (op.operator()) {
            case UNION -> LogicalPlan.SetOpKind.UNION;
            case INTERSECT -> LogicalPlan.SetOpKind.INTERSECT;
            case EXCEPT -> LogicalPlan.SetOpKind.EXCEPT;
        };
        return new Bound(new LogicalPlan.SetOperation(kind, op.all(), l, r, outs), left.names());
    }

    private static LogicalPlan castOutputs(LogicalPlan plan, List<LogicalType> types) {
        List<ColumnRef> outs = plan.outputs();
        boolean same = true;
        for (int i = 0; i < outs.size(); i++) same &= outs.get(i).type().equals(types.get(i));
        if (same) return plan;
        List<Assignment> a = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            ColumnRef r = outs.get(i);
            a.add(new Assignment(ColumnIds.fresh(r.name(), types.get(i)), ExpressionBinder.cast(r, types.get(i), false)));
        }
        return new LogicalPlan.Project(plan, a);
    }

    // ---- FROM ------------------------------------------------------------------------------------

    private From singleRow(Scope outer) {
        ColumnRef dummy = ColumnIds.fresh("dummy", LogicalType.INTEGER);
        LogicalPlan plan = new LogicalPlan.Values(List.of(dummy), List.of(List.of(new Constant(0, LogicalType.INTEGER))));
        return new From(plan, Scope.empty(outer));
    }

    From bindRelation(Relation relation, Scope outer) {
        return switch (relation) {
            case TableRef t -> bindTable(t, outer);
            case SubqueryRelation sq -> {
                Bound b = bindQuery(sq.query(), outer);
                yield derived(b, sq.alias(), "unnamed_subquery", outer, sq.position());
            }
            case TableFunction tf -> bindTableFunction(tf, outer);
            case FileRelation f -> {
                dev.mallard.function.table.FileScan scan;
                try {
                    scan = dev.mallard.function.table.FileFormats.fromPath(f.path());
                } catch (MallardException e) {
                    throw new MallardException(e.sqlState(), ctx.at(e.getMessage(), f.position()), e);
                }
                yield functionScan(scan, f.alias(), f.position(), fileRelationName(f.path()), outer);
            }
            case Join j -> bindJoin(j, outer);
        };
    }

    private From bindTable(TableRef t, Scope outer) {
        QualifiedName name = t.name();
        if (name.size() == 1) {
            for (int i = visibleCtes - 1; i >= 0; i--) {
                Cte cte = ctes.get(i);
                if (cte.definition().name().matches(name.last().value())) return bindCte(cte, t, outer);
            }
        }
        String schema = name.size() >= 2 ? name.parts().get(name.size() - 2).value() : null;
        if (schema != null && !ctx.catalog().hasSchema(schema)) {
            throw MallardException.Catalog.undefinedTable(ctx.at("schema \"" + schema + "\" does not exist", t.position()));
        }
        CatalogEntry entry = ctx.catalog().find(schema, name.last().value());
        if (entry == null && schema == null && ctx.session().find(name.last().value()) != null) {
            dev.mallard.function.table.BoundTableFunction rows = ctx.session().find(name.last().value());
            return functionScan(rows, t.alias(), t.position(), rows.name(), outer);
        }
        if (entry == null) {
            List<String> candidates = new ArrayList<>(ctx.catalog().names(schema));
            for (int i = 0; i < visibleCtes; i++) candidates.add(ctes.get(i).definition().name().value());
            throw MallardException.Catalog.undefinedTable(ctx.at("table \"" + name + "\" does not exist"
                    + NameSuggestions.hint(name.last().value(), candidates), t.position()));
        }
        String relationName = t.alias() != null ? t.alias().name().value() : entry.name();
        return switch (entry) {
            case TableEntry table -> {
                List<ColumnRef> outs = new ArrayList<>();
                List<Integer> idx = new ArrayList<>();
                List<String> names = aliasNames(table.columnNames(), t.alias(), t.position());
                for (int i = 0; i < table.columns().size(); i++) {
                    outs.add(ColumnIds.fresh(names.get(i), table.columns().get(i).type()));
                    idx.add(i);
                }
                LogicalPlan plan = new LogicalPlan.Get(table, idx, outs);
                yield new From(plan, scopeOf(relationName, names, outs, outer));
            }
            case ViewEntry view -> {
                if (++viewDepth > 32) throw new MallardException.Binder("view \"" + view.name() + "\" refers to itself");
                try {
                    Statement st = SqlParser.parseOne(view.sql());
                    if (!(st instanceof Query q)) throw new MallardException.Internal("view body is not a query");
                    QueryBinder inner = new QueryBinder(ctx.forSql(view.sql()));
                    inner.viewDepth = viewDepth;
                    Bound b = inner.bindQuery(q, null);
                    List<String> names = new ArrayList<>(b.names());
                    for (int i = 0; i < view.columnAliases().size() && i < names.size(); i++) names.set(i, view.columnAliases().get(i));
                    yield derived(new Bound(b.plan(), names), t.alias(), view.name(), outer, t.position());
                } finally {
                    viewDepth--;
                }
            }
        };
    }

    /** A recursive CTE is a UNION [ALL] whose right side names the CTE itself. */
    private static boolean selfReferencing(CommonTableExpression cte) {
        return cte.query().body() instanceof SetOperation op && op.operator() == SetOperator.UNION
                && AstSearch.mentionsTable(op.right(), cte.name().value());
    }

    /** Runs the recursion now and keeps its rows: references to the CTE then scan them. */
    private Cte materializeRecursive(CommonTableExpression cte, Scope outer) {
        if (ctx.recursion() == null) {
            throw new MallardException.NotImplemented(ctx.at("WITH RECURSIVE is not available here", cte.position()));
        }
        SetOperation op = (SetOperation) cte.query().body();
        Bound anchor = bindBody(op.left(), outer);
        List<String> names = new ArrayList<>(anchor.names());
        for (int i = 0; i < cte.columns().size() && i < names.size(); i++) names.set(i, cte.columns().get(i).value());
        List<LogicalType> types = anchor.plan().outputs().stream().map(ColumnRef::type).toList();
        int position = ctes.size();
        java.util.function.Function<BoundTableFunction, LogicalPlan> step = working -> {
            int savedSize = ctes.size();
            int savedVisible = visibleCtes;
            ctes.add(new Cte(cte, outer, position, working));
            visibleCtes = ctes.size();
            try {
                Bound b = bindBody(op.right(), outer);
                if (b.plan().outputs().size() != types.size()) {
                    throw new MallardException.Binder(ctx.at("the recursive part of \"" + cte.name().value() + "\" returns "
                            + b.plan().outputs().size() + " columns, the anchor " + types.size(), op.position()));
                }
                return castOutputs(b.plan(), types);
            } finally {
                while (ctes.size() > savedSize) ctes.remove(ctes.size() - 1);
                visibleCtes = savedVisible;
            }
        };
        BoundTableFunction rows = ctx.recursion().run(anchor.plan(), step, op.all(), names);
        return new Cte(cte, outer, position, rows);
    }

    private From bindCte(Cte cte, TableRef ref, Scope outer) {
        if (cte.table() != null) {
            BoundTableFunction fn = cte.table();
            List<ColumnRef> outs = new ArrayList<>();
            for (int i = 0; i < fn.columnNames().size(); i++) outs.add(ColumnIds.fresh(fn.columnNames().get(i), fn.columnTypes().get(i)));
            String relation = ref.alias() != null ? ref.alias().name().value() : cte.definition().name().value();
            List<String> names = aliasNames(fn.columnNames(), ref.alias(), ref.position());
            return new From(new LogicalPlan.TableFunctionScan(fn, outs), scopeOf(relation, names, outs, outer));
        }
        Materialization m = cte.shared();
        Bound b = m != null ? m.definition : null;
        if (b == null) {
            int saved = visibleCtes;
            visibleCtes = cte.visibleCount();
            try {
                b = bindQuery(cte.definition().query(), cte.outer());
            } finally {
                visibleCtes = saved;
            }
            if (m != null) m.definition = b;
        }
        List<String> names = new ArrayList<>(b.names());
        List<Identifier> cols = cte.definition().columns();
        for (int i = 0; i < cols.size() && i < names.size(); i++) names.set(i, cols.get(i).value());
        if (m != null) {
            List<ColumnRef> outs = new ArrayList<>();
            for (ColumnRef r : b.plan().outputs()) outs.add(ColumnIds.fresh(r.name(), r.type()));
            b = new Bound(new LogicalPlan.CteScan(m.id, outs, m.definition.plan()), names);
        }
        return derived(new Bound(b.plan(), names), ref.alias(), cte.definition().name().value(), outer, ref.position());
    }

    /** A subquery, view or CTE as a FROM item: fresh symbols so two references never share columns. */
    private From derived(Bound b, Alias alias, String defaultName, Scope outer, Position pos) {
        List<String> names = aliasNames(b.names(), alias, pos);
        String relation = alias != null ? alias.name().value() : defaultName;
        return new From(b.plan(), scopeOf(relation, names, b.plan().outputs(), outer));
    }

    private List<String> aliasNames(List<String> names, Alias alias, Position pos) {
        if (alias == null || alias.columns().isEmpty()) return names;
        if (alias.columns().size() > names.size()) {
            throw new MallardException.Binder(ctx.at("table \"" + alias.name().value() + "\" has " + names.size()
                    + " columns available but " + alias.columns().size() + " columns specified", pos));
        }
        List<String> out = new ArrayList<>(names);
        for (int i = 0; i < alias.columns().size(); i++) out.set(i, alias.columns().get(i).value());
        return out;
    }

    private static Scope scopeOf(String relation, List<String> names, List<ColumnRef> refs, Scope outer) {
        List<Scope.Column> cols = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) cols.add(new Scope.Column(relation, names.get(i), refs.get(i), false));
        return new Scope(outer, cols, List.of());
    }

    /** A file read as a table is named by its file name without extensions: FROM 'data/stops.csv.gz' is "stops". */
    private static String fileRelationName(String path) {
        String file = path.replace('\\', '/');
        file = file.substring(file.lastIndexOf('/') + 1);
        int dot = file.indexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** A table function as a relation: fresh columns, named by the alias when given, else {@code relation}. */
    private From functionScan(BoundTableFunction fn, Alias alias, Position position, String relation, Scope outer) {
        List<ColumnRef> outs = new ArrayList<>();
        for (int i = 0; i < fn.columnNames().size(); i++) outs.add(ColumnIds.fresh(fn.columnNames().get(i), fn.columnTypes().get(i)));
        List<String> names = aliasNames(fn.columnNames(), alias, position);
        return new From(new LogicalPlan.TableFunctionScan(fn, outs), scopeOf(alias != null ? alias.name().value() : relation, names, outs, outer));
    }

    /** The named arguments of a call as written ({@code header=true, delim=';'}), for reject_scans and sniff_csv. */
    private static String namedArguments(TableFunction tf) {
        return tf.arguments().stream().filter(a -> a.name() != null)
                .map(a -> a.name().value() + "=" + dev.mallard.sql.tree.SqlFormatter.format(a.value()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** read_csv('a.csv', header = true), read_parquet(['a.parquet', 'b.parquet'], hive_partitioning = true), ... */
    private From bindReadFunction(TableFunction tf, String name, Scope outer) {
        List<String> paths = new ArrayList<>();
        java.util.Map<String, Object> options = new java.util.LinkedHashMap<>();
        for (Argument a : tf.arguments()) {
            Object v = optionValue(a.value());
            if (a.name() != null) {
                options.put(a.name().value().toLowerCase(Locale.ROOT), v);
            } else if (paths.isEmpty() && v instanceof String s) {
                paths.add(s);
            } else if (paths.isEmpty() && v instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(x -> x instanceof String)) {
                for (Object x : list) paths.add((String) x);
            } else {
                throw new MallardException.Binder(ctx.at(name + " takes a file name or a list of them, then named options"
                        + " (name = value)", a.position()));
            }
        }
        if (paths.isEmpty()) throw new MallardException.Binder(ctx.at(name + " needs a file name", tf.position()));
        if (name.equals("sniff_csv")) {
            String arguments = namedArguments(tf);
            BoundTableFunction sniffed;
            try {
                if (paths.size() != 1) throw MallardException.Data.invalidArgument("sniff_csv takes one file name");
                sniffed = dev.mallard.function.table.FileFormats.sniffCsv(paths.get(0), new dev.mallard.io.ReadOptions(options), arguments);
            } catch (MallardException e) {
                throw new MallardException(e.sqlState(), ctx.at(e.getMessage(), tf.position()), e);
            }
            return functionScan(sniffed, tf.alias(), tf.position(), name, outer);
        }
        dev.mallard.function.table.FileScan scan;
        try {
            dev.mallard.io.ReadOptions read = new dev.mallard.io.ReadOptions(options);
            java.util.function.Function<List<String>, dev.mallard.io.Rejects> rejects = null;
            if (read.bool("store_rejects", false)) {
                String arguments = namedArguments(tf);
                rejects = files -> ctx.session().rejects(read.string("rejects_table", "reject_errors"),
                        read.string("rejects_scan", "reject_scans"), files, arguments);
            } else if (read.bool("ignore_errors", false)) {
                rejects = files -> dev.mallard.io.Rejects.IGNORE;
            }
            scan = dev.mallard.function.table.FileFormats.readFunction(name, paths, read, rejects);
        } catch (MallardException e) {
            throw new MallardException(e.sqlState(), ctx.at(e.getMessage(), tf.position()), e);
        }
        // one file: named after it, as FROM 'file' is, so two files can be joined without aliases
        return functionScan(scan, tf.alias(), tf.position(), paths.size() == 1 && !dev.mallard.io.FileGlob.isGlob(paths.get(0))
                ? fileRelationName(paths.get(0)) : name, outer);
    }

    /** An option's value as plain Java: text, numbers, booleans, lists for [...], maps for {...}. */
    private Object optionValue(Expression e) {
        if (e instanceof ListLiteral l) {
            List<Object> out = new ArrayList<>();
            for (Expression item : l.items()) out.add(optionValue(item));
            return out;
        }
        if (e instanceof StructLiteral s) {
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            for (StructLiteral.Field f : s.fields()) out.put(f.name(), optionValue(f.value()));
            return out;
        }
        Expr bound = exprs.bind(e, Scope.empty(null), Clause.OTHER);
        Object v;
        try {
            v = ExpressionEvaluator.evaluateConstant(bound);
        } catch (MallardException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            throw new MallardException.Binder(ctx.at("options of read functions must be constants", e.position()));
        }
        if (v == null) return null;
        return switch (bound.type().id()) {
            case VARCHAR -> v;
            case BOOLEAN -> v;
            case TINYINT, SMALLINT, INTEGER, BIGINT -> ((Number) v).longValue();
            case REAL, DOUBLE -> ((Number) v).doubleValue();
            default -> dev.mallard.types.Values.toText(bound.type(), v);
        };
    }

    private From bindTableFunction(TableFunction tf, Scope outer) {
        String name = tf.name().last().value().toLowerCase(Locale.ROOT);
        if (dev.mallard.function.table.FileFormats.isReadFunction(name) || name.equals("sniff_csv")) return bindReadFunction(tf, name, outer);
        List<Values.Typed> args = new ArrayList<>();
        for (Argument a : tf.arguments()) {
            Expr e = exprs.bind(a.value(), Scope.empty(null), Clause.OTHER);
            Object v;
            try {
                v = ExpressionEvaluator.evaluateConstant(e);
            } catch (MallardException ex) {
                throw ex;
            } catch (RuntimeException ex) {
                throw new MallardException.Binder(ctx.at("arguments of table function " + name + " must be constants", a.position()));
            }
            args.add(new Values.Typed(e.type(), v));
        }
        BoundTableFunction fn;
        try {
            fn = TableFunctions.bind(name, args);
        } catch (MallardException e) {
            throw new MallardException(e.sqlState(), ctx.at(e.getMessage(), tf.position()), e);
        }
        return functionScan(fn, tf.alias(), tf.position(), name, outer);
    }

    private From bindJoin(Join j, Scope outer) {
        From left = bindRelation(j.left(), outer);
        boolean lateral = j.right() instanceof SubqueryRelation sq && sq.lateral()
                || j.right() instanceof TableFunction tf && tf.lateral();
        From right = bindRelation(j.right(), lateral ? left.scope() : outer);
        for (String r : right.scope().relations()) {
            if (left.scope().relations().contains(r)) {
                throw new MallardException.Binder("42712", ctx.at("table name \"" + r + "\" specified more than once; give one of them an alias",
                        j.position()));
            }
        }
        JoinType type = switch (j.type()) {
            case INNER, CROSS -> JoinType.INNER;
            case LEFT -> JoinType.LEFT;
            case RIGHT -> JoinType.RIGHT;
            case FULL -> JoinType.FULL;
        };
        List<Scope.Column> cols = new ArrayList<>();
        cols.addAll(left.scope().columns());
        cols.addAll(right.scope().columns());
        List<Scope.Column> merged = new ArrayList<>(left.scope().merged());
        merged.addAll(right.scope().merged());

        List<String> using = new ArrayList<>();
        for (Identifier u : j.using()) using.add(u.value());
        if (j.natural()) {
            for (Scope.Column lc : visible(left.scope())) {
                for (Scope.Column rc : visible(right.scope())) {
                    if (lc.name().equalsIgnoreCase(rc.name()) && using.stream().noneMatch(x -> x.equalsIgnoreCase(lc.name()))) {
                        using.add(lc.name());
                    }
                }
            }
        }
        if (j.natural() && using.isEmpty()) {
            throw new MallardException.Binder(ctx.at("NATURAL JOIN found no columns with the same name on both sides; use CROSS JOIN",
                    j.position()));
        }
        Expr condition = null;
        LogicalPlan plan;
        if (!using.isEmpty()) {
            List<Expr> conjuncts = new ArrayList<>();
            List<Assignment> coalesced = new ArrayList<>();
            Set<Integer> hide = new HashSet<>();
            java.util.Map<Integer, ColumnRef> shownAs = new java.util.HashMap<>();
            for (String name : using) {
                ColumnRef l = findUsing(left.scope(), name, "left", j.position());
                ColumnRef r = findUsing(right.scope(), name, "right", j.position());
                conjuncts.add(exprs.comparison(ComparisonOperator.EQUAL, l, r, j.position()));
                hide.add(l.id());
                hide.add(r.id());
                ColumnRef visibleRef = switch (type) {
                    case RIGHT -> r;
                    case FULL -> {
                        LogicalType t = Functions.commonType(l.type(), r.type(), "merge USING column");
                        ColumnRef c = ColumnIds.fresh(name, t);
                        coalesced.add(new Assignment(c, new Expr.Coalesce(List.of(ExpressionBinder.cast(l, t, false),
                                ExpressionBinder.cast(r, t, false)), t)));
                        yield c;
                    }
                    default -> l;
                };
                merged.removeIf(m -> m.name().equalsIgnoreCase(name));
                merged.add(new Scope.Column(null, name, visibleRef, false));
                shownAs.put(l.id(), visibleRef);
            }
            condition = conjuncts.size() == 1 ? conjuncts.get(0) : new Expr.And(conjuncts);
            // SELECT * shows the merged column where the left one stood (DuckDB's order), and not the right one.
            List<Scope.Column> marked = new ArrayList<>();
            for (Scope.Column c : cols) {
                if (!hide.contains(c.ref().id())) {
                    marked.add(c);
                    continue;
                }
                marked.add(new Scope.Column(c.relation(), c.name(), c.ref(), true, c.starOnly()));
                ColumnRef shown = shownAs.get(c.ref().id());
                if (shown != null) marked.add(new Scope.Column(c.relation(), c.name(), shown, false, true));
            }
            cols = marked;
            plan = new LogicalPlan.Join(type, left.plan(), right.plan(), condition, null, false);
            if (!coalesced.isEmpty()) {
                List<Assignment> all = new ArrayList<>();
                for (ColumnRef r : plan.outputs()) all.add(new Assignment(r, r));
                all.addAll(coalesced);
                plan = new LogicalPlan.Project(plan, all);
            }
        } else {
            Scope joined = new Scope(outer, cols, merged);
            if (j.on() != null) condition = exprs.toBoolean(exprs.bind(j.on(), joined, Clause.JOIN), j.on().position());
            if (j.type() != dev.mallard.sql.tree.JoinType.CROSS && j.on() == null && type != JoinType.INNER) {
                throw new MallardException.Binder(ctx.at(j.type() + " JOIN needs an ON or USING condition", j.position()));
            }
            plan = new LogicalPlan.Join(type, left.plan(), right.plan(), condition, null, false);
        }
        return new From(plan, new Scope(outer, cols, merged));
    }

    private static List<Scope.Column> visible(Scope s) {
        List<Scope.Column> out = new ArrayList<>(s.merged());
        for (Scope.Column c : s.columns()) if (!c.hidden()) out.add(c);
        return out;
    }

    private ColumnRef findUsing(Scope s, String name, String side, Position pos) {
        ColumnRef r = s.findLocal(null, name);
        if (r == null) {
            throw MallardException.Catalog.undefinedColumn(ctx.at("column \"" + name + "\" specified in USING clause does not exist in "
                    + side + " table", pos));
        }
        return r;
    }
}
