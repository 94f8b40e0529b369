package dev.mallard.execution;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a physical plan into pipelines. Walks the tree from the root down: streaming operators join
 * the current pipeline; a pipeline breaker ends it (becoming its source) and starts a new pipeline
 * that sinks into the breaker; a join continues the current pipeline with its probe side and starts
 * a build pipeline for its right side. Dependencies follow from the roles and are resolved by
 * {@link PipelineExecutor}.
 */
public final class PipelineBuilder {
    /** Batch bases of pipelines that emit after all others into the same sink (outer join leftovers). */
    private static final long FOLLOW_UP_BASE = 1L << 20;

    private final List<Pipeline> pipelines = new ArrayList<>();
    private int nextBatchOrder;
    private int nextFollowUpOrder;

    /** Pipelines for the plan rooted at {@code root} whose rows go into {@code sink}. */
    public static List<Pipeline> build(PhysicalOperator sink, PhysicalOperator root) {
        PipelineBuilder b = new PipelineBuilder();
        b.buildChild(sink, root);
        return b.pipelines;
    }

    /** Starts a new pipeline that sinks into {@code sink}, fed by {@code child}. */
    public void buildChild(PhysicalOperator sink, PhysicalOperator child) {
        Pipeline p = newPipeline(sink, List.of(), false);
        build(child, p);
    }

    /** Continues {@code current} with {@code op} and the operators below it. */
    public void build(PhysicalOperator op, Pipeline current) {
        op.buildPipelines(this, current);
    }

    /**
     * A copy of {@code current} (same sink, same operators above this point) to be completed with
     * another source: the other branch of a UNION ALL. Fork before building the first branch, so
     * the copy does not pick up that branch's operators.
     */
    public Pipeline fork(Pipeline current) {
        return newPipeline(current.sink(), current.operators(), false);
    }

    /**
     * A pipeline that runs after every pipeline containing {@code op} as an operator, with
     * {@code op} as its source and the operators above it: the unmatched build rows of RIGHT and
     * FULL joins.
     */
    public void followUp(PhysicalOperator op, Pipeline current) {
        Pipeline p = newPipeline(current.sink(), current.operators(), true);
        p.setSource(op, (FOLLOW_UP_BASE + nextFollowUpOrder++) << 32);
    }

    /**
     * Completes {@code current} with its source. Sources are set left to right through the plan,
     * so the branches of a UNION ALL get increasing batch orders and their rows keep that order.
     */
    public void setSource(Pipeline current, PhysicalOperator source) {
        current.setSource(source, ((long) nextBatchOrder++) << 32);
    }

    private Pipeline newPipeline(PhysicalOperator sink, List<PhysicalOperator> operators, boolean followUp) {
        Pipeline p = new Pipeline(pipelines.size(), sink, operators);
        pipelines.add(p);
        return p;
    }
}
