package dev.mallard.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.function.IntToLongFunction;

/**
 * The rows of the table benchmark, as a user of the lazy API has them: one {@code HashMap} per
 * row, ten keys of five types, {@code key} always present and each other value missing three
 * times in ten (a sparse row, not an explicit null). Generated from fixed seeds, so every run and
 * every engine writes the same rows.
 *
 * @param rows    the table: keys 0 … n-1, row i at index i (the upsert's oracle relies on it)
 * @param changes the upsert: alternately an existing key (spread over the table) and a new one
 *                (n, n+1, …), with values of their own
 */
record SparseRows(List<Map<String, Object>> rows, List<Map<String, Object>> changes) {

    /** The value types of the columns, named as the engines' DDL spells them. */
    enum Kind { BIGINT, DOUBLE, VARCHAR, DATE, BOOLEAN }

    record Column(String name, Kind kind) {}

    static final String KEY = "key";
    static final List<Column> COLUMNS = List.of(new Column(KEY, Kind.BIGINT), new Column("qty", Kind.BIGINT),
            new Column("views", Kind.BIGINT), new Column("price", Kind.DOUBLE), new Column("score", Kind.DOUBLE),
            new Column("city", Kind.VARCHAR), new Column("label", Kind.VARCHAR), new Column("created", Kind.DATE),
            new Column("due", Kind.DATE), new Column("active", Kind.BOOLEAN));
    /** Of every ten non-key values, how many a row leaves out. */
    static final int MISSING_IN_TEN = 3;

    // A few repeated names, some not ASCII, as a real column of places has.
    private static final String[] CITIES = {"Berlin", "Zürich", "São Paulo", "Kraków", "Lyon", "Oslo", "Québec", "Porto",
        "Reykjavík", "Gdańsk", "Sevilla", "Tromsø", "Łódź", "Malmö", "Nice", "Cork"};
    private static final long FIRST_DAY = LocalDate.of(2015, 1, 1).toEpochDay();

    /** A table of {@code n} rows and an upsert of {@code n / 10} rows (at least 2), half of them new. */
    static SparseRows generate(int n) {
        int changes = Math.max(2, n / 10);
        int existing = changes / 2;
        // Existing keys every n/existing rows, so the updates land all over the table, not at one end.
        long stride = Math.max(1, n / existing);
        return new SparseRows(generate(n, 1, i -> i),
                generate(changes, 2, i -> i % 2 == 0 ? (i / 2) * stride : n + i / 2));
    }

    private static List<Map<String, Object>> generate(int count, long seed, IntToLongFunction keyOf) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Map<String, Object>> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put(KEY, keyOf.applyAsLong(i));
            for (Column c : COLUMNS.subList(1, COLUMNS.size())) {
                if (r.nextInt(10) < MISSING_IN_TEN) continue;
                row.put(c.name(), switch (c.kind()) {
                    case BIGINT -> r.nextLong(c.name().equals("qty") ? 1_000 : 1_000_000_000L);
                    case DOUBLE -> r.nextInt(10_000_000) / 100.0;
                    case VARCHAR -> c.name().equals("city") ? CITIES[r.nextInt(CITIES.length)] : "item " + r.nextInt(1_000_000);
                    case DATE -> LocalDate.ofEpochDay(FIRST_DAY + r.nextInt(3_650));
                    case BOOLEAN -> r.nextBoolean();
                });
            }
            out.add(row);
        }
        return out;
    }

    /** DuckDB's and SQLite's table: the ten columns, {@code key} the primary key when {@code keyed}. */
    static String createTable(String name, boolean keyed) {
        StringJoiner cols = new StringJoiner(", ", "CREATE TABLE " + name + " (", ")");
        for (Column c : COLUMNS) cols.add(quote(c.name()) + " " + c.kind() + (keyed && c.name().equals(KEY) ? " PRIMARY KEY" : ""));
        return cols.toString();
    }

    /** The column list, quoted: {@code ("key", "qty", ...)}. */
    static String columnList() {
        StringJoiner cols = new StringJoiner(", ", "(", ")");
        for (Column c : COLUMNS) cols.add(quote(c.name()));
        return cols.toString();
    }

    /**
     * The peers' ON CONFLICT clause with the lazy API's meaning: a stored row takes the values the
     * new row names and keeps the others. The rows leave values out rather than give NULLs, so
     * {@code coalesce(excluded.c, c)} says exactly that.
     */
    static String onConflictKeepMissing() {
        StringJoiner set = new StringJoiner(", ", " ON CONFLICT (" + quote(KEY) + ") DO UPDATE SET ", "");
        for (Column c : COLUMNS.subList(1, COLUMNS.size())) {
            String q = quote(c.name());
            set.add(q + " = coalesce(excluded." + q + ", " + q + ")");
        }
        return set.toString();
    }

    static String quote(String name) {
        return "\"" + name + "\"";
    }
}
