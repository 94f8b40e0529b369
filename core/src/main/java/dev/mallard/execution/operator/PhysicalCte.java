package dev.mallard.execution.operator;

import dev.mallard.execution.Pipeline;
import dev.mallard.execution.PipelineBuilder;
import dev.mallard.execution.PhysicalOperator;
import java.util.List;

/**
 * A common table expression computed once for several readers: the definition's rows go into
 * {@link #rows} (a collector keeping their order); the body runs as if this node were not there,
 * and each {@link PhysicalCteScan} inside it reads the collected rows once they are complete.
 */
public final class PhysicalCte extends PhysicalOperator {
    private final int id;
    private final PhysicalResultCollector rows;
    private final PhysicalOperator body;

    /** @param rows the collector over the definition, which the body's {@link PhysicalCteScan}s read */
    public PhysicalCte(int id, PhysicalResultCollector rows, PhysicalOperator body) {
        super(body.types());
        this.id = id;
        this.rows = rows;
        this.body = body;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(rows.children().get(0), body);
    }

    @Override
    public String name() {
        return "CTE";
    }

    @Override
    public List<String> details() {
        return List.of("cte " + id);
    }

    @Override
    protected void buildPipelines(PipelineBuilder builder, Pipeline current) {
        builder.buildChild(rows, rows.children().get(0));
        builder.build(body, current);
    }
}
