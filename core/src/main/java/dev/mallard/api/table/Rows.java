package dev.mallard.api.table;

import dev.mallard.MallardException;
import dev.mallard.api.JdbcResults;
import dev.mallard.api.Result;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * The rows of a {@link Table#find}: a description (filter, order, limit, offset) that is run when one of
 * the reading methods is called, and again each time. Without {@link #orderBy}, rows come in
 * primary-key order. Names in {@code orderBy} are checked like filter names.
 * <pre>{@code
 * people.find(Filter.where("age", gt(30))).orderBy("-age", "name").limit(10).toMaps();
 * try (Stream<Person> s = people.all().stream(Person.class)) { ... }   // read lazily; close it
 * }</pre>
 */
public final class Rows {
    private final Table table;
    private final Filter filter;
    private final List<String> order;
    private final long limit;
    private final long offset;
    /** Only these columns; null for whole rows. */
    private final List<String> columns;
    /** Each combination of the columns once, sorted by them unless ordered otherwise. */
    private final boolean distinct;

    Rows(Table table, Filter filter) {
        this(table, filter, List.of(), -1, 0, null, false);
    }

    private Rows(Table table, Filter filter, List<String> order, long limit, long offset, List<String> columns, boolean distinct) {
        this.table = table;
        this.filter = java.util.Objects.requireNonNull(filter, "filter (Filter.none() for every row)");
        this.order = order;
        this.limit = limit;
        this.offset = offset;
        this.columns = columns;
        this.distinct = distinct;
    }

    /** Sort by these columns, each ascending, or descending when written {@code "-column"}; NULLs last. */
    public Rows orderBy(String... names) {
        List<String> more = new ArrayList<>(order);
        for (String c : names) more.add(c == null ? null : c.strip());
        return new Rows(table, filter, List.copyOf(more), limit, offset, columns, distinct);
    }

    public Rows limit(long rows) {
        if (rows < 0) throw MallardException.Data.invalidArgument("limit must be 0 or more, got " + rows);
        return new Rows(table, filter, order, rows, offset, columns, distinct);
    }

    public Rows offset(long rows) {
        if (rows < 0) throw MallardException.Data.invalidArgument("offset must be 0 or more, got " + rows);
        return new Rows(table, filter, order, limit, rows, columns, distinct);
    }

    /** Only these columns, in this order (for {@link #toList} onto a record with fewer components than the table has columns). */
    public Rows columns(String... names) {
        if (names.length == 0) throw MallardException.Data.invalidArgument("columns() needs at least one column name");
        return new Rows(table, filter, order, limit, offset, List.of(names), distinct);
    }

    Rows distinctOn(List<String> names) {
        if (names.isEmpty()) throw MallardException.Data.invalidArgument("distinct needs at least one column");
        return new Rows(table, filter, order, limit, offset, List.copyOf(names), true);
    }

    /** Every row as an ordered map, column name to value. */
    public List<Map<String, Object>> toMaps() {
        return result().toMaps();
    }

    /** Every row mapped onto {@code type}: a record or a class with a no-argument constructor (by column name). */
    public <T> List<T> toList(Class<T> type) {
        return result().toList(type);
    }

    /** The rows as maps, read as the stream is consumed; close the stream (or read it to the end) to free its connection. */
    public Stream<Map<String, Object>> stream() {
        return result().stream();
    }

    public <T> Stream<T> stream(Class<T> type) {
        return result().stream(type);
    }

    public Optional<Map<String, Object>> first() {
        List<Map<String, Object>> rows = limit(1).toMaps();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public <T> Optional<T> first(Class<T> type) {
        List<T> rows = limit(1).toList(type);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Writes these rows to {@code file} in {@code format} ({@link Freeze}); returns how many. */
    public long exportTo(java.nio.file.Path file, DataFormat format) {
        return Freeze.write(result(), file, format);
    }

    /** How many rows there are (with limit and offset applied). */
    public long count() {
        return table.scope().read(c -> {
            TableSchema schema = table.schema(c);
            if (schema == null) return 0L;
            List<Object> params = new ArrayList<>();
            String inner = select(schema, params, false);
            return Statements.longValue(c, "SELECT count(*) FROM (" + inner + ") AS counted", params);
        });
    }

    /** The rows as a {@link Result}, read lazily; it holds a connection until read to the end or closed. */
    public Result result() {
        Scope.Lease lease = table.scope().lease();
        try {
            TableSchema schema = table.schema(lease.connection());
            if (schema == null) {
                lease.close();
                return JdbcResults.empty();
            }
            List<Object> params = new ArrayList<>();
            String sql = select(schema, params, true);
            PreparedStatement ps = lease.connection().prepareStatement(sql);
            try {
                Statements.bind(ps, params);
                ResultSet rs = ps.executeQuery();
                return JdbcResults.read(rs, () -> {
                    try {
                        ps.close();
                    } catch (SQLException e) {
                        // the rows are read; closing the statement only frees it
                    }
                    lease.close();
                });
            } catch (SQLException | RuntimeException e) {
                ps.close();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            lease.close();
            throw e instanceof SQLException s ? Errors.of(s) : (RuntimeException) e;
        }
    }

    private String select(TableSchema schema, List<Object> params, boolean ordered) {
        Dialect d = table.dialect();
        StringBuilder sql = new StringBuilder("SELECT ");
        List<String> sort = new ArrayList<>(order);
        if (columns != null) {
            StringJoiner cols = new StringJoiner(", ");
            for (String c : columns) cols.add(d.quote(schema.require(Names.clean(c, "column")).name()));
            sql.append(distinct ? "DISTINCT " : "").append(cols);
            if (sort.isEmpty() && distinct) sort.addAll(columns);
            if (sort.isEmpty() && schema.primaryKey() != null) sort.add(schema.primaryKey());
        } else {
            sql.append('*');
            if (sort.isEmpty() && schema.primaryKey() != null) sort.add(schema.primaryKey());
        }
        sql.append(" FROM ").append(d.quote(schema.name()));
        FilterSql where = new FilterSql(schema, d);
        sql.append(where.where(filter));
        params.addAll(where.parameters);
        if (ordered || limit >= 0 || offset > 0) {
            StringJoiner by = new StringJoiner(", ");
            for (String s : sort) {
                if (s == null || s.isEmpty() || s.equals("-")) throw MallardException.Data.invalidArgument("orderBy needs column names (\"-name\" for descending)");
                boolean desc = s.startsWith("-");
                String column = Names.clean(desc || s.startsWith("+") ? s.substring(1) : s, "column");
                by.add(d.quote(schema.require(column).name()) + (desc ? " DESC" : " ASC") + " NULLS LAST");
            }
            if (by.length() > 0) sql.append(" ORDER BY ").append(by);
        }
        if (limit >= 0) sql.append(" LIMIT ").append(limit);
        if (offset > 0) sql.append(" OFFSET ").append(offset);
        return sql.toString();
    }
}
