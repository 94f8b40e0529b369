package dev.mallard.execution;

import dev.mallard.MallardException;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain source → operators → sink, run by one or more threads that each pull chunks from the
 * source and push them through to the sink. Built top-down by {@link PipelineBuilder}.
 */
public final class Pipeline {
    private final int id;
    private final PhysicalOperator sink;
    /** Operators in execution order (source side first). */
    private final List<PhysicalOperator> operators;
    private PhysicalOperator source;
    /** Order among pipelines feeding the same sink; combined with morsel indexes into batch indexes. */
    private long batchBase;

    Pipeline(int id, PhysicalOperator sink, List<PhysicalOperator> operators) {
        this.id = id;
        this.sink = sink;
        this.operators = new ArrayList<>(operators);
    }

    public int id() {
        return id;
    }

    public PhysicalOperator source() {
        return source;
    }

    public List<PhysicalOperator> operators() {
        return operators;
    }

    public PhysicalOperator sink() {
        return sink;
    }

    long batchBase() {
        return batchBase;
    }

    /** Sets the source (see {@link PipelineBuilder#setSource}); the pipeline is complete. */
    void setSource(PhysicalOperator source, long batchBase) {
        if (this.source != null) throw new MallardException.Internal("pipeline " + id + " already has a source");
        this.source = source;
        this.batchBase = batchBase;
    }

    /** Adds an operator below those added so far (building goes from the sink down to the source). */
    public void addOperator(PhysicalOperator op) {
        operators.add(0, op);
    }

    /** True if an operator of this pipeline needs a single thread (a sink merges thread-local states itself). */
    boolean serial() {
        for (PhysicalOperator op : operators) {
            if (op.requiresSerialExecution()) return true;
        }
        return false;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Pipeline " + id + ": " + (source == null ? "?" : source.name()));
        for (PhysicalOperator op : operators) b.append(" -> ").append(op.name());
        return b.append(" => ").append(sink.name()).toString();
    }
}
