package dev.mallard.execution.operator;

import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.SourceResult;
import dev.mallard.execution.data.ColumnCollection;
import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.execution.expression.ExpressionPrinter;
import dev.mallard.execution.expression.ResolvedExpr;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.List;

/** Literal rows (VALUES); cells are evaluated when the query starts, so errors surface at run time. */
public final class PhysicalValues extends PhysicalOperator {
    private final List<List<ResolvedExpr>> rows;

    public PhysicalValues(List<LogicalType> types, List<List<ResolvedExpr>> rows) {
        super(types);
        this.rows = rows.stream().map(List::copyOf).toList();
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }

    @Override
    public String name() {
        return "VALUES";
    }

    @Override
    public List<String> details() {
        if (rows.size() > 3) return List.of(rows.size() + " rows");
        return rows.stream().map(r -> "(" + ExpressionPrinter.list(r) + ")").toList();
    }

    static final class Global extends GlobalSourceState {
        final ColumnCollection data;
        int next;

        Global(ColumnCollection data) {
            this.data = data;
        }
    }

    @Override
    public GlobalSourceState globalSourceState(ExecutionContext ctx, GlobalSinkState sinkState) {
        List<LogicalType> types = types();
        ColumnCollection data = new ColumnCollection(types, Math.max(1, rows.size()));
        DataChunk one = new DataChunk(types, 1);
        for (List<ResolvedExpr> row : rows) {
            one.reset();
            for (int c = 0; c < types.size(); c++) {
                ResolvedExpr e = row.get(c);
                Object v = e instanceof ResolvedExpr.Constant k ? k.value() : ExpressionEvaluator.evaluateConstant(e);
                one.column(c).setObject(0, v);
            }
            one.setCount(1);
            data.append(one);
        }
        return new Global(data);
    }

    @Override
    public SourceResult getData(ExecutionContext ctx, DataChunk out, GlobalSourceState global, LocalSourceState local) {
        Global g = (Global) global;
        int n = Math.min(Vector.DEFAULT_CAPACITY, g.data.size() - g.next);
        local.batchIndex = g.next;
        if (n > 0) g.data.scan(g.next, n, out);
        g.next += n;
        return g.next >= g.data.size() ? SourceResult.FINISHED : SourceResult.HAVE_MORE_OUTPUT;
    }
}
