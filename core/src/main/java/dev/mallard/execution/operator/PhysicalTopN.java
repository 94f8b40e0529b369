package dev.mallard.execution.operator;

import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSinkState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.SinkResult;
import dev.mallard.execution.SourceResult;
import dev.mallard.execution.data.VectorOps;
import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.execution.sort.TopN;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * ORDER BY ... LIMIT n OFFSET m without sorting everything: each thread keeps its best
 * {@code n + m} rows in a bounded heap ({@link TopN}), the heaps are merged, and the rows after
 * the offset are emitted in order.
 */
public final class PhysicalTopN extends PhysicalOperator {
    private final PhysicalOperator child;
    private final List<SortSpec> keys;
    private final long limit;
    private final long offset;

    public PhysicalTopN(PhysicalOperator child, List<SortSpec> keys, long limit, long offset) {
        super(child.types());
        this.child = child;
        this.keys = List.copyOf(keys);
        this.limit = limit;
        this.offset = Math.max(0, offset);
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public String name() {
        return "TOP_N";
    }

    @Override
    public List<String> details() {
        List<String> d = new ArrayList<>();
        d.add(String.join(", ", keys.stream().map(SortSpec::toString).toList()));
        d.add("limit: " + limit);
        if (offset > 0) d.add("offset: " + offset);
        return d;
    }

    private TopN newHeap() {
        List<LogicalType> keyTypes = keys.stream().map(k -> k.expr().type()).toList();
        boolean[] asc = new boolean[keys.size()];
        boolean[] nullsFirst = new boolean[keys.size()];
        for (int i = 0; i < asc.length; i++) {
            asc[i] = keys.get(i).ascending();
            nullsFirst[i] = keys.get(i).nullsFirst();
        }
        return new TopN(keyTypes, asc, nullsFirst, child.types(), limit, offset);
    }

    static final class Global extends GlobalSinkState {
        TopN heap;
        List<DataChunk> result;
    }

    static final class Local extends LocalSinkState {
        final TopN heap;
        final ExpressionEvaluator[] evals;
        final Vector[] keyVectors;

        Local(TopN heap, List<SortSpec> keys) {
            this.heap = heap;
            evals = new ExpressionEvaluator[keys.size()];
            for (int i = 0; i < evals.length; i++) evals[i] = new ExpressionEvaluator(keys.get(i).expr());
            keyVectors = new Vector[evals.length];
        }
    }

    @Override
    public boolean isSink() {
        return true;
    }

    @Override
    public GlobalSinkState globalSinkState(ExecutionContext ctx) {
        return new Global();
    }

    @Override
    public LocalSinkState localSinkState(ExecutionContext ctx, GlobalSinkState global) {
        return new Local(newHeap(), keys);
    }

    @Override
    public SinkResult sink(ExecutionContext ctx, DataChunk input, GlobalSinkState global, LocalSinkState local) {
        Local l = (Local) local;
        for (int i = 0; i < l.evals.length; i++) l.keyVectors[i] = l.evals[i].evaluate(input);
        l.heap.add(l.keyVectors, input.columns(), input.sel(), input.count());
        return SinkResult.NEED_MORE_INPUT;
    }

    @Override
    public void combine(ExecutionContext ctx, GlobalSinkState global, LocalSinkState local) {
        Global g = (Global) global;
        synchronized (g) {
            if (g.heap == null) g.heap = ((Local) local).heap;
            else g.heap.merge(((Local) local).heap);
        }
    }

    @Override
    public void finalizeSink(ExecutionContext ctx, GlobalSinkState global) {
        Global g = (Global) global;
        if (g.heap == null) g.heap = newHeap();
        g.result = g.heap.result();
    }

    static final class Scan extends GlobalSourceState {
        final List<DataChunk> chunks;
        int next;

        Scan(List<DataChunk> chunks) {
            this.chunks = chunks;
        }
    }

    @Override
    public GlobalSourceState globalSourceState(ExecutionContext ctx, GlobalSinkState sinkState) {
        return new Scan(((Global) sinkState).result);
    }

    @Override
    public SourceResult getData(ExecutionContext ctx, DataChunk out, GlobalSourceState global, LocalSourceState local) {
        Scan s = (Scan) global;
        if (s.next >= s.chunks.size()) return SourceResult.FINISHED;
        DataChunk c = s.chunks.get(s.next);
        local.batchIndex = s.next++;
        int n = c.count();
        for (int col = 0; col < c.columnCount(); col++) {
            out.column(col).ensureCapacity(n);
            VectorOps.copyRange(c.column(col), 0, n, out.column(col), 0);
        }
        out.setCount(n);
        return s.next >= s.chunks.size() ? SourceResult.FINISHED : SourceResult.HAVE_MORE_OUTPUT;
    }
}
