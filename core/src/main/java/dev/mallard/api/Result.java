package dev.mallard.api;

import dev.mallard.MallardException;
import dev.mallard.api.mapping.ColumnArray;
import dev.mallard.api.mapping.RowMapper;
import dev.mallard.api.mapping.ValueConverter;
import dev.mallard.engine.QueryResult;
import dev.mallard.types.LogicalType;
import dev.mallard.types.Values;
import dev.mallard.vector.DataChunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of one statement ({@link Database#sql}), read once in the form asked for: mapped onto
 * records or POJOs ({@link #toList}, {@link #stream(Class)}), as ordered maps ({@link #toMaps}), one
 * value ({@link #scalar}) or one column as an array ({@link #longs}, {@link #doubles},
 * {@link #column}). A statement that returns no rows (INSERT, CREATE ...) has one BIGINT column
 * {@code count} with the number of rows it changed.
 *
 * <p>SQL values become Java values as {@link ValueConverter} describes: DATE → LocalDate,
 * TIMESTAMP → LocalDateTime (or Instant), DECIMAL → BigDecimal, integers and doubles into the
 * requested primitive or boxed type when they fit exactly, NULL → null.
 */
public final class Result implements AutoCloseable {
    private final QueryResult rows;
    private boolean used;

    Result(QueryResult rows) {
        this.rows = rows;
    }

    public List<String> columnNames() {
        return rows.columnNames();
    }

    public List<LogicalType> columnTypes() {
        return rows.columnTypes();
    }

    /**
     * Every row as a {@code type}: a record (by component name), a class with a no-argument
     * constructor (by setters or fields), or, for a one-column result, a plain value
     * ({@code String.class}, {@code Long.class}, {@code LocalDate.class} ...).
     */
    public <T> List<T> toList(Class<T> type) {
        List<T> list = new ArrayList<>();
        forEachRow(mapper(type), list::add);
        return list;
    }

    /** The rows as {@code type}s, mapped as they are read; closing the stream (or reading it to its end) closes the result. */
    public <T> Stream<T> stream(Class<T> type) {
        return lazily(mapper(type));
    }

    /** The rows as ordered maps, column name to value, mapped as they are read. */
    public Stream<Map<String, Object>> stream() {
        return lazily(this::toMap);
    }

    /** Every row as a {@link LinkedHashMap} from column name to value, in column order. */
    public List<Map<String, Object>> toMaps() {
        List<Map<String, Object>> list = new ArrayList<>();
        forEachRow(this::toMap, list::add);
        return list;
    }

    /**
     * The one value of a one-row, one-column result ({@code SELECT count(*) ...}) as {@code type};
     * null for NULL. Any other shape is an error: it most often means the query is not the one meant.
     */
    public <T> T scalar(Class<T> type) {
        List<T> values = toList(type);
        if (values.size() != 1) throw MallardException.Data.cardinality("scalar() needs one row, the result has " + values.size());
        return values.get(0);
    }

    /** One column as a {@code long[]}; a NULL or a value that is not an exact integer is an error. */
    public long[] longs(String column) {
        return column(column, long[].class);
    }

    /** One column as a {@code double[]}; a NULL is an error. */
    public double[] doubles(String column) {
        return column(column, double[].class);
    }

    /**
     * One column as an array of {@code arrayType} ({@code long[].class}, {@code String[].class},
     * {@code LocalDate[].class} ...). NULL is null in an array of references and an error in a
     * primitive array.
     */
    public <A> A column(String column, Class<A> arrayType) {
        int c = indexOf(column);
        ColumnArray array = new ColumnArray(arrayType, columnTypes().get(c), columnNames().get(c));
        use();
        long row = 0;
        try (rows) {
            for (DataChunk chunk = rows.next(); chunk != null; chunk = rows.next()) {
                array.add(chunk, c, row);
                row += chunk.count();
            }
        }
        return arrayType.cast(array.build());
    }

    private int indexOf(String column) {
        List<String> names = columnNames();
        for (int i = 0; i < names.size(); i++) if (names.get(i).equalsIgnoreCase(column)) return i;
        throw MallardException.Catalog.undefinedColumn("the result has no column \"" + column + "\" (its columns: "
                + String.join(", ", names) + ")");
    }

    /** Turns one row's values (Java form, column order) into the caller's object. */
    private interface RowFunction<T> {
        T apply(Object[] values, long row);
    }

    private <T> RowFunction<T> mapper(Class<T> type) {
        RowMapper<T> m = RowMapper.of(type, columnNames(), columnTypes());
        return m::map;
    }

    private Map<String, Object> toMap(Object[] values, long row) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int c = 0; c < values.length; c++) map.put(columnNames().get(c), values[c]);
        return map;
    }

    /** Reads every row into memory, for a table of them ({@code db.register(name, result)}). */
    dev.mallard.engine.ChunkCollection materialize() {
        use();
        return dev.mallard.engine.ChunkCollection.drain(rows);
    }

    /** Releases the rows without reading them (reading them to the end releases them too). */
    @Override
    public void close() {
        used = true;
        rows.close();
    }

    private void use() {
        if (used) throw new MallardException("24000", "this result has been read already; run the query again to read it again");
        used = true;
    }

    private <T> void forEachRow(RowFunction<T> f, Consumer<T> sink) {
        use();
        try (rows) {
            Cursor<T> cursor = new Cursor<>(f);
            while (cursor.tryAdvance(sink)) {
                // the cursor hands each row to the sink
            }
        }
    }

    private <T> Stream<T> lazily(RowFunction<T> f) {
        use();
        return StreamSupport.stream(new Cursor<>(f), false).onClose(rows::close);
    }

    /** Walks the rows chunk by chunk, converting each to Java values and then to the caller's object. */
    private final class Cursor<T> extends Spliterators.AbstractSpliterator<T> {
        private final RowFunction<T> f;
        private final List<LogicalType> types = columnTypes();
        private DataChunk chunk;
        private int k;
        private long row;
        private boolean done;

        Cursor(RowFunction<T> f) {
            super(Long.MAX_VALUE, Spliterator.ORDERED);
            this.f = f;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            if (done) return false;
            while (chunk == null || k >= chunk.count()) {
                chunk = rows.next();
                k = 0;
                if (chunk == null) {
                    done = true;
                    rows.close(); // read to its end: release it without waiting for the stream to be closed
                    return false;
                }
            }
            Object[] values = new Object[types.size()];
            for (int c = 0; c < values.length; c++) values[c] = Values.toJava(types.get(c), chunk.getObject(c, k));
            k++;
            action.accept(f.apply(values, row++));
            return true;
        }
    }
}
