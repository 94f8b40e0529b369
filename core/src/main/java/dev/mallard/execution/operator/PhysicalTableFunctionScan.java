package dev.mallard.execution.operator;

import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.SourceResult;
import dev.mallard.function.table.BoundTableFunction;
import dev.mallard.vector.DataChunk;
import java.util.List;

/** Reads a table function (range, generate_series, read_csv ...) through one single-threaded reader. */
public final class PhysicalTableFunctionScan extends PhysicalOperator {
    private final BoundTableFunction function;

    public PhysicalTableFunctionScan(BoundTableFunction function) {
        super(function.columnTypes());
        this.function = function;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }

    @Override
    public String name() {
        return "TABLE_FUNCTION";
    }

    @Override
    public List<String> details() {
        return List.of(function.name(), "(" + String.join(", ", function.columnNames()) + ")");
    }

    static final class Global extends GlobalSourceState {
        final BoundTableFunction.Reader reader;
        long chunks;

        Global(BoundTableFunction.Reader reader) {
            this.reader = reader;
        }
    }

    @Override
    public GlobalSourceState globalSourceState(ExecutionContext ctx, GlobalSinkState sinkState) {
        return new Global(function.open());
    }

    @Override
    public SourceResult getData(ExecutionContext ctx, DataChunk out, GlobalSourceState global, LocalSourceState local) {
        Global g = (Global) global;
        local.batchIndex = g.chunks++;
        boolean more = g.reader.next(out);
        return more ? SourceResult.HAVE_MORE_OUTPUT : SourceResult.FINISHED;
    }
}
