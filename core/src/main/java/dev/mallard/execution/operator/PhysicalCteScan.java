package dev.mallard.execution.operator;

import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.SourceResult;
import dev.mallard.execution.data.ColumnCollection;
import dev.mallard.execution.data.VectorOps;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Reads the rows of a materialized CTE ({@link PhysicalCte}), 2048 at a time, on every thread. */
public final class PhysicalCteScan extends PhysicalOperator {
    private final int id;
    private final PhysicalResultCollector rows;

    public PhysicalCteScan(int id, PhysicalResultCollector rows) {
        super(rows.types());
        this.id = id;
        this.rows = rows;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }

    @Override
    public String name() {
        return "CTE_SCAN";
    }

    @Override
    public List<String> details() {
        return List.of("cte " + id);
    }

    @Override
    public PhysicalOperator sourceSink() {
        return rows;
    }

    private static final class Global extends GlobalSourceState {
        final ColumnCollection rows;
        final int ranges;
        final AtomicInteger next = new AtomicInteger();

        Global(ColumnCollection rows) {
            this.rows = rows;
            this.ranges = (rows.size() + Vector.DEFAULT_CAPACITY - 1) / Vector.DEFAULT_CAPACITY;
        }

        @Override
        public int maxThreads() {
            return Math.max(1, ranges);
        }
    }

    @Override
    public GlobalSourceState globalSourceState(ExecutionContext ctx, GlobalSinkState sinkState) {
        return new Global(((PhysicalResultCollector.Global) sinkState).result());
    }

    @Override
    public SourceResult getData(ExecutionContext ctx, DataChunk out, GlobalSourceState global, LocalSourceState local) {
        Global g = (Global) global;
        int range = g.next.getAndIncrement();
        if (range >= g.ranges) return SourceResult.FINISHED;
        local.batchIndex = range;
        int from = range * Vector.DEFAULT_CAPACITY;
        int n = Math.min(Vector.DEFAULT_CAPACITY, g.rows.size() - from);
        for (int c = 0; c < g.rows.columnCount(); c++) VectorOps.copyRange(g.rows.column(c), from, n, out.column(c), 0);
        out.setCount(n);
        return range + 1 >= g.ranges ? SourceResult.FINISHED : SourceResult.HAVE_MORE_OUTPUT;
    }
}
