package dev.mallard.execution.operator;

import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalOperatorState;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.OperatorResult;
import dev.mallard.execution.OperatorState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.vector.DataChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * LIMIT / OFFSET, streaming: skips the first {@code offset} rows, passes the next {@code limit}
 * by narrowing the selection, then finishes the pipeline so the source stops reading. Which rows
 * pass depends on their order, so pipelines through a limit run on one thread; the counter is
 * shared by every pipeline feeding the limit (the branches of a UNION ALL).
 */
public final class PhysicalLimit extends PhysicalOperator {
    private final PhysicalOperator child;
    private final long limit;
    private final long offset;

    /** @param limit maximum rows, or -1 for no limit */
    public PhysicalLimit(PhysicalOperator child, long limit, long offset) {
        super(child.types());
        this.child = child;
        this.limit = limit;
        this.offset = Math.max(0, offset);
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public String name() {
        return "LIMIT";
    }

    @Override
    public List<String> details() {
        List<String> d = new ArrayList<>();
        if (limit >= 0) d.add("limit: " + limit);
        if (offset > 0) d.add("offset: " + offset);
        return d;
    }

    @Override
    public boolean requiresSerialExecution() {
        return true;
    }

    static final class Global extends GlobalOperatorState {
        long seen;
    }

    static final class State extends OperatorState {
        final Global global;
        int[] sel = new int[dev.mallard.vector.Vector.DEFAULT_CAPACITY];
        DataChunk view;

        State(Global global) {
            this.global = global;
        }
    }

    @Override
    public GlobalOperatorState globalOperatorState(ExecutionContext ctx) {
        return new Global();
    }

    @Override
    public OperatorState operatorState(ExecutionContext ctx, GlobalOperatorState global, GlobalSinkState sinkState) {
        return new State((Global) global);
    }

    @Override
    public OperatorResult execute(ExecutionContext ctx, DataChunk input, OperatorState state) {
        State s = (State) state;
        Global g = s.global;
        long end = limit < 0 ? Long.MAX_VALUE : offset + limit;
        if (g.seen >= end) return OperatorResult.FINISHED;
        int count = input.count();
        long first = g.seen;
        g.seen += count;
        // rows [first, first + count) of the stream; keep those in [offset, end)
        int from = (int) Math.max(0, Math.min(count, offset - first));
        int to = (int) Math.max(0, Math.min(count, end - first));
        if (to > from) {
            if (from == 0 && to == count) {
                s.output = input;
            } else {
                if (s.sel.length < count) s.sel = new int[count];
                for (int k = from; k < to; k++) s.sel[k - from] = input.position(k);
                if (s.view == null || s.view.columns() != input.columns()) s.view = new DataChunk(input.columns(), 0, null);
                s.view.setSelection(s.sel, to - from);
                s.output = s.view;
            }
        }
        return g.seen >= end ? OperatorResult.FINISHED : OperatorResult.NEED_MORE_INPUT;
    }
}
