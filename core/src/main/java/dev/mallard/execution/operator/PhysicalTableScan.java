package dev.mallard.execution.operator;

import dev.mallard.execution.join.JoinFilter;
import dev.mallard.execution.join.JoinFilterSlot;
import dev.mallard.execution.join.ScanJoinFilters;
import dev.mallard.catalog.TableEntry;
import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.SourceResult;
import dev.mallard.storage.DataTable;
import dev.mallard.storage.Snapshot;
import dev.mallard.storage.TableFilter;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.execution.expression.ExpressionPrinter;
import dev.mallard.execution.expression.ResolvedExpr;
import dev.mallard.execution.expression.TableFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads columns of a base table (and the row-id pseudo column {@link DataTable#ROW_ID}). Morsels
 * are row groups (or equal parts of them, for small tables; see {@link #morselRows}): threads take
 * the next morsel from a shared counter and read it in vectors of
 * 2048 rows. The scan reads {@link DataTable#rowIdLimit()} once at its start, so rows appended while
 * it runs are not seen.
 *
 * <p>A filter directly above the scan is evaluated in it, conjunct by conjunct, and each column is
 * read only when a conjunct or the output first needs it, and then only for the rows still in the
 * running: {@code l_shipdate} is read for every row, {@code l_extendedprice} for the one row in
 * seven whose ship date is in the year asked for (late materialization). The kept rows leave as a
 * selection over the vectors.
 *
 * <p>Before reading a morsel the scan tests the conjuncts it can (see {@link TableFilters}) against
 * the zone maps of the morsel's row group and skips the morsel when one of them rules out every
 * row: a date range over a table loaded in date order reads only the row groups of those dates.
 */
public final class PhysicalTableScan extends PhysicalOperator {
    /** Above this share of rows kept, copying whole ranges beats fetching row by row. */
    private static final double COPY_ALL_ABOVE = 0.5;

    private final TableEntry table;
    private final int[] columns;
    private final List<String> columnNames;
    /** Conjuncts of the pushed filter, over the output columns; empty when there is none. */
    private final List<ResolvedExpr> filters;
    /** Per conjunct, the output columns it reads. */
    private final int[][] filterColumns;
    /** The conjuncts storage can test against a row group's zone maps, over table columns. */
    private final List<TableFilter> tableFilters;
    /** Filters of joins above whose probe side this scan feeds, applied after the conjuncts ... */
    private final List<JoinFilterSlot> joinFilters;
    /** ... each to the output column holding the join's probe key. */
    private final int[] joinFilterColumns;

    public PhysicalTableScan(TableEntry table, int[] columns, List<LogicalType> types, List<String> columnNames) {
        this(table, columns, types, columnNames, List.of(), new int[0][], List.of(), new int[0]);
    }

    public PhysicalTableScan(TableEntry table, int[] columns, List<LogicalType> types, List<String> columnNames,
                             List<ResolvedExpr> filters, int[][] filterColumns, List<JoinFilterSlot> joinFilters,
                             int[] joinFilterColumns) {
        super(types);
        this.table = table;
        this.columns = columns.clone();
        this.columnNames = List.copyOf(columnNames);
        this.filters = List.copyOf(filters);
        this.filterColumns = filterColumns.clone();
        this.tableFilters = TableFilters.of(this.filters, this.columns);
        this.joinFilters = List.copyOf(joinFilters);
        this.joinFilterColumns = joinFilterColumns.clone();
    }

    public TableEntry table() {
        return table;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }

    @Override
    public String name() {
        return "TABLE_SCAN";
    }

    @Override
    public List<String> details() {
        List<String> d = new ArrayList<>(List.of(table.name(), "(" + String.join(", ", columnNames) + ")"));
        if (!filters.isEmpty()) {
            List<String> shown = new ArrayList<>();
            for (ResolvedExpr f : filters) shown.add(ExpressionPrinter.print(f));
            d.add("filter: " + String.join(" AND ", shown));
        }
        if (!joinFilters.isEmpty()) {
            d.add("join filter: " + String.join(", ", joinFilters.stream().map(JoinFilterSlot::column).toList()));
        }
        return d;
    }

    static final class Global extends GlobalSourceState {
        final DataTable storage;
        final long limit;
        /** Rows per morsel: a row group, or an even share of one for small tables (see {@link #morselRows}). */
        final int morselRows;
        final int morsels;
        final AtomicInteger nextMorsel = new AtomicInteger();
        /** The published join filters (null entries: not available, nothing filtered). */
        final JoinFilter[] joinFilters;
        /** The row versions the query reads. */
        final Snapshot snapshot;

        Global(DataTable storage, JoinFilter[] joinFilters, int threads, Snapshot snapshot) {
            this.storage = storage;
            this.snapshot = snapshot;
            this.joinFilters = joinFilters;
            this.limit = storage.rowIdLimit();
            this.morselRows = morselRows(limit, threads);
            this.morsels = (int) ((limit + morselRows - 1) / morselRows);
        }

        @Override
        public int maxThreads() {
            return Math.max(1, morsels);
        }
    }

    static final class Local extends LocalSourceState {
        long position;
        long end;
        final ExpressionEvaluator[] filters;
        final boolean[] loaded;
        int[] selA = new int[Vector.DEFAULT_CAPACITY];
        int[] selB = new int[Vector.DEFAULT_CAPACITY];
        /** This thread's join filters. */
        final ScanJoinFilters joinFilters;

        Local(List<ResolvedExpr> filters, int columns, JoinFilter[] joinFilters) {
            this.filters = new ExpressionEvaluator[filters.size()];
            for (int i = 0; i < this.filters.length; i++) this.filters[i] = new ExpressionEvaluator(filters.get(i));
            this.loaded = new boolean[columns];
            this.joinFilters = new ScanJoinFilters(joinFilters, ScanJoinFilters.KEEPS_AT_MOST_FOR_TABLES);
        }
    }

    /**
     * A row group, unless the table has too few of them to keep every thread busy: then the
     * largest whole fraction of a row group (a multiple of the vector size, at least
     * {@link #MIN_MORSEL_ROWS}) giving up to four morsels per thread. Customer at TPC-H SF 1 is 1.2 row groups; as two morsels, one thread
     * read 82 % of it while the other idled. Morsels never straddle row groups.
     */
    static int morselRows(long rows, int threads) {
        int vectors = DataTable.ROW_GROUP_SIZE / Vector.DEFAULT_CAPACITY;
        int smallest = DataTable.ROW_GROUP_SIZE;
        for (int parts = 1; parts <= vectors; parts++) {
            if (vectors % parts != 0) continue;
            int size = DataTable.ROW_GROUP_SIZE / parts;
            if (size < MIN_MORSEL_ROWS) break;
            smallest = size;
            if ((rows + size - 1) / size >= 4L * threads) return size;
        }
        return smallest;
    }

    /** Below this, a morsel's fixed costs (states, a thread hand-off) outweigh the balance it buys. */
    private static final int MIN_MORSEL_ROWS = 8 * Vector.DEFAULT_CAPACITY;

    @Override
    public GlobalSourceState globalSourceState(ExecutionContext ctx, GlobalSinkState sinkState) {
        JoinFilter[] published = new JoinFilter[joinFilters.size()];
        for (int i = 0; i < published.length; i++) published[i] = ctx.joinFilter(joinFilters.get(i));
        return new Global(table.storage(), published, ctx.threads(), ctx.snapshot());
    }

    @Override
    public LocalSourceState localSourceState(ExecutionContext ctx, GlobalSourceState global) {
        return new Local(filters, columns.length, ((Global) global).joinFilters);
    }

    @Override
    public SourceResult getData(ExecutionContext ctx, DataChunk out, GlobalSourceState global, LocalSourceState local) {
        Global g = (Global) global;
        Local l = (Local) local;
        int capacity = Math.min(Vector.DEFAULT_CAPACITY, out.columnCount() == 0 ? Vector.DEFAULT_CAPACITY : out.column(0).capacity());
        while (true) {
            if (l.position >= l.end) {
                int morsel = g.nextMorsel.getAndIncrement();
                if (morsel >= g.morsels) return SourceResult.FINISHED;
                l.batchIndex = morsel;
                l.position = (long) morsel * g.morselRows;
                l.end = Math.min(l.position + g.morselRows, g.limit);
                if (!tableFilters.isEmpty() && !g.storage.mayMatch((int) (l.position / DataTable.ROW_GROUP_SIZE), tableFilters)) {
                    ctx.addRowsSkipped(l.end - l.position);
                    l.position = l.end;
                    continue;
                }
            }
            int n = (int) Math.min(capacity, l.end - l.position);
            long from = l.position;
            l.position += n;
            if (filters.isEmpty() && !l.joinFilters.any()) {
                g.storage.scan(from, n, g.limit, g.snapshot, columns, out); // with no columns it just counts live rows
            } else if (g.storage.hasInvisible(from, from + n)) {
                g.storage.scan(from, n, g.limit, g.snapshot, columns, out);
                filter(out, l);
            } else {
                scanFiltered(g.storage, from, n, out, l);
            }
            if (out.count() > 0) return SourceResult.HAVE_MORE_OUTPUT;
        }
    }

    /** Applies the conjuncts to a chunk read in full. */
    private void filter(DataChunk out, Local l) {
        int m = out.count();
        int[] sel = null;
        for (ExpressionEvaluator f : l.filters) {
            int[] target = sel == l.selA ? l.selB : l.selA;
            m = f.select(out, sel, m, target);
            sel = target;
            if (m == 0) break;
        }
        for (int f = 0; f < l.joinFilters.count() && m > 0; f++) {
            if (!l.joinFilters.active(f)) continue;
            int[] target = sel == l.selA ? l.selB : l.selA;
            m = l.joinFilters.select(f, out.column(joinFilterColumns[f]), sel, m, target);
            sel = target;
        }
        if (sel != null) out.setSelection(sel, m);
    }

    /** Rows {@code from .. from + n} (none deleted): columns read as the conjuncts need them, for the rows left. */
    private void scanFiltered(DataTable storage, long from, int n, DataChunk out, Local l) {
        java.util.Arrays.fill(l.loaded, false);
        int m = n;
        int[] sel = null;
        for (int f = 0; f < l.filters.length && m > 0; f++) {
            for (int c : filterColumns[f]) load(storage, from, n, sel, m, c, out, l);
            int[] target = sel == l.selA ? l.selB : l.selA;
            m = l.filters[f].select(out, sel, m, target);
            sel = target;
        }
        for (int f = 0; f < l.joinFilters.count() && m > 0; f++) {
            if (!l.joinFilters.active(f)) continue;
            int c = joinFilterColumns[f];
            load(storage, from, n, sel, m, c, out, l);
            int[] target = sel == l.selA ? l.selB : l.selA;
            m = l.joinFilters.select(f, out.column(c), sel, m, target);
            sel = target;
        }
        if (m == 0) {
            out.setCount(0);
            return;
        }
        for (int c = 0; c < columns.length; c++) load(storage, from, n, sel, m, c, out, l);
        if (m == n) out.setCount(n);
        else out.setSelection(sel, m);
    }

    private void load(DataTable storage, long from, int n, int[] sel, int m, int c, DataChunk out, Local l) {
        if (l.loaded[c]) return;
        l.loaded[c] = true;
        boolean all = sel == null || m > n * COPY_ALL_ABOVE;
        storage.scanColumn(from, all ? null : sel, all ? n : m, columns[c], out.column(c));
    }
}
