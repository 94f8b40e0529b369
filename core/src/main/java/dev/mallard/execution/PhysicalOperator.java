package dev.mallard.execution;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.util.List;

/**
 * A node of a physical plan. One contract with three optional roles (DuckDB's design):
 * <ul>
 *   <li><b>source</b> — hands out chunks ({@link #getData}) from per-thread local state over a
 *       global state (table scans, and pipeline breakers reading back what they accumulated);</li>
 *   <li><b>operator</b> — turns an input chunk into output chunks ({@link #execute}): filter,
 *       projection, the probe side of a join;</li>
 *   <li><b>sink</b> — consumes chunks into per-thread local state ({@link #sink}), folds it into
 *       the global state ({@link #combine}) and finishes it once ({@link #finalizeSink}): hash
 *       aggregate, sort, the build side of a join, the result collector.</li>
 * </ul>
 * Physical operators are immutable after planning; every mutable thing lives in the state
 * objects, so one plan can run on many threads. Output columns are positional: {@link #types()}.
 */
public abstract class PhysicalOperator {
    private final List<LogicalType> types;

    protected PhysicalOperator(List<LogicalType> types) {
        this.types = List.copyOf(types);
    }

    /** Types of the output columns, in order. */
    public final List<LogicalType> types() {
        return types;
    }

    public abstract List<PhysicalOperator> children();

    /** Operator name as EXPLAIN shows it, e.g. {@code HASH_JOIN}. */
    public abstract String name();

    /** EXPLAIN details: one short line each (join type and conditions, predicates, columns ...). */
    public List<String> details() {
        return List.of();
    }

    /**
     * Adds this operator to the pipeline being built top-down ({@code current} already has its
     * sink and the operators above this one). The default covers the three common shapes: a leaf
     * source, a streaming operator over one child, and a pipeline breaker (a sink over its child
     * that becomes the source of {@code current}).
     */
    protected void buildPipelines(PipelineBuilder builder, Pipeline current) {
        List<PhysicalOperator> children = children();
        if (children.isEmpty()) {
            builder.setSource(current, this);
        } else if (isSink()) {
            builder.setSource(current, this);
            builder.buildChild(this, children.get(0));
        } else if (children.size() == 1) {
            current.addOperator(this);
            builder.build(children.get(0), current);
        } else {
            throw new MallardException.Internal(name() + " must define how it forms pipelines");
        }
    }

    // ---- source role ---------------------------------------------------------------------------

    /**
     * The sink whose finalized state this source reads, or null: the pipeline waits for it. A
     * pipeline breaker reads its own sink state; a CTE scan reads the CTE's collector.
     */
    public PhysicalOperator sourceSink() {
        return isSink() ? this : null;
    }

    /** @param sinkState this operator's finalized sink state when it is also a sink, else null */
    public GlobalSourceState globalSourceState(ExecutionContext ctx, GlobalSinkState sinkState) {
        return new GlobalSourceState();
    }

    public LocalSourceState localSourceState(ExecutionContext ctx, GlobalSourceState global) {
        return new LocalSourceState();
    }

    /** Fills {@code out} (already reset, with {@link #types()}) with up to 2048 rows. */
    public SourceResult getData(ExecutionContext ctx, DataChunk out, GlobalSourceState global, LocalSourceState local) {
        throw new MallardException.Internal(name() + " is not a source");
    }

    // ---- operator role -------------------------------------------------------------------------

    /** Created once per query for this operator, shared by all its thread-local states; null if none is needed. */
    public GlobalOperatorState globalOperatorState(ExecutionContext ctx) {
        return null;
    }

    /**
     * @param global    this operator's {@link #globalOperatorState}, or null
     * @param sinkState this operator's finalized sink state when it is also a sink (a join's build side), else null
     */
    public OperatorState operatorState(ExecutionContext ctx, GlobalOperatorState global, GlobalSinkState sinkState) {
        return new OperatorState();
    }

    /** Processes {@code input}; the rows produced are left in {@code state.output}. */
    public OperatorResult execute(ExecutionContext ctx, DataChunk input, OperatorState state) {
        throw new MallardException.Internal(name() + " is not a streaming operator");
    }

    /** True when a pipeline through this operator must run on one thread (LIMIT: which rows pass depends on order). */
    public boolean requiresSerialExecution() {
        return false;
    }

    // ---- sink role -----------------------------------------------------------------------------

    public boolean isSink() {
        return false;
    }

    public GlobalSinkState globalSinkState(ExecutionContext ctx) {
        throw new MallardException.Internal(name() + " is not a sink");
    }

    public LocalSinkState localSinkState(ExecutionContext ctx, GlobalSinkState global) {
        return new LocalSinkState();
    }

    public SinkResult sink(ExecutionContext ctx, DataChunk input, GlobalSinkState global, LocalSinkState local) {
        throw new MallardException.Internal(name() + " is not a sink");
    }

    /** Folds one thread's local state into the global state; called concurrently by several threads. */
    public void combine(ExecutionContext ctx, GlobalSinkState global, LocalSinkState local) {
    }

    /** Called once after every pipeline feeding this sink has finished and combined. */
    public void finalizeSink(ExecutionContext ctx, GlobalSinkState global) {
    }

    @Override
    public String toString() {
        return name();
    }
}
