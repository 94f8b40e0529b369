package dev.mallard.api.table;

import dev.mallard.MallardException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A table of the lazy API ({@code db.table("people")}). Rows are a {@code Map<String, ?>}, a record,
 * an object with getters, or JSON object text; the table and its columns appear as rows need them
 * (see {@link TableOptions} for the key, explicit types and widening, {@link ColumnType} for how
 * values map to types). Every call is atomic: it commits on its own, or joins the
 * {@link Transaction} the table came from; a call that fails changes nothing.
 * <pre>{@code
 * var people = db.table("people");
 * long id = (Long) people.insert(Map.of("name", "Ann", "age", 37));
 * people.upsert(Map.of("name", "Ann", "age", 38), "name");
 * List<Map<String, Object>> adults = people.find(Filter.where("age", gte(18))).orderBy("-age").toMaps();
 * }</pre>
 */
public final class Table {
    /** Rows per round of schema fitting and inserting when writing many rows: bounds the memory of a long stream. */
    private static final int ROUND = 10_000;

    private final Scope scope;
    private final String name;
    private final TableOptions options;

    Table(Scope scope, String name, TableOptions options) {
        this.scope = scope;
        this.name = Names.clean(name, "table");
        this.options = options;
    }

    /** The name as given (trimmed); the stored table may spell it in another case. */
    public String name() {
        return name;
    }

    public boolean exists() {
        return scope.read(c -> dialect().findTable(c, name) != null);
    }

    /** The column names in table order; empty when the table does not exist yet. */
    public List<String> columns() {
        return scope.read(c -> {
            TableSchema s = schema(c);
            return s == null ? List.<String>of() : s.names();
        });
    }

    /** The columns with their types, in table order; empty when the table does not exist yet. */
    public Map<String, ColumnType> columnTypes() {
        return scope.read(c -> {
            TableSchema s = schema(c);
            Map<String, ColumnType> types = new LinkedHashMap<>();
            if (s != null) for (TableSchema.Column col : s.columns()) types.put(col.name(), col.type());
            return types;
        });
    }

    // ---- writes

    /** Inserts one row; returns its primary key (a Long when numbered automatically), or null for a table without one. */
    public Object insert(Object row) {
        RowBatch batch = RowBatch.of(java.util.Collections.singletonList(row)); // a null row gets RowValues's error
        return scope.write(c -> {
            TableSchema schema = fit(c, batch);
            RowWriter w = new RowWriter(c, scope.store(), schema, options);
            return w.insertOne(batch.stored(schema).get(0), new Conflict.Fail());
        });
    }

    /**
     * Inserts rows, all or none; returns how many. On Mallard the rows go into vectors of the
     * table's column types and are appended without SQL; on PostgreSQL as
     * statements of many rows each.
     */
    public long insertMany(Iterable<?> rows) {
        return writeAll(rows.iterator(), new Conflict.Fail(), List.of());
    }

    public long insertMany(Stream<?> rows) {
        try (rows) {
            return writeAll(rows.iterator(), new Conflict.Fail(), List.of());
        }
    }

    /** Inserts the row unless a stored row has the same values in {@code keys}; returns whether it was inserted. */
    public boolean insertIgnore(Object row, String... keys) {
        return insertIgnoreMany(List.of(row), keys) > 0;
    }

    /** insertIgnore for many rows in one atomic call; returns how many were inserted. */
    public long insertIgnoreMany(Iterable<?> rows, String... keys) {
        List<String> keyList = keys(keys);
        return writeAll(rows.iterator(), new Conflict.Ignore(keyList), keyList);
    }

    /**
     * Inserts the row, or updates the stored row with the same values in {@code keys} (only the columns
     * the row names), as one {@code INSERT ... ON CONFLICT (keys) DO UPDATE}. A unique index on the
     * keys is created on first use.
     */
    public void upsert(Object row, String... keys) {
        upsertMany(List.of(row), keys);
    }

    /**
     * upsert for many rows, atomically, in statements of many rows; rows repeating a key within the call
     * are merged first (later values win). Returns how many rows were inserted or updated.
     */
    public long upsertMany(Iterable<?> rows, String... keys) {
        List<String> keyList = keys(keys);
        return writeAll(rows.iterator(), new Conflict.Update(keyList), keyList);
    }

    public long upsertMany(Stream<?> rows, String... keys) {
        List<String> keyList = keys(keys);
        try (rows) {
            return writeAll(rows.iterator(), new Conflict.Update(keyList), keyList);
        }
    }

    /**
     * Sets the row's other columns on the stored rows whose {@code keys} columns equal the row's
     * (a null key matches NULL); new columns are added. Returns how many rows changed.
     */
    public long update(Object row, String... keys) {
        return updateMany(List.of(row), keys);
    }

    public long updateMany(Iterable<?> rows, String... keys) {
        List<String> keyList = keys(keys);
        return scope.write(c -> {
            TableSchema schema = schema(c);
            if (schema == null) return 0L;
            RowBatch all = RowBatch.of(rows);
            requireKeys(all, keyList);
            for (String k : keyList) schema.require(k);
            schema = new SchemaFit(c, scope.store(), options).fit(schema, name, all);
            long n = 0;
            for (Map<String, Object> row : all.stored(schema)) n += updateOne(c, schema, row, keyList);
            return n;
        });
    }

    private long updateOne(Connection c, TableSchema schema, Map<String, Object> row, List<String> keys) throws SQLException {
        List<String> set = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        Filter match = Filter.none();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (contains(keys, e.getKey())) {
                match = match.and(e.getKey(), Op.eq(e.getValue()));
            } else {
                set.add(dialect().quote(e.getKey()) + " = " + dialect().placeholder(schema.require(e.getKey()).type()));
                params.add(e.getValue());
            }
        }
        if (set.isEmpty()) return 0;
        FilterSql where = new FilterSql(schema, dialect());
        String sql = "UPDATE " + dialect().quote(schema.name()) + " SET " + String.join(", ", set) + where.where(match);
        params.addAll(where.parameters);
        return Statements.update(c, sql, params);
    }

    /** Deletes the rows the filter matches ({@link Filter#none()}: all); returns how many. */
    public long delete(Filter filter) {
        return scope.write(c -> {
            TableSchema schema = schema(c);
            if (schema == null) return 0L;
            FilterSql where = new FilterSql(schema, dialect());
            String sql = "DELETE FROM " + dialect().quote(schema.name()) + where.where(filter);
            return Statements.update(c, sql, where.parameters);
        });
    }

    public long delete(Map<String, ?> conditions) {
        return delete(Filter.of(conditions));
    }

    /** Drops the table; returns whether it existed. Writing to it again creates it anew. */
    public boolean drop() {
        return scope.write(c -> {
            String stored = dialect().findTable(c, name);
            if (stored == null) return false;
            Statements.execute(c, "DROP TABLE " + dialect().quote(stored));
            scope.store().keys.forget(stored);
            return true;
        });
    }

    // ---- reads

    /** The rows the filter matches, read when a terminal method of {@link Rows} is called. */
    public Rows find(Filter filter) {
        return new Rows(this, filter);
    }

    public Rows find(Map<String, ?> conditions) {
        return find(Filter.of(conditions));
    }

    public Rows find(String column, Object valueOrOp) {
        return find(Filter.where(column, valueOrOp));
    }

    public Rows all() {
        return find(Filter.none());
    }

    /** The first matching row (by primary key, unless ordered otherwise through {@link #find}). */
    public Optional<Map<String, Object>> findOne(Filter filter) {
        return find(filter).first();
    }

    public Optional<Map<String, Object>> findOne(Map<String, ?> conditions) {
        return findOne(Filter.of(conditions));
    }

    public long count() {
        return all().count();
    }

    public long count(Filter filter) {
        return find(filter).count();
    }

    /** The distinct combinations of {@code columns} among the matching rows, sorted by them. */
    public List<Map<String, Object>> distinct(List<String> columns, Filter filter) {
        return find(filter).distinctOn(columns).toMaps();
    }

    public List<Map<String, Object>> distinct(String... columns) {
        return distinct(Arrays.asList(columns), Filter.none());
    }

    // ---- files

    /** Writes every row to {@code file} (CSV, JSON or NDJSON, by its extension); returns how many. */
    public long exportTo(java.nio.file.Path file) {
        return all().exportTo(file, DataFormat.of(file));
    }

    public long exportTo(java.nio.file.Path file, DataFormat format) {
        return all().exportTo(file, format);
    }

    /**
     * Inserts the rows of {@code file} (CSV with a header, a JSON array or NDJSON, by its extension),
     * all or none, as {@link #insertMany} would: columns appear and types follow the values.
     */
    public long importFrom(java.nio.file.Path file) {
        return importFrom(file, DataFormat.of(file));
    }

    public long importFrom(java.nio.file.Path file, DataFormat format) {
        return Freeze.read(file, format, this::insertMany);
    }

    // ---- shared

    Scope scope() {
        return scope;
    }

    Dialect dialect() {
        return scope.store().dialect;
    }

    TableOptions options() {
        return options;
    }

    /** The table as the database has it now, or null. */
    TableSchema schema(Connection c) throws SQLException {
        return dialect().read(c, name, options.primaryKey());
    }

    /** The table fitted to the rows' columns and types ({@link SchemaFit}), created on first write. */
    private TableSchema fit(Connection c, RowBatch rows) throws SQLException {
        return new SchemaFit(c, scope.store(), options).fit(schema(c), name, rows);
    }

    /**
     * Writes every row of {@code rows} in one atomic call: plain inserts on Mallard a chunk at a time
     * ({@link #appendAll}), the others in rounds of {@link #ROUND} rows (of {@link BulkInsert#ROUND}
     * on Mallard), which bound the memory of a long stream.
     */
    private long writeAll(Iterator<?> rows, Conflict conflict, List<String> keys) {
        return scope.write(c -> {
            // On Mallard rows go as vectors (BulkInsert); elsewhere as statements of many rows (RowWriter).
            BulkInsert bulk = BulkInsert.on(c, scope.store(), options);
            KeyNames names = new KeyNames();
            if (bulk != null && conflict instanceof Conflict.Fail) return appendAll(c, rows, bulk, names);
            long n = 0;
            int size = bulk != null ? BulkInsert.ROUND : ROUND;
            while (rows.hasNext()) n += insertRound(c, round(rows, names, size), conflict, keys, bulk);
            return n;
        });
    }

    /** How many rows past a round {@link #appendAll} reads to see whether the call's rows end there. */
    private static final int LAST_ROUND_EXTRA = BulkInsert.ROUND / 4;

    /**
     * Plain inserts on Mallard: the rows of a round are read (references only) and go into vectors
     * on several threads ({@link BulkInsert#addDirect}); a chunk of rows that does not fit that way
     * goes through {@link BulkInsert#add}, and the table is fitted again only when it does not fit
     * the table, after appending what waits (the vectors were filled for the table as it was).
     */
    private long appendAll(Connection c, Iterator<?> rows, BulkInsert bulk, KeyNames names) throws SQLException {
        SchemaFit fit = new SchemaFit(c, scope.store(), options);
        TableSchema schema = null;
        RowWriter sql = null;
        Object[] buffer = new Object[BulkInsert.ROUND + LAST_ROUND_EXTRA];
        int start = 0;
        int end = 0; // rows buffer[start .. end) are this round's, read and not yet taken
        int ahead = 0; // rows buffer[end .. end + ahead) were read past the round
        try {
            while (true) {
                if (start == end) {
                    // until the table fits the rows, a batch at a time: the general path takes one
                    int want = schema == null ? BulkInsert.BATCH : bulk.room();
                    System.arraycopy(buffer, end, buffer, 0, ahead);
                    start = 0;
                    end = Math.min(ahead, want);
                    ahead -= end;
                    end = read(rows, buffer, end, want);
                    if (end == want && ahead == 0 && schema != null) {
                        // Rows that end shortly after the round join it: as a statement of their
                        // own they were appended alone, on one thread, after everything else.
                        int past = read(rows, buffer, end, buffer.length);
                        if (rows.hasNext()) ahead = past - end;
                        else end = past;
                    }
                    if (end == 0) break;
                }
                if (schema != null) {
                    start += bulk.addDirect(buffer, start, end - start, names, schema);
                    if (start == end) continue;
                }
                int count = Math.min(BulkInsert.BATCH, end - start);
                RowBatch batch = new RowBatch(names, count);
                for (int r = 0; r < count; r++) batch.add(buffer[start + r]);
                if (schema == null || !SchemaFit.fits(schema, batch)) {
                    bulk.flush();
                    schema = fit.fit(schema == null ? schema(c) : schema, name, batch);
                    sql = new RowWriter(c, scope.store(), schema, options);
                }
                bulk.add(batch, schema, sql);
                start += count;
            }
            return bulk.finish();
        } catch (Throwable t) {
            bulk.abandon(); // a round may still be appending: the rollback must come after it
            throw t;
        }
    }

    /**
     * Reads rows into {@code buffer[from ..]} until {@code to} or the iterator's end; returns where
     * they end. A loop of its own, called a few times a call: inside {@link #appendAll}, whose loop
     * turns a few times a call, it made the JIT compile that method (and all it inlines) again and
     * again while a user's first calls ran, on the cores the rows were waiting for.
     */
    private static int read(Iterator<?> rows, Object[] buffer, int from, int to) {
        int end = from;
        while (end < to && rows.hasNext()) buffer[end++] = rows.next();
        return end;
    }

    /** Up to {@code size} rows of the iterator. */
    private static RowBatch round(Iterator<?> it, KeyNames names, int size) {
        RowBatch rows = new RowBatch(names, size);
        while (rows.size() < size && it.hasNext()) rows.add(it.next());
        return rows;
    }

    private long insertRound(Connection c, RowBatch rows, Conflict conflict, List<String> keys, BulkInsert bulk) throws SQLException {
        if (rows.isEmpty()) return 0;
        requireKeys(rows, keys);
        TableSchema schema = fit(c, rows);
        RowWriter w = new RowWriter(c, scope.store(), schema, options);
        int[] which = rows.all();
        if (!keys.isEmpty()) {
            List<String> storedKeys = new ArrayList<>();
            for (String k : keys) storedKeys.add(schema.require(k).name());
            w.ensureUnique(storedKeys);
            if (conflict instanceof Conflict.Update) which = rows.mergeRepeatedKeys(storedKeys, schema);
            conflict = conflict instanceof Conflict.Update ? new Conflict.Update(storedKeys) : new Conflict.Ignore(storedKeys);
        }
        if (bulk != null) return bulk.write(rows, which, schema, conflict, w);
        return w.insert(rows.stored(schema, which), conflict);
    }

    private static List<String> keys(String[] keys) {
        if (keys == null || keys.length == 0) {
            throw MallardException.Data.invalidArgument("name the key columns that identify a row, e.g. upsert(row, \"name\")");
        }
        List<String> out = new ArrayList<>();
        for (String k : keys) out.add(Names.clean(k, "key column"));
        return out;
    }

    private void requireKeys(RowBatch rows, List<String> keys) {
        for (int r = 0; r < rows.size(); r++) {
            for (String k : keys) {
                if (!rows.gives(r, k)) {
                    throw MallardException.Data.invalidArgument("row " + (r + 1) + " has no value for the key column \"" + k
                            + "\" of table \"" + name + "\"; every row must give its key columns (" + String.join(", ", keys) + ")");
                }
            }
        }
    }

    private static boolean contains(List<String> names, String name) {
        for (String n : names) if (n.equalsIgnoreCase(name)) return true;
        return false;
    }
}
