package dev.mallard.execution.operator;

import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.SourceResult;
import dev.mallard.function.table.BoundTableFunction;
import dev.mallard.function.table.ParallelTableFunction;
import dev.mallard.storage.TableFilter;
import dev.mallard.vector.DataChunk;
import java.util.ArrayList;
import java.util.List;

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

    public PhysicalTableFunctionScan(BoundTableFunction function) {
        this(function, List.of());
    }

    /** @param filters conjuncts of a filter above the scan, on the function's columns, for skipping pieces */
    public PhysicalTableFunctionScan(BoundTableFunction function, List<TableFilter> filters) {
        super(function.columnTypes());
        this.function = function;
        this.filters = List.copyOf(filters);
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

        Parallel(ParallelTableFunction.Source source, int threads) {
            this.source = source;
            this.threads = threads;
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
    }

    @Override
    public GlobalSourceState globalSourceState(ExecutionContext ctx, GlobalSinkState sinkState) {
        if (function instanceof ParallelTableFunction p) return new Parallel(p.start(ctx.threads(), filters), ctx.threads());
        return new Serial(function.open());
    }

    @Override
    public LocalSourceState localSourceState(ExecutionContext ctx, GlobalSourceState global) {
        return new Local();
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
            if (l.piece.reader().next(out)) {
                local.batchIndex = (l.piece.ordinal() << CHUNK_BITS) + Math.min(l.chunk++, (1L << CHUNK_BITS) - 1);
                return SourceResult.HAVE_MORE_OUTPUT;
            }
            l.piece.reader().close();
            l.piece = null;
        }
    }
}
