package dev.mallard.execution.operator;

import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSinkState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.SinkResult;
import dev.mallard.execution.SourceResult;
import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.execution.expression.ExpressionPrinter;
import dev.mallard.execution.expression.ResolvedExpr;
import dev.mallard.execution.window.WindowEvaluator;
import dev.mallard.plan.LogicalPlan.WindowCall;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * Window functions: materializes the whole input (in source order), evaluates each call's
 * PARTITION BY / ORDER BY / argument / FILTER expressions as full-length vectors, lets
 * {@link WindowEvaluator} compute the call's column, and emits the input rows (in input order)
 * followed by one column per call.
 */
public final class PhysicalWindow extends PhysicalOperator {
    /** A window call with its expressions resolved against the input. */
    public record Call(WindowCall call, List<ResolvedExpr> partitionBy, List<ResolvedExpr> orderBy, List<ResolvedExpr> args,
                       ResolvedExpr filter, Object frameStartOffset, Object frameEndOffset) {}

    private final PhysicalOperator child;
    private final List<Call> calls;

    public PhysicalWindow(PhysicalOperator child, List<Call> calls) {
        super(outputTypes(child, calls));
        this.child = child;
        this.calls = List.copyOf(calls);
    }

    private static List<LogicalType> outputTypes(PhysicalOperator child, List<Call> calls) {
        List<LogicalType> t = new ArrayList<>(child.types());
        calls.forEach(c -> t.add(c.call().output().type()));
        return t;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public String name() {
        return "WINDOW";
    }

    @Override
    public List<String> details() {
        List<String> d = new ArrayList<>();
        for (Call c : calls) {
            WindowCall w = c.call();
            String fn = w.kind() == dev.mallard.plan.LogicalPlan.WindowFunctionKind.AGGREGATE ? w.aggregate().name()
                    : w.kind().name().toLowerCase(java.util.Locale.ROOT);
            StringBuilder b = new StringBuilder(fn).append("(").append(ExpressionPrinter.list(c.args())).append(") OVER (");
            if (!c.partitionBy().isEmpty()) b.append("PARTITION BY ").append(ExpressionPrinter.list(c.partitionBy()));
            if (!c.orderBy().isEmpty()) {
                if (!c.partitionBy().isEmpty()) b.append(" ");
                b.append("ORDER BY ").append(ExpressionPrinter.list(c.orderBy()));
            }
            d.add(b.append(")").toString());
        }
        return d;
    }

    @Override
    public boolean isSink() {
        return true;
    }

    @Override
    public GlobalSinkState globalSinkState(ExecutionContext ctx) {
        return new SortedRows.Global(child.types());
    }

    @Override
    public LocalSinkState localSinkState(ExecutionContext ctx, GlobalSinkState global) {
        return new SortedRows.Local(child.types(), List.of());
    }

    @Override
    public SinkResult sink(ExecutionContext ctx, DataChunk input, GlobalSinkState global, LocalSinkState local) {
        ((SortedRows.Local) local).sink(input);
        return SinkResult.NEED_MORE_INPUT;
    }

    @Override
    public void combine(ExecutionContext ctx, GlobalSinkState global, LocalSinkState local) {
        ((SortedRows.Global) global).combine((SortedRows.Local) local);
    }

    @Override
    public void finalizeSink(ExecutionContext ctx, GlobalSinkState global) {
        SortedRows.Global g = (SortedRows.Global) global;
        g.finishRows();
        int n = g.rows.size();
        DataChunk all = new DataChunk(g.rows.columns(), n, null);
        Vector[] results = new Vector[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            ctx.checkInterrupted();
            Call c = calls.get(i);
            Vector[] partition = evaluateAll(c.partitionBy(), all);
            Vector[] order = evaluateAll(c.orderBy(), all);
            Vector[] args = evaluateAll(c.args(), all);
            Vector filter = c.filter() == null ? null : new ExpressionEvaluator(c.filter()).evaluate(all);
            results[i] = WindowEvaluator.evaluate(c.call(), n, partition, order, args, filter,
                    c.frameStartOffset(), c.frameEndOffset());
        }
        g.extraOutputs = results;
    }

    /** Each expression over all rows; a fresh evaluator per expression keeps the results apart. */
    private static Vector[] evaluateAll(List<ResolvedExpr> exprs, DataChunk all) {
        Vector[] out = new Vector[exprs.size()];
        for (int i = 0; i < out.length; i++) out[i] = new ExpressionEvaluator(exprs.get(i)).evaluate(all);
        return out;
    }

    @Override
    public GlobalSourceState globalSourceState(ExecutionContext ctx, GlobalSinkState sinkState) {
        return new SortedRows.Scan((SortedRows.Global) sinkState, child.types().size());
    }

    @Override
    public SourceResult getData(ExecutionContext ctx, DataChunk out, GlobalSourceState global, LocalSourceState local) {
        return ((SortedRows.Scan) global).next(out, local);
    }
}
