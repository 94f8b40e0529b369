package dev.mallard.api.scan;

import dev.mallard.MallardException;
import dev.mallard.function.table.KeyFirstReader;
import dev.mallard.function.table.ParallelTableFunction;
import dev.mallard.storage.TableFilter;
import dev.mallard.types.LogicalType;
import dev.mallard.types.TypeId;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A scan of Java rows (records, POJOs or Maps) from a list, an iterable or a stream. Each row's
 * columns are read by accessors resolved once per class ({@link ColumnFiller}); only the columns
 * a query uses are read ({@link #project}), all of a row's in one pass when the row class has a
 * loop for them ({@link RowLoops}), else column by column (Maps, and batches with a value that
 * fails, whose error the column's filler words). Lists are read in morsels by all the query's threads.
 * A join filter sees a row's keys before its other columns are read ({@link KeyFirstReader}); other
 * filters are not pushed in: the filter above the scan decides.
 */
public final class JavaRowScan implements ParallelTableFunction {
    /** What every projection of one bound scan shares. */
    private record Bound(String table, RowSource rows, Class<?> rowClass, Set<String> mapKeys) {}

    private final Bound bound;
    private final List<JavaColumn> columns;

    private JavaRowScan(Bound bound, List<JavaColumn> columns) {
        this.bound = bound;
        this.columns = List.copyOf(columns);
    }

    /**
     * Binds a scan of {@code rows} named {@code table}: the columns of {@code rowClass} when given,
     * else of the first row's class (or the keys of the first maps).
     */
    static JavaRowScan bind(String table, RowSource rows, Class<?> rowClass) {
        if (rows instanceof RowSource.StreamRows s && s.used()) throw RowSource.StreamRows.consumed(table);
        List<?> head = rows.head(JavaTypeMapping.SAMPLE);
        List<Object> sample = new ArrayList<>();
        for (Object row : head) if (row != null) sample.add(row);
        Class<?> type = rowClass != null ? rowClass : sample.isEmpty() ? null : sample.get(0).getClass();
        if (type == null) {
            throw MallardException.Data.invalidArgument("\"" + table + "\" has no rows and was registered without its row class, so it"
                    + " has no columns; register it with its class: db.register(\"" + table + "\", rows, Trip.class)");
        }
        if (Map.class.isAssignableFrom(type)) {
            MapColumns.Layout layout = MapColumns.of(sample, table);
            if (layout.columns().isEmpty()) {
                throw MallardException.Data.invalidArgument("the first maps of \"" + table + "\" have no keys, so it has no columns");
            }
            return new JavaRowScan(new Bound(table, rows, null, layout.keys()), layout.columns());
        }
        List<JavaColumn> columns = new ArrayList<>(ClassColumns.of(type));
        for (int c = 0; c < columns.size(); c++) {
            JavaColumn column = columns.get(c);
            if (column.type().id() != TypeId.DECIMAL) continue;
            List<Object> values = new ArrayList<>();
            for (Object row : sample) if (type.isInstance(row)) values.add(column.filler().value(row));
            columns.set(c, column.withType(JavaTypeMapping.decimalOf(values)));
        }
        return new JavaRowScan(new Bound(table, rows, type, null), columns);
    }

    @Override
    public String name() {
        return bound.table();
    }

    @Override
    public List<String> columnNames() {
        return columns.stream().map(JavaColumn::name).toList();
    }

    @Override
    public List<LogicalType> columnTypes() {
        return columns.stream().map(JavaColumn::type).toList();
    }

    @Override
    public long estimatedRows() {
        return bound.rows().estimatedRows();
    }

    @Override
    public ParallelTableFunction project(int[] which) {
        List<JavaColumn> kept = new ArrayList<>();
        for (int c : which) kept.add(columns.get(c));
        return new JavaRowScan(bound, kept);
    }

    @Override
    public Source start(int threads, List<TableFilter> filters) {
        RowSource.Runs runs = bound.rows().open(bound.table());
        RowLoops loops = bound.rowClass() == null || columns.isEmpty() ? null : RowLoops.of(bound.rowClass(), columns);
        return new Source() {
            private long ordinal;

            @Override
            public synchronized Piece next() {
                RowSource.Run run = runs.next();
                return run == null ? null : new Piece(ordinal++, new RunReader(run, loops));
            }

            @Override
            public void close() {
                // nothing is held open: the rows belong to the caller
            }
        };
    }

    @Override
    public boolean readsKeysFirst() {
        return true;
    }

    /** Reads one run of rows into chunks. */
    private final class RunReader implements KeyFirstReader {
        private final RowSource.Run run;
        private final RowLoops loops;
        private final Object[] buffer = new Object[Vector.DEFAULT_CAPACITY];
        /** The rows a key-first read keeps, gathered from {@code buffer}. */
        private Object[] kept;
        private final Vector[] vectors = new Vector[columns.size()];

        RunReader(RowSource.Run run, RowLoops loops) {
            this.run = run;
            this.loops = loops;
        }

        @Override
        public boolean next(DataChunk out) {
            int n = take(out);
            if (n == 0) return false;
            if (loops == null || !fillInOnePass(out, buffer, n)) fillByColumn(out, n);
            out.setCount(n);
            return true;
        }

        @Override
        public boolean next(DataChunk out, int[] keys, Consumer<DataChunk> filter) {
            int n = take(out);
            if (n == 0) return false;
            if (loops == null) { // no one-pass loop: the other columns cost the same read before or after
                fillByColumn(out, n);
                out.setCount(n);
                filter.accept(out);
                return true;
            }
            for (int k : keys) fillColumn(out, k, n);
            out.setCount(n);
            filter.accept(out);
            int m = out.count();
            int[] sel = out.sel();
            if (sel == null) {
                if (!fillInOnePass(out, buffer, n)) fillByColumn(out, n);
                out.setCount(n);
                return true;
            }
            if (kept == null) kept = new Object[buffer.length];
            for (int j = 0; j < m; j++) kept[j] = buffer[sel[j]];
            out.reset();
            if (fillInOnePass(out, kept, m)) {
                out.setCount(m);
                return true;
            }
            // A value failed: read every row column by column, so the error names its row, and filter again.
            out.reset();
            fillByColumn(out, n);
            out.setCount(n);
            filter.accept(out);
            return true;
        }

        /** Takes the next rows into {@code buffer} and checks them; returns how many (0 at the end). */
        private int take(DataChunk out) {
            int max = out.columnCount() == 0 ? buffer.length : Math.min(buffer.length, out.column(0).capacity());
            int n = run.next(buffer, max);
            if (n > 0) check(n, run.position());
            return n;
        }

        /** Fills every column of {@code buffer[0..n)} column by column; an error names the row or column that failed. */
        private void fillByColumn(DataChunk out, int n) {
            for (int c = 0; c < columns.size(); c++) fillColumn(out, c, n);
        }

        private void fillColumn(DataChunk out, int c, int n) {
            long first = run.position();
            try {
                columns.get(c).filler().fill(buffer, n, out.column(c), first);
            } catch (ClassCastException e) {
                throw wrongClass(n, first, e);
            } catch (MallardException e) {
                throw e;
            } catch (RuntimeException e) {
                // The caller's own code (a getter) failed: say where, and keep its exception as the cause.
                throw new MallardException("38000", "reading column \"" + columns.get(c).name() + "\" of rows " + first + " to "
                        + (first + n - 1) + " of \"" + bound.table() + "\" failed: " + e, e);
            }
        }

        /**
         * Fills all columns from {@code rows[0..n)} in one pass; false when a row's getter or a
         * value failed (its NULL marks cleared), for the column fillers to redo the batch and say where.
         */
        private boolean fillInOnePass(DataChunk out, Object[] rows, int n) {
            for (int c = 0; c < vectors.length; c++) vectors[c] = out.column(c);
            try {
                loops.fill(rows, n, vectors);
                return true;
            } catch (RuntimeException e) {
                for (Vector v : vectors) v.reset();
                return false;
            } catch (Error e) {
                throw e;
            } catch (Throwable t) {
                throw new MallardException.Internal("reading \"" + bound.table() + "\": " + t, t);
            }
        }

        /** Null rows, rows of another class, Map keys that are not columns: errors naming the row. */
        private void check(int n, long first) {
            for (int i = 0; i < n; i++) {
                Object row = buffer[i];
                if (row == null) {
                    throw MallardException.Data.invalidArgument("row " + (first + i) + " of \"" + bound.table() + "\" is null; "
                            + "remove nulls from the collection before querying it");
                }
                if (bound.mapKeys() != null) {
                    if (!(row instanceof Map<?, ?> m)) throw wrongClass(n, first, null);
                    MapColumns.checkKeys(m, bound.mapKeys(), first + i, bound.table());
                }
            }
        }

        private MallardException wrongClass(int n, long first, RuntimeException cause) {
            Class<?> expected = bound.rowClass() == null ? Map.class : bound.rowClass();
            for (int i = 0; i < n; i++) {
                if (!expected.isInstance(buffer[i])) {
                    return MallardException.Data.invalidArgument("row " + (first + i) + " of \"" + bound.table() + "\" is a "
                            + buffer[i].getClass().getName() + ", not a " + expected.getName() + " like the rows before it");
                }
            }
            return new MallardException.Internal("reading \"" + bound.table() + "\": " + cause, cause);
        }

        @Override
        public void close() {
            java.util.Arrays.fill(buffer, null); // the rows belong to the caller: do not keep them alive
            java.util.Arrays.fill(vectors, null);
            if (kept != null) java.util.Arrays.fill(kept, null);
        }
    }
}
