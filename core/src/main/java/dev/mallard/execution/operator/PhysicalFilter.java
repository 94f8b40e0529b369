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
import java.util.List;

/** Keeps the rows where the predicate is TRUE by narrowing the selection vector; no data is copied. */
public final class PhysicalFilter extends PhysicalOperator {
    private final PhysicalOperator child;
    private final ResolvedExpr predicate;

    public PhysicalFilter(PhysicalOperator child, ResolvedExpr predicate) {
        super(child.types());
        this.child = child;
        this.predicate = predicate;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public String name() {
        return "FILTER";
    }

    @Override
    public List<String> details() {
        return List.of(ExpressionPrinter.print(predicate));
    }

    static final class State extends OperatorState {
        final ExpressionEvaluator evaluator;
        int[] sel = new int[dev.mallard.vector.Vector.DEFAULT_CAPACITY];
        DataChunk view;

        State(ResolvedExpr predicate) {
            evaluator = new ExpressionEvaluator(predicate);
        }
    }

    @Override
    public OperatorState operatorState(ExecutionContext ctx, GlobalOperatorState global, GlobalSinkState sinkState) {
        return new State(predicate);
    }

    @Override
    public OperatorResult execute(ExecutionContext ctx, DataChunk input, OperatorState state) {
        State s = (State) state;
        int count = input.count();
        if (s.sel.length < count) s.sel = new int[count];
        // the output selection must not be the input's own buffer: a fresh one per state
        int n = s.evaluator.select(input, s.sel);
        if (n == count) {
            s.output = input;
        } else if (n > 0) {
            if (s.view == null || s.view.columns() != input.columns()) s.view = new DataChunk(input.columns(), 0, null);
            s.view.setSelection(s.sel, n);
            s.output = s.view;
        }
        return OperatorResult.NEED_MORE_INPUT;
    }
}
