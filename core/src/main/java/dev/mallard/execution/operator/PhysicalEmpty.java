package dev.mallard.execution.operator;

import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.SourceResult;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.util.List;

/** Produces no rows: a relation the optimizer proved empty. */
public final class PhysicalEmpty extends PhysicalOperator {
    public PhysicalEmpty(List<LogicalType> types) {
        super(types);
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }

    @Override
    public String name() {
        return "EMPTY_RESULT";
    }

    @Override
    public SourceResult getData(ExecutionContext ctx, DataChunk out, GlobalSourceState global, LocalSourceState local) {
        return SourceResult.FINISHED;
    }
}
