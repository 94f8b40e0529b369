package dev.mallard.api;

import dev.mallard.MallardException;
import dev.mallard.api.relational.Fragments;
import dev.mallard.api.relational.QueryBlock;
import dev.mallard.api.relational.Sources;
import dev.mallard.api.scan.JavaTables;
import dev.mallard.sql.tree.ColumnRef;
import dev.mallard.sql.tree.Expression;
import dev.mallard.sql.tree.GroupByAll;
import dev.mallard.sql.tree.GroupByExpressions;
import dev.mallard.sql.tree.Identifier;
import dev.mallard.sql.tree.JoinType;
import dev.mallard.sql.tree.Position;
import dev.mallard.sql.tree.SetOperator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A query built step by step, as with DuckDB's relational API:
 * <pre>{@code
 * List<Fare> fares = db.from(trips)                       // a List<Trip>; or "trips", or "trips.parquet"
 *         .filter("fare > 10")
 *         .aggregate("vendor, count(*) AS trips, avg(fare) AS avg_fare")  // grouped by vendor
 *         .orderBy("avg_fare DESC")
 *         .toList(Fare.class);
 * }</pre>
 * Each step takes SQL fragments, parsed when the step is made (a syntax error names the step).
 * Nothing runs until a terminal call ({@link #execute}, {@link #toList}, {@link #stream},
 * {@link #toMaps}, {@link #scalar}, {@link #count}, {@link #explain}, {@link #columns}); the steps
 * then become one SQL statement ({@link #toSql} shows it) that goes through the same binder and
 * optimizer as {@link Database#sql}. An error found then (a misspelt column, say) names the first
 * step that does not bind.
 *
 * <p>Relations are immutable: a step returns a new relation and leaves this one as it was, so one
 * relation can start several queries, from several threads. Java data a relation reads
 * ({@code db.from(list)}) is bound for each query afresh, like {@code db.sql(sql, Map.of(name, list))},
 * so every run sees the collection as it is then (a {@code Stream} can be read by one run only).
 *
 * <p>Names: a table's columns can be qualified with the table's name, anything else's with the
 * name given by {@link #as} — needed to tell the two sides of a self-join apart.
 */
public final class Relation {
    private final Database db;
    private final QueryBlock block;
    /** What columns can be qualified with (trips.fare); null when there is no such name (a file, a join, a set operation). */
    private final String alias;
    /** The Java data the query reads, by the name its SQL binds it under. */
    private final Map<String, Object> data;
    /** How this relation was made, as Java source ({@code filter("fare > 10")}); errors name it. */
    private final String step;
    /** The relations the step applied to: none for a source, two for a join or set operation. */
    private final List<Relation> inputs;

    private Relation(Database db, QueryBlock block, String alias, Map<String, Object> data, String step, List<Relation> inputs) {
        this.db = db;
        this.block = block;
        this.alias = alias;
        this.data = data;
        this.step = step;
        this.inputs = inputs;
    }

    /** {@link Database#from(String)}. */
    static Relation source(Database db, String tableOrFile) {
        String step = call("from", tableOrFile);
        if (tableOrFile == null || tableOrFile.isBlank()) {
            throw MallardException.Data.invalidArgument(step + " needs a table name or a file path");
        }
        return new Relation(db, QueryBlock.scan(Sources.of(tableOrFile)), Sources.qualifier(tableOrFile), Map.of(), step, List.of());
    }

    /** {@link Database#from(Object)}. */
    static Relation source(Database db, Object data) {
        if (data instanceof String text) return source(db, text);
        String name = Sources.javaDataName();
        JavaTables.of(name, data, null); // a collection that cannot be a table fails here, not at the first query
        String step = "from(" + describe(data) + ")";
        return new Relation(db, QueryBlock.scan(Sources.of(name)), name, Map.of(name, data), step, List.of());
    }

    // ---- steps -------------------------------------------------------------------------------

    /** The rows for which {@code condition} (an SQL boolean expression) is true. */
    public Relation filter(String condition) {
        String step = call("filter", condition);
        return next(step, block.filter(Fragments.expression(step, condition), alias));
    }

    /** Each row as the given select items ({@code "vendor", "fare * 1.2 AS gross", "*"}); a text may hold several, comma-separated. */
    public Relation project(String... expressions) {
        return project("project", expressions);
    }

    /** Another name for {@link #project}. */
    public Relation select(String... expressions) {
        return project("select", expressions);
    }

    private Relation project(String method, String[] expressions) {
        String step = call(method, expressions);
        return next(step, block.project(Fragments.selectItems(step, expressions), null, alias));
    }

    /**
     * Aggregates grouped by the items that hold no aggregate function, as DuckDB's {@code aggregate}
     * does ({@code GROUP BY ALL}): {@code aggregate("vendor, count(*), avg(fare)")} gives a row per
     * vendor; with aggregates only, one row.
     */
    public Relation aggregate(String expressions) {
        String step = call("aggregate", expressions);
        return next(step, block.project(Fragments.selectItems(step, expressions), new GroupByAll(Position.UNKNOWN), alias));
    }

    /**
     * The items {@code expressions} over the groups of {@code groups} (comma-separated expressions);
     * as in SQL, a group key is in the result only if it is among the items.
     */
    public Relation aggregate(String expressions, String groups) {
        String step = call("aggregate", expressions, groups);
        var items = Fragments.selectItems(step, expressions);
        var keys = new GroupByExpressions(Position.UNKNOWN, Fragments.expressions(step, groups));
        return next(step, block.project(items, keys, alias));
    }

    /** The rows sorted by the keys ({@code "fare DESC", "vendor NULLS FIRST"}). */
    public Relation orderBy(String... keys) {
        String step = call("orderBy", keys);
        return next(step, block.orderBy(Fragments.sortKeys(step, keys), alias));
    }

    /** The first {@code count} rows (in the order of an {@link #orderBy} before, else in no particular order). */
    public Relation limit(long count) {
        return limit(count, 0);
    }

    /** {@code count} rows after skipping {@code offset}. */
    public Relation limit(long count, long offset) {
        String step = "limit(" + count + (offset == 0 ? "" : ", " + offset) + ")";
        if (count < 0 || offset < 0) throw MallardException.Data.invalidArgument(step + ": the count and offset cannot be negative");
        return next(step, block.limit(count, offset, alias));
    }

    /** The rows without duplicates. */
    public Relation distinct() {
        return next("distinct()", block.distinct(alias));
    }

    /** The same rows, known as {@code name}: columns can be qualified with it ({@code t.fare}), in join conditions too. */
    public Relation as(String name) {
        String step = call("as", name);
        if (name == null || name.isBlank()) throw MallardException.Data.invalidArgument(step + " needs a name");
        return new Relation(db, block.named(name), name, data, step, List.of(this));
    }

    /**
     * Inner join with {@code other} on {@code condition}: an SQL boolean expression
     * ({@code "l_orderkey = o_orderkey"}, {@code "t.vendor = v.id"}), or column names both sides
     * have ({@code "id"}, {@code "year, month"}), joined as USING (each then appears once).
     */
    public Relation join(Relation other, String condition) {
        return join(JoinType.INNER, "join", other, condition);
    }

    /** As {@link #join}, keeping the rows of this relation that match nothing, with NULLs for {@code other}'s columns. */
    public Relation leftJoin(Relation other, String condition) {
        return join(JoinType.LEFT, "leftJoin", other, condition);
    }

    private Relation join(JoinType type, String method, Relation other, String condition) {
        String step = method + "(" + (other == null ? "null" : "<" + other.step + ">") + ", " + quoted(condition) + ")";
        sameDatabase(step, other);
        if (alias != null && alias.equalsIgnoreCase(other.alias)) {
            throw MallardException.Binder.ambiguous(step + ": both sides are named \"" + alias
                    + "\"; name one of them with as(...) to tell their columns apart");
        }
        List<Expression> terms = Fragments.expressions(step, condition);
        List<Identifier> using = new ArrayList<>();
        for (Expression t : terms) if (t instanceof ColumnRef c && c.name().size() == 1) using.add(c.name().last());
        Expression on = null;
        if (using.size() != terms.size()) {
            if (terms.size() != 1) {
                throw new MallardException.Parse(step + ": the condition is one boolean expression, or a list of column names"
                        + " both sides have");
            }
            on = terms.get(0);
            using.clear();
        }
        QueryBlock joined = QueryBlock.join(type, block.fromItem(alias), other.block.fromItem(other.alias), on, using);
        return new Relation(db, joined, null, merged(other), step, List.of(this, other));
    }

    /** The rows of both, duplicates removed (SQL's UNION). */
    public Relation union(Relation other) {
        return setOperation(SetOperator.UNION, false, "union", other);
    }

    /** The rows of both, duplicates kept (UNION ALL). */
    public Relation unionAll(Relation other) {
        return setOperation(SetOperator.UNION, true, "unionAll", other);
    }

    /** The distinct rows of this relation that {@code other} does not have (EXCEPT). */
    public Relation except(Relation other) {
        return setOperation(SetOperator.EXCEPT, false, "except", other);
    }

    /** The distinct rows both have (INTERSECT). */
    public Relation intersect(Relation other) {
        return setOperation(SetOperator.INTERSECT, false, "intersect", other);
    }

    private Relation setOperation(SetOperator operator, boolean all, String method, Relation other) {
        String step = method + "(" + (other == null ? "null" : "<" + other.step + ">") + ")";
        sameDatabase(step, other);
        return new Relation(db, QueryBlock.setOperation(operator, all, block, other.block), null, merged(other), step, List.of(this, other));
    }

    // ---- terminal calls ----------------------------------------------------------------------

    /** Runs the query; the rows in any form {@link Result} offers. */
    public Result execute() {
        return run(toSql());
    }

    /** Every row as a {@code type} (a record, a POJO, or a plain value for one column), as {@link Result#toList}. */
    public <T> List<T> toList(Class<T> type) {
        return execute().toList(type);
    }

    /** The rows as {@code type}s, read as the stream is; close it (or read it to the end) to release the query. */
    public <T> Stream<T> stream(Class<T> type) {
        return execute().stream(type);
    }

    /** The rows as ordered maps, read as the stream is. */
    public Stream<Map<String, Object>> stream() {
        return execute().stream();
    }

    /** Every row as an ordered map from column name to value. */
    public List<Map<String, Object>> toMaps() {
        return execute().toMaps();
    }

    /** The one value of a one-row, one-column result. */
    public <T> T scalar(Class<T> type) {
        return execute().scalar(type);
    }

    /** The number of rows ({@code SELECT count(*)} over this relation: the rows themselves are not fetched). */
    public long count() {
        var countStar = Fragments.selectItems("count()", "count(*)");
        return run(block.project(countStar, null, alias).sql()).scalar(Long.class);
    }

    /** The result's column names, found by binding the query (nothing is read). */
    public List<String> columns() {
        return List.of(run("DESCRIBE " + toSql()).column("column_name", String[].class));
    }

    /** The optimized plan Mallard will run (EXPLAIN's text). */
    public String explain() {
        return run("EXPLAIN " + toSql()).column("explain_value", String[].class)[0];
    }

    /** The SQL statement this relation runs (Java data appears under the name it is bound by). */
    public String toSql() {
        return block.sql();
    }

    @Override
    public String toString() {
        return toSql();
    }

    // ---- internals ---------------------------------------------------------------------------

    private Result run(String sql) {
        try {
            return data.isEmpty() ? db.sql(sql) : db.sql(sql, data);
        } catch (MallardException e) {
            throw RelationErrors.blame(this, e);
        }
    }

    /** Whether the query binds: {@code DESCRIBE} binds it and reads nothing. */
    boolean binds() {
        try {
            (data.isEmpty() ? db.sql("DESCRIBE " + toSql()) : db.sql("DESCRIBE " + toSql(), data)).close();
            return true;
        } catch (MallardException e) {
            return false;
        }
    }

    String step() {
        return step;
    }

    List<Relation> inputs() {
        return inputs;
    }

    private Relation next(String step, QueryBlock next) {
        return new Relation(db, next, alias, data, step, List.of(this));
    }

    private void sameDatabase(String step, Relation other) {
        if (other == null) throw MallardException.Data.invalidArgument(step + " needs a relation");
        if (other.db != db) throw MallardException.Data.invalidArgument(step + ": the relations belong to different databases");
    }

    private Map<String, Object> merged(Relation other) {
        if (other.data.isEmpty()) return data;
        Map<String, Object> all = new LinkedHashMap<>(data);
        all.putAll(other.data);
        return Map.copyOf(all);
    }

    /** A call as Java source, for messages: {@code filter("fare > 10")}. */
    private static String call(String method, String... arguments) {
        if (arguments == null) return method + "(null)";
        return method + "(" + Arrays.stream(arguments).map(Relation::quoted).collect(Collectors.joining(", ")) + ")";
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Java data as a step's argument: its kind and size, not its contents. */
    private static String describe(Object data) {
        if (data instanceof Collection<?> c) {
            Object first = c.isEmpty() ? null : c.iterator().next();
            // The interface, not the class: List.of's implementation is called List12.
            String kind = c instanceof List ? "List" : c instanceof java.util.Set ? "Set" : c.getClass().getSimpleName();
            return kind + " of " + c.size() + (first == null ? "" : " " + first.getClass().getSimpleName());
        }
        return data.getClass().getSimpleName();
    }
}
