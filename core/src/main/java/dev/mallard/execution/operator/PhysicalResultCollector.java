package dev.mallard.execution.operator;

import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.LocalSinkState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.SinkResult;
import dev.mallard.execution.data.BatchedRows;
import dev.mallard.execution.data.ColumnCollection;
import dev.mallard.execution.data.OrderedRows;
import dev.mallard.vector.DataChunk;
import java.util.List;

/**
 * The sink at the top of every query: copies the rows out of the executor's reused vectors,
 * keeping source order across threads (batch indexes), so a query without ORDER BY returns rows
 * in insertion order like DuckDB does.
 */
public final class PhysicalResultCollector extends PhysicalOperator {
    private final PhysicalOperator child;

    public PhysicalResultCollector(PhysicalOperator child) {
        super(child.types());
        this.child = child;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public String name() {
        return "RESULT_COLLECTOR";
    }

    @Override
    public boolean isSink() {
        return true;
    }

    public static final class Global extends GlobalSinkState {
        final OrderedRows rows;
        ColumnCollection result;

        Global(List<dev.mallard.types.LogicalType> types) {
            rows = new OrderedRows(types);
        }

        /** All result rows, in order; available after finalize. */
        public ColumnCollection result() {
            return result;
        }
    }

    static final class Local extends LocalSinkState {
        final BatchedRows rows;

        Local(List<dev.mallard.types.LogicalType> types) {
            rows = new BatchedRows(types);
        }
    }

    @Override
    public GlobalSinkState globalSinkState(ExecutionContext ctx) {
        return new Global(types());
    }

    @Override
    public LocalSinkState localSinkState(ExecutionContext ctx, GlobalSinkState global) {
        return new Local(types());
    }

    @Override
    public SinkResult sink(ExecutionContext ctx, DataChunk input, GlobalSinkState global, LocalSinkState local) {
        Local l = (Local) local;
        l.rows.append(input, l.batchIndex);
        return SinkResult.NEED_MORE_INPUT;
    }

    @Override
    public void combine(ExecutionContext ctx, GlobalSinkState global, LocalSinkState local) {
        ((Global) global).rows.add(((Local) local).rows);
    }

    @Override
    public void finalizeSink(ExecutionContext ctx, GlobalSinkState global) {
        Global g = (Global) global;
        g.result = g.rows.finish();
    }
}
