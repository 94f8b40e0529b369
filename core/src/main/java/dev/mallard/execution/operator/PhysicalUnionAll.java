package dev.mallard.execution.operator;

import dev.mallard.execution.Pipeline;
import dev.mallard.execution.PipelineBuilder;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.types.LogicalType;
import java.util.List;

/**
 * UNION ALL: no work at run time. The pipeline above it is built twice, once over each input
 * (left first, so left rows come first in order-preserving sinks).
 */
public final class PhysicalUnionAll extends PhysicalOperator {
    private final PhysicalOperator left;
    private final PhysicalOperator right;

    public PhysicalUnionAll(List<LogicalType> types, PhysicalOperator left, PhysicalOperator right) {
        super(types);
        this.left = left;
        this.right = right;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(left, right);
    }

    @Override
    public String name() {
        return "UNION_ALL";
    }

    @Override
    protected void buildPipelines(PipelineBuilder builder, Pipeline current) {
        Pipeline other = builder.fork(current);
        builder.build(left, current);
        builder.build(right, other);
    }
}
