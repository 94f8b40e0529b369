package dev.mallard.execution;

import dev.mallard.MallardException;
import dev.mallard.vector.DataChunk;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the pipelines of one query in dependency order, each on up to {@link ExecutionContext#threads()}
 * threads (morsel-driven: every thread pulls morsels from the shared source state until none are
 * left, pushes them through its own operator states into its own local sink state, and combines
 * that into the global sink state at the end).
 *
 * <p>A pipeline may run once the sinks it reads from (its source, if that is a pipeline breaker,
 * and the build sides of joins among its operators) are finalized, and — when its source is an
 * operator of other pipelines (outer-join leftovers) — once those pipelines are done. A sink is
 * finalized when every pipeline feeding it is done.
 */
public final class PipelineExecutor {
    private final ExecutionContext ctx;
    private final List<Pipeline> pipelines;
    private final Map<PhysicalOperator, GlobalSinkState> sinkStates = new IdentityHashMap<>();
    private final Map<PhysicalOperator, GlobalOperatorState> operatorStates = new IdentityHashMap<>();
    private final Set<PhysicalOperator> finalized = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Pipeline> done = new HashSet<>();

    public PipelineExecutor(ExecutionContext ctx, List<Pipeline> pipelines) {
        this.ctx = ctx;
        this.pipelines = pipelines;
    }

    /** Runs every pipeline; afterwards {@link #sinkState} gives each sink's finalized state. */
    public void run() {
        while (done.size() < pipelines.size()) {
            Pipeline next = null;
            for (Pipeline p : pipelines) {
                if (!done.contains(p) && runnable(p)) {
                    next = p;
                    break;
                }
            }
            if (next == null) throw new MallardException.Internal("pipelines have a dependency cycle: " + pipelines);
            runPipeline(next);
            done.add(next);
            PhysicalOperator sink = next.sink();
            boolean allFed = true;
            for (Pipeline p : pipelines) {
                if (p.sink() == sink && !done.contains(p)) allFed = false;
            }
            if (allFed) {
                ctx.checkInterrupted();
                sink.finalizeSink(ctx, sinkState(sink));
                finalized.add(sink);
            }
        }
    }

    /** The global state of {@code sink} (created on first use). */
    public GlobalSinkState sinkState(PhysicalOperator sink) {
        return sinkStates.computeIfAbsent(sink, s -> s.globalSinkState(ctx));
    }

    private boolean runnable(Pipeline p) {
        PhysicalOperator source = p.source();
        if (source.sourceSink() != null && !finalized.contains(source.sourceSink())) return false;
        for (PhysicalOperator op : p.operators()) {
            if (op.isSink() && !finalized.contains(op)) return false;
        }
        // The source is an operator elsewhere (e.g. a join emitting its unmatched build rows): those runs come first.
        for (Pipeline other : pipelines) {
            if (other != p && !done.contains(other) && other.operators().contains(source)) return false;
        }
        return true;
    }

    private void runPipeline(Pipeline p) {
        ctx.checkInterrupted();
        GlobalSinkState gsink = sinkState(p.sink());
        GlobalSinkState sourceSink = p.source().sourceSink() != null ? sinkState(p.source().sourceSink()) : null;
        GlobalSourceState gsrc = p.source().globalSourceState(ctx, sourceSink);
        GlobalSinkState[] opSinks = new GlobalSinkState[p.operators().size()];
        GlobalOperatorState[] opGlobals = new GlobalOperatorState[opSinks.length];
        for (int i = 0; i < opSinks.length; i++) {
            PhysicalOperator op = p.operators().get(i);
            if (op.isSink()) opSinks[i] = sinkState(op);
            if (!operatorStates.containsKey(op)) operatorStates.put(op, op.globalOperatorState(ctx));
            opGlobals[i] = operatorStates.get(op);
        }
        int threads = p.serial() ? 1 : Math.max(1, Math.min(ctx.threads(), gsrc.maxThreads()));
        AtomicBoolean finished = new AtomicBoolean();
        try {
            ParallelTasks.runOnThreads(ctx, threads, () -> runThread(p, gsrc, opGlobals, opSinks, gsink, finished));
        } finally {
            gsrc.close();
        }
    }

    private void runThread(Pipeline p, GlobalSourceState gsrc, GlobalOperatorState[] opGlobals, GlobalSinkState[] opSinks,
                           GlobalSinkState gsink,
                           AtomicBoolean finished) {
        PhysicalOperator source = p.source();
        List<PhysicalOperator> ops = p.operators();
        LocalSourceState lsrc = source.localSourceState(ctx, gsrc);
        OperatorState[] states = new OperatorState[ops.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = ops.get(i).operatorState(ctx, opGlobals[i], opSinks[i]);
        }
        LocalSinkState lsink = p.sink().localSinkState(ctx, gsink);
        DataChunk chunk = new DataChunk(source.types());
        while (!finished.get()) {
            ctx.checkInterrupted();
            chunk.reset();
            SourceResult r = source.getData(ctx, chunk, gsrc, lsrc);
            if (chunk.count() > 0) {
                lsink.batchIndex = p.batchBase() + lsrc.batchIndex;
                if (push(p, chunk, 0, states, gsink, lsink)) {
                    finished.set(true);
                    break;
                }
            }
            if (r == SourceResult.FINISHED) break;
        }
        p.sink().combine(ctx, gsink, lsink);
    }

    /** Pushes a chunk through operators {@code i..} into the sink; true when the pipeline is finished. */
    private boolean push(Pipeline p, DataChunk chunk, int i, OperatorState[] states, GlobalSinkState gsink, LocalSinkState lsink) {
        List<PhysicalOperator> ops = p.operators();
        if (i == ops.size()) {
            return p.sink().sink(ctx, chunk, gsink, lsink) == SinkResult.FINISHED;
        }
        PhysicalOperator op = ops.get(i);
        OperatorState state = states[i];
        while (true) {
            state.output = null;
            OperatorResult r = op.execute(ctx, chunk, state);
            DataChunk out = state.output;
            if (out != null && out.count() > 0) {
                if (push(p, out, i + 1, states, gsink, lsink)) return true;
            }
            switch (r) {
                case NEED_MORE_INPUT -> { return false; }
                case FINISHED -> { return true; }
                case HAVE_MORE_OUTPUT -> ctx.checkInterrupted();
            }
        }
    }
}
