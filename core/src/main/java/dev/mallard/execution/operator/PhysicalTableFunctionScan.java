package dev.mallard.execution.operator;

import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.SourceResult;
import dev.mallard.execution.join.JoinFilter;
import dev.mallard.execution.join.JoinFilterSlot;
import dev.mallard.execution.join.ScanJoinFilters;
import dev.mallard.function.table.BoundTableFunction;
import dev.mallard.function.table.KeyFirstReader;
import dev.mallard.function.table.ParallelTableFunction;
import dev.mallard.storage.TableFilter;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a table function (range, generate_series, read_csv ...). A {@link ParallelTableFunction}
 * is read by many threads, piece by piece, with the filters pushed into it; any other function
 * through one reader.
 */
public final class PhysicalTableFunctionScan extends PhysicalOperator {
    /** Batch index bits for the chunks of one piece: the rest numbers pieces (2^18 of them fit a source's 32 bits); later chunks of a longer piece share the last index, which keeps their order. */
    private static final int CHUNK_BITS = 14;

    private final BoundTableFunction function;
    private final List<TableFilter> filters;
    /** Filters of joins above whose probe side this scan feeds (parallel functions only) ... */
    private final List<JoinFilterSlot> joinFilters;
    /** ... each to the output column holding the join's probe key. */
    private final int[] joinFilterColumns;

    public PhysicalTableFunctionScan(BoundTableFunction function) {
        this(function, List.of(), List.of(), new int[0]);
    }

    /**
     * @param filters conjuncts of a filter above the scan, on the function's columns, for skipping pieces
     * @param joinFilters join filters to apply to the rows read (a {@link ParallelTableFunction} only), to columns {@code joinFilterColumns}
     */
    public PhysicalTableFunctionScan(BoundTableFunction function, List<TableFilter> filters, List<JoinFilterSlot> joinFilters,
                                     int[] joinFilterColumns) {
        super(function.columnTypes());
        if (!joinFilters.isEmpty() && !(function instanceof ParallelTableFunction)) {
            throw new IllegalArgumentException("join filters need a parallel table function");
        }
        this.function = function;
        this.filters = List.copyOf(filters);
        this.joinFilters = List.copyOf(joinFilters);
        this.joinFilterColumns = joinFilterColumns.clone();
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }

    @Override
    public String name() {
        return "TABLE_FUNCTION";
    }

    @Override
    public List<String> details() {
        List<String> d = new ArrayList<>(List.of(function.name(), "(" + String.join(", ", function.columnNames()) + ")"));
        if (!filters.isEmpty()) d.add("skipping by: " + filters.size() + " filter" + (filters.size() == 1 ? "" : "s"));
        if (!joinFilters.isEmpty()) d.add("join filter: " + String.join(", ", joinFilters.stream().map(JoinFilterSlot::column).toList()));
        return d;
    }

    /** One reader for all threads: functions that are not parallel. */
    static final class Serial extends GlobalSourceState {
        final BoundTableFunction.Reader reader;
        long chunks;

        Serial(BoundTableFunction.Reader reader) {
            this.reader = reader;
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    static final class Parallel extends GlobalSourceState {
        final ParallelTableFunction.Source source;
        final int threads;
        /** The published join filters (null entries: not available, nothing filtered). */
        final JoinFilter[] joinFilters;

        Parallel(ParallelTableFunction.Source source, int threads, JoinFilter[] joinFilters) {
            this.source = source;
            this.threads = threads;
            this.joinFilters = joinFilters;
        }

        @Override
        public int maxThreads() {
            return threads;
        }

        @Override
        public void close() {
            source.close();
        }
    }

    static final class Local extends LocalSourceState {
        ParallelTableFunction.Piece piece;
        long chunk;
        ScanJoinFilters joinFilters;
        int[] selA, selB;
        /** {@link #joinFilter} on this thread's chunks, for a {@link KeyFirstReader}. */
        Consumer<DataChunk> keyFilter;
    }

    @Override
    public GlobalSourceState globalSourceState(ExecutionContext ctx, GlobalSinkState sinkState) {
        if (function instanceof ParallelTableFunction p) {
            JoinFilter[] published = new JoinFilter[joinFilters.size()];
            for (int i = 0; i < published.length; i++) published[i] = ctx.joinFilter(joinFilters.get(i));
            return new Parallel(p.start(ctx.threads(), filters), ctx.threads(), published);
        }
        return new Serial(function.open());
    }

    @Override
    public LocalSourceState localSourceState(ExecutionContext ctx, GlobalSourceState global) {
        Local l = new Local();
        if (global instanceof Parallel p && p.joinFilters.length > 0) {
            boolean keysFirst = function instanceof ParallelTableFunction f && f.readsKeysFirst();
            l.joinFilters = new ScanJoinFilters(p.joinFilters,
                    keysFirst ? ScanJoinFilters.KEEPS_AT_MOST_FOR_TABLES : ScanJoinFilters.KEEPS_AT_MOST_FOR_FILES);
            l.selA = new int[Vector.DEFAULT_CAPACITY];
            l.selB = new int[Vector.DEFAULT_CAPACITY];
            l.keyFilter = chunk -> joinFilter(chunk, l);
        }
        return l;
    }

    /**
     * Drops the rows of {@code out} whose probe keys no build row can match, before they are
     * handed on: after the rows were read in full (a file has no cheaper way to give one column
     * first), or from a {@link KeyFirstReader} before the other columns are read. Returns the rows left.
     */
    private int joinFilter(DataChunk out, Local l) {
        int m = out.count();
        int[] sel = out.sel();
        for (int f = 0; f < l.joinFilters.count() && m > 0; f++) {
            if (!l.joinFilters.active(f)) continue;
            int[] target = sel == l.selA ? l.selB : l.selA;
            if (target.length < m) target = new int[Math.max(m, out.column(0).capacity())];
            m = l.joinFilters.select(f, out.column(joinFilterColumns[f]), sel, m, target);
            if (sel == l.selA) l.selB = target;
            else l.selA = target;
            sel = target;
        }
        if (sel != out.sel()) out.setSelection(sel, m);
        return m;
    }

    @Override
    public SourceResult getData(ExecutionContext ctx, DataChunk out, GlobalSourceState global, LocalSourceState local) {
        if (global instanceof Serial g) {
            synchronized (g) {
                local.batchIndex = g.chunks++;
                return g.reader.next(out) ? SourceResult.HAVE_MORE_OUTPUT : SourceResult.FINISHED;
            }
        }
        Parallel g = (Parallel) global;
        Local l = (Local) local;
        while (true) {
            if (l.piece == null) {
                l.piece = g.source.next();
                if (l.piece == null) return SourceResult.FINISHED;
                l.chunk = 0;
            }
            boolean filtering = l.joinFilters != null && l.joinFilters.any();
            boolean read = filtering && l.piece.reader() instanceof KeyFirstReader k
                    ? k.next(out, joinFilterColumns, l.keyFilter)
                    : l.piece.reader().next(out);
            if (read) {
                local.batchIndex = (l.piece.ordinal() << CHUNK_BITS) + Math.min(l.chunk++, (1L << CHUNK_BITS) - 1);
                if (filtering && !(l.piece.reader() instanceof KeyFirstReader)) joinFilter(out, l);
                if (out.count() > 0) return SourceResult.HAVE_MORE_OUTPUT;
                out.reset(); // every row dropped: read on, into a clean chunk
                continue;
            }
            l.piece.reader().close();
            l.piece = null;
        }
    }
}
