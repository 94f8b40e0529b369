package dev.mallard.execution;

import dev.mallard.MallardException;
import dev.mallard.engine.QueryResult;
import dev.mallard.execution.data.ColumnCollection;
import dev.mallard.execution.operator.PhysicalResultCollector;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.plan.LogicalPlan;
import java.util.List;

/**
 * The executor's front door: plans a logical plan physically, cuts it into pipelines, runs them
 * and returns the rows.
 *
 * <p>The result is materialized before {@link #execute} returns: the caller holds the database
 * lock only while executing, and reading storage afterwards would race with writers. Streaming
 * results (and stopping early when the client stops reading) can come with MVCC snapshots.
 */
public final class QueryExecutor {
    private QueryExecutor() {}

    public static QueryResult execute(LogicalPlan plan, List<String> columnNames, ExecutionContext ctx) {
        try {
            PhysicalOperator root = PhysicalPlanner.plan(plan);
            PhysicalResultCollector collector = new PhysicalResultCollector(root);
            PipelineExecutor executor = new PipelineExecutor(ctx, PipelineBuilder.build(collector, root));
            executor.run();
            ColumnCollection rows = ((PhysicalResultCollector.Global) executor.sinkState(collector)).result();
            return new CollectedResult(columnNames, plan.outputs().stream().map(ColumnRef::type).toList(), rows);
        } catch (MallardException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MallardException.Internal("internal error while executing: " + e, e);
        }
    }

    /** The physical plan as an indented tree (see {@link PlanPrinter}). */
    public static String explain(LogicalPlan plan) {
        return PlanPrinter.print(PhysicalPlanner.plan(plan));
    }
}
