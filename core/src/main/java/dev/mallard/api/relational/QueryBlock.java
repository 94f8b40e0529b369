package dev.mallard.api.relational;

import dev.mallard.sql.tree.Alias;
import dev.mallard.sql.tree.ColumnRef;
import dev.mallard.sql.tree.Expression;
import dev.mallard.sql.tree.FileRelation;
import dev.mallard.sql.tree.GroupBy;
import dev.mallard.sql.tree.Identifier;
import dev.mallard.sql.tree.IntegerLiteral;
import dev.mallard.sql.tree.Join;
import dev.mallard.sql.tree.JoinType;
import dev.mallard.sql.tree.Logical;
import dev.mallard.sql.tree.LogicalOperator;
import dev.mallard.sql.tree.OrderByItems;
import dev.mallard.sql.tree.Position;
import dev.mallard.sql.tree.Query;
import dev.mallard.sql.tree.QueryBody;
import dev.mallard.sql.tree.Relation;
import dev.mallard.sql.tree.Select;
import dev.mallard.sql.tree.SelectItem;
import dev.mallard.sql.tree.SelectStar;
import dev.mallard.sql.tree.SetOperation;
import dev.mallard.sql.tree.SetOperator;
import dev.mallard.sql.tree.SortItem;
import dev.mallard.sql.tree.SqlFormatter;
import dev.mallard.sql.tree.SubqueryRelation;
import dev.mallard.sql.tree.TableRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The query a relation stands for, as the parser's tree, grown one step at a time. A step goes
 * into a free clause of the current SELECT block when SQL's fixed clause order (FROM, WHERE,
 * GROUP BY, SELECT, DISTINCT, ORDER BY, LIMIT) gives the same rows as applying the steps one after
 * the other: a filter of a plain scan is its WHERE, a projection of the filtered rows its select
 * list, a sort of those its ORDER BY. Any other step first wraps the block as a subquery
 * ({@code SELECT * FROM (block) AS alias}) — a filter after a projection must see the projected
 * names, a second LIMIT must cut the first one's rows. So the SQL reads like what a person would
 * write for the common chains, and is right for all of them; the optimizer pushes filters and
 * column pruning through the nesting that remains.
 *
 * <p>{@code alias} arguments name the wrapping subquery (null: unnamed), so that columns qualified
 * with the relation's name keep resolving after a wrap.
 */
public record QueryBlock(Query query) {
    private static final Position HERE = Position.UNKNOWN;
    private static final SelectStar STAR = new SelectStar(HERE, null, List.of(), List.of());

    /** {@code SELECT * FROM from}. */
    public static QueryBlock scan(Relation from) {
        return new QueryBlock(Query.of(new Select(HERE, false, List.of(), List.of(STAR), from, null, null, null, List.of(), null)));
    }

    /** The SQL text, printed from the tree (names quoted where they need it). */
    public String sql() {
        return SqlFormatter.format(query);
    }

    /** WHERE {@code condition}, ANDed to an existing one. WHERE runs before ORDER BY, so a sorted plain scan still takes it. */
    public QueryBlock filter(Expression condition, String alias) {
        Select s = select();
        if (s == null || !starOnly(s) || s.groupBy() != null || s.distinct() || sliced()) return wrap(alias).filter(condition, alias);
        Expression where = s.where() == null ? condition : and(s.where(), condition);
        return with(new Select(HERE, false, List.of(), s.items(), s.from(), where, null, null, List.of(), null));
    }

    /** The select list (and GROUP BY when {@code groupBy} is not null) of the rows as they are now. */
    public QueryBlock project(List<SelectItem> items, GroupBy groupBy, String alias) {
        Select s = select();
        // After ORDER BY, a merged select list would change what the sort keys mean (ORDER BY sees output names first).
        if (s == null || !starOnly(s) || s.groupBy() != null || s.distinct() || query.orderBy() != null || sliced()) {
            return wrap(alias).project(items, groupBy, alias);
        }
        return with(new Select(HERE, false, List.of(), items, s.from(), s.where(), groupBy, null, List.of(), null));
    }

    /** SELECT DISTINCT of the rows as they are now. */
    public QueryBlock distinct(String alias) {
        Select s = select();
        if (s == null || s.distinct() || query.orderBy() != null || sliced()) return wrap(alias).distinct(alias);
        return with(new Select(HERE, true, List.of(), s.items(), s.from(), s.where(), s.groupBy(), s.having(), s.windows(), s.qualify()));
    }

    /**
     * ORDER BY {@code keys}. Keys that are bare names or ordinals mean the same in the block's
     * ORDER BY as over its output; an expression there would see the block's input columns, so a
     * projected or grouped block is wrapped first.
     */
    public QueryBlock orderBy(List<SortItem> keys, String alias) {
        Select s = select();
        boolean plainRows = s != null && starOnly(s) && s.groupBy() == null && !s.distinct();
        if (query.orderBy() != null || sliced() || !(plainRows || keys.stream().allMatch(k -> outputReference(k.expression())))) {
            return wrap(alias).orderBy(keys, alias);
        }
        return new QueryBlock(new Query(HERE, null, query.body(), new OrderByItems(HERE, keys), null, null));
    }

    /** LIMIT {@code count} OFFSET {@code offset} (no OFFSET when 0). */
    public QueryBlock limit(long count, long offset, String alias) {
        if (sliced()) return wrap(alias).limit(count, offset, alias);
        return new QueryBlock(new Query(HERE, null, query.body(), query.orderBy(), number(count), offset == 0 ? null : number(offset)));
    }

    /** The same rows under the name {@code alias}: a plain scan renames its FROM item, anything else is wrapped. */
    public QueryBlock named(String alias) {
        Select s = select();
        if (bare(s)) {
            Alias name = aliasOf(alias);
            Relation renamed = switch (s.from()) {
                case TableRef t -> new TableRef(HERE, t.name(), name);
                case FileRelation f -> new FileRelation(HERE, f.path(), name);
                case SubqueryRelation q -> new SubqueryRelation(HERE, q.query(), name, false);
                default -> null;
            };
            if (renamed != null) return scan(renamed);
        }
        return wrap(alias);
    }

    /** This query as a FROM item: a plain scan is its own FROM item (keeping its names for a join condition), anything else a subquery. */
    public Relation fromItem(String alias) {
        Select s = select();
        return bare(s) ? s.from() : new SubqueryRelation(HERE, query, aliasOf(alias), false);
    }

    /** {@code left JOIN right ON on} or {@code USING (using)} (one of the two is given). */
    public static QueryBlock join(JoinType type, Relation left, Relation right, Expression on, List<Identifier> using) {
        return scan(new Join(HERE, type, left, right, on, using, false));
    }

    /** {@code left UNION|EXCEPT|INTERSECT [ALL] right}. */
    public static QueryBlock setOperation(SetOperator operator, boolean all, QueryBlock left, QueryBlock right) {
        return new QueryBlock(Query.of(new SetOperation(HERE, operator, all, false, left.operand(), right.operand())));
    }

    private QueryBody operand() {
        return query.hasModifiers() ? query : query.body();
    }

    private QueryBlock wrap(String alias) {
        return scan(new SubqueryRelation(HERE, query, aliasOf(alias), false));
    }

    /** A new block with {@code s} as its body, keeping this one's ORDER BY (the filter case). */
    private QueryBlock with(Select s) {
        return new QueryBlock(new Query(HERE, null, s, query.orderBy(), null, null));
    }

    /** The SELECT block steps can go into; null for a set operation. */
    private Select select() {
        return query.with() == null && query.body() instanceof Select s ? s : null;
    }

    private boolean sliced() {
        return query.limit() != null || query.offset() != null;
    }

    /** {@code SELECT * FROM x} and nothing else: x itself. */
    private boolean bare(Select s) {
        return s != null && starOnly(s) && s.where() == null && s.groupBy() == null && s.having() == null && !s.distinct()
                && s.qualify() == null && s.from() != null && !query.hasModifiers();
    }

    private static boolean starOnly(Select s) {
        return s.items().size() == 1 && s.items().get(0).equals(STAR);
    }

    private static boolean outputReference(Expression e) {
        return e instanceof ColumnRef c && c.name().size() == 1 || e instanceof IntegerLiteral;
    }

    private static Expression and(Expression a, Expression b) {
        List<Expression> terms = new ArrayList<>();
        if (a instanceof Logical l && l.operator() == LogicalOperator.AND) terms.addAll(l.terms());
        else terms.add(a);
        terms.add(b);
        return new Logical(HERE, LogicalOperator.AND, terms);
    }

    private static Alias aliasOf(String alias) {
        return alias == null ? null : new Alias(HERE, Identifier.of(alias), List.of());
    }

    private static Expression number(long n) {
        return new IntegerLiteral(HERE, Long.toString(n));
    }
}
