package dev.mallard.execution.operator;

import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalOperatorState;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.OperatorResult;
import dev.mallard.execution.OperatorState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.execution.expression.ExpressionPrinter;
import dev.mallard.execution.expression.ResolvedExpr;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes one expression per output column. Results sit at the input's positions, so the output
 * keeps the input's selection; a plain column reference passes the input vector through.
 */
public final class PhysicalProjection extends PhysicalOperator {
    private final PhysicalOperator child;
    private final List<ResolvedExpr> expressions;
    private final List<String> names;

    public PhysicalProjection(PhysicalOperator child, List<ResolvedExpr> expressions, List<String> names) {
        super(expressions.stream().map(ResolvedExpr::type).toList());
        this.child = child;
        this.expressions = List.copyOf(expressions);
        this.names = List.copyOf(names);
    }

    public List<ResolvedExpr> expressions() {
        return expressions;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public String name() {
        return "PROJECTION";
    }

    @Override
    public List<String> details() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            String text = ExpressionPrinter.print(expressions.get(i));
            String name = i < names.size() ? names.get(i) : null;
            out.add(name == null || name.equals(text) ? text : text + " AS " + name);
        }
        return List.of(String.join(", ", out));
    }

    static final class State extends OperatorState {
        final ExpressionEvaluator[] evaluators;
        final Vector[] columns;
        final DataChunk chunk;

        State(List<ResolvedExpr> expressions) {
            evaluators = new ExpressionEvaluator[expressions.size()];
            for (int i = 0; i < evaluators.length; i++) evaluators[i] = new ExpressionEvaluator(expressions.get(i));
            columns = new Vector[evaluators.length];
            chunk = new DataChunk(columns, 0, null);
        }
    }

    @Override
    public OperatorState operatorState(ExecutionContext ctx, GlobalOperatorState global, GlobalSinkState sinkState) {
        return new State(expressions);
    }

    @Override
    public OperatorResult execute(ExecutionContext ctx, DataChunk input, OperatorState state) {
        State s = (State) state;
        for (int i = 0; i < s.evaluators.length; i++) s.columns[i] = s.evaluators[i].evaluate(input);
        s.chunk.setSelection(input.sel(), input.count());
        s.output = s.chunk;
        return OperatorResult.NEED_MORE_INPUT;
    }
}
