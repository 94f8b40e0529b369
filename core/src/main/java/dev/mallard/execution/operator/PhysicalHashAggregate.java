package dev.mallard.execution.operator;

import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSinkState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.SinkResult;
import dev.mallard.execution.SourceResult;
import dev.mallard.execution.aggregate.AggregateSink;
import dev.mallard.execution.aggregate.AggregateSpec;
import dev.mallard.execution.expression.ExpressionPrinter;
import dev.mallard.execution.expression.ResolvedExpr;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * GROUP BY (and aggregates without GROUP BY): a sink that maps each row's key to a group id in a
 * thread-local hash table and updates the aggregate states column-wise, then a source that emits
 * one row per group (keys, then aggregate values). Without keys there is exactly one group, so one
 * row comes out even for empty input. NULL keys form a group. DISTINCT and FILTER are handled here
 * for every aggregate function.
 */
public final class PhysicalHashAggregate extends PhysicalOperator {
    private final PhysicalOperator child;
    private final List<ResolvedExpr> groups;
    private final List<AggregateSpec> aggregates;

    public PhysicalHashAggregate(PhysicalOperator child, List<ResolvedExpr> groups, List<AggregateSpec> aggregates) {
        super(outputTypes(groups, aggregates));
        this.child = child;
        this.groups = List.copyOf(groups);
        this.aggregates = List.copyOf(aggregates);
    }

    private static List<LogicalType> outputTypes(List<ResolvedExpr> groups, List<AggregateSpec> aggregates) {
        List<LogicalType> t = new ArrayList<>();
        groups.forEach(g -> t.add(g.type()));
        aggregates.forEach(a -> t.add(a.function().returnType()));
        return t;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child);
    }

    @Override
    public String name() {
        return groups.isEmpty() ? "UNGROUPED_AGGREGATE" : "HASH_GROUP_BY";
    }

    @Override
    public List<String> details() {
        List<String> d = new ArrayList<>();
        if (!groups.isEmpty()) d.add("groups: " + ExpressionPrinter.list(groups));
        if (!aggregates.isEmpty()) d.add("aggregates: " + String.join(", ", aggregates.stream().map(AggregateSpec::toString).toList()));
        return d;
    }

    @Override
    public boolean isSink() {
        return true;
    }

    @Override
    public GlobalSinkState globalSinkState(ExecutionContext ctx) {
        return new AggregateSink.Global(groups, aggregates);
    }

    @Override
    public LocalSinkState localSinkState(ExecutionContext ctx, GlobalSinkState global) {
        return new AggregateSink.Local(groups, aggregates);
    }

    @Override
    public SinkResult sink(ExecutionContext ctx, DataChunk input, GlobalSinkState global, LocalSinkState local) {
        ((AggregateSink.Local) local).sink(input);
        return SinkResult.NEED_MORE_INPUT;
    }

    @Override
    public void combine(ExecutionContext ctx, GlobalSinkState global, LocalSinkState local) {
        ((AggregateSink.Global) global).combine((AggregateSink.Local) local);
    }

    @Override
    public void finalizeSink(ExecutionContext ctx, GlobalSinkState global) {
        ((AggregateSink.Global) global).finish(ctx);
    }

    @Override
    public GlobalSourceState globalSourceState(ExecutionContext ctx, GlobalSinkState sinkState) {
        return ((AggregateSink.Global) sinkState).scanState();
    }

    @Override
    public SourceResult getData(ExecutionContext ctx, DataChunk out, GlobalSourceState global, LocalSourceState local) {
        return ((AggregateSink.Scan) global).next(out, local);
    }
}
