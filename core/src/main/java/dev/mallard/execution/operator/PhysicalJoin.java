package dev.mallard.execution.operator;

import dev.mallard.execution.join.JoinFilter;
import dev.mallard.execution.join.JoinFilterSlot;
import dev.mallard.execution.ExecutionContext;
import dev.mallard.execution.GlobalOperatorState;
import dev.mallard.execution.GlobalSinkState;
import dev.mallard.execution.GlobalSourceState;
import dev.mallard.execution.LocalSinkState;
import dev.mallard.execution.LocalSourceState;
import dev.mallard.execution.OperatorResult;
import dev.mallard.execution.OperatorState;
import dev.mallard.execution.PhysicalOperator;
import dev.mallard.execution.Pipeline;
import dev.mallard.execution.PipelineBuilder;
import dev.mallard.execution.SinkResult;
import dev.mallard.execution.SourceResult;
import dev.mallard.execution.join.JoinBuild;
import dev.mallard.execution.join.JoinCondition;
import dev.mallard.execution.join.JoinProbe;
import dev.mallard.execution.join.UnmatchedBuildScan;
import dev.mallard.execution.expression.ResolvedExpr;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * What hash joins and nested-loop joins share: the right input is materialized by the sink role
 * (the build pipeline), the left input streams through the operator role (the probe), and for
 * RIGHT and FULL joins the source role emits the build rows nobody matched, in a pipeline that
 * runs after every probe is done. RIGHT_SEMI and RIGHT_ANTI joins output only such a scan: the
 * build rows somebody matched, or nobody did.
 */
public abstract class PhysicalJoin extends PhysicalOperator {
    protected final JoinType type;
    protected final PhysicalOperator left;
    protected final PhysicalOperator right;
    protected final JoinCondition condition;
    /** Where the finished build publishes its {@link JoinFilter} for a scan on the probe side; null: nowhere. */
    private final JoinFilterSlot filterSlot;

    protected PhysicalJoin(JoinType type, PhysicalOperator left, PhysicalOperator right, JoinCondition condition,
                           JoinFilterSlot filterSlot) {
        super(outputTypes(type, left, right));
        this.type = type;
        this.left = left;
        this.right = right;
        this.condition = condition;
        this.filterSlot = filterSlot;
    }

    /**
     * Whether a probe row without partner leaves no trace in the output, so a scan below may drop
     * it early: the joins a {@link JoinFilter} may serve.
     */
    public static boolean dropsUnmatchedProbeRows(JoinType type) {
        return switch (type) {
            case INNER, SEMI, RIGHT, RIGHT_SEMI, RIGHT_ANTI -> true;
            case LEFT, FULL, ANTI, MARK, SINGLE -> false;
        };
    }

    private static List<LogicalType> outputTypes(JoinType type, PhysicalOperator left, PhysicalOperator right) {
        List<LogicalType> t = new ArrayList<>();
        switch (type) {
            case INNER, LEFT, RIGHT, FULL, SINGLE -> {
                t.addAll(left.types());
                t.addAll(right.types());
            }
            case SEMI, ANTI -> t.addAll(left.types());
            case RIGHT_SEMI, RIGHT_ANTI -> t.addAll(right.types());
            case MARK -> {
                t.addAll(left.types());
                t.add(LogicalType.BOOLEAN);
            }
        }
        return t;
    }

    public JoinType joinType() {
        return type;
    }

    public JoinCondition condition() {
        return condition;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(left, right);
    }

    @Override
    public List<String> details() {
        List<String> d = new ArrayList<>();
        d.add(type.name() + (condition.nullAware() && (type == JoinType.ANTI || type == JoinType.MARK) ? " (null-aware)" : ""));
        List<String> conditions = condition.describe();
        if (!conditions.isEmpty()) d.add("ON " + String.join(" AND ", conditions));
        return d;
    }

    /** The joins whose build rows are output by a scan after the probe: they track matches. */
    private boolean scansBuildRows() {
        return switch (type) {
            case RIGHT, FULL, RIGHT_SEMI, RIGHT_ANTI -> true;
            case INNER, LEFT, SEMI, ANTI, MARK, SINGLE -> false;
        };
    }

    @Override
    protected void buildPipelines(PipelineBuilder builder, Pipeline current) {
        if (scansBuildRows()) builder.followUp(this, current); // operators above the join, before adding it
        current.addOperator(this);
        builder.buildChild(this, right);
        builder.build(left, current);
    }

    // ---- sink: the build side --------------------------------------------------------------------

    @Override
    public boolean isSink() {
        return true;
    }

    @Override
    public GlobalSinkState globalSinkState(ExecutionContext ctx) {
        return new JoinBuild(right.types(), condition.rightKeys().stream().map(ResolvedExpr::type).toList());
    }

    @Override
    public LocalSinkState localSinkState(ExecutionContext ctx, GlobalSinkState global) {
        return new JoinBuild.Local(right.types(), condition.rightKeys());
    }

    @Override
    public SinkResult sink(ExecutionContext ctx, DataChunk input, GlobalSinkState global, LocalSinkState local) {
        ((JoinBuild.Local) local).sink(input);
        return SinkResult.NEED_MORE_INPUT;
    }

    @Override
    public void combine(ExecutionContext ctx, GlobalSinkState global, LocalSinkState local) {
        ((JoinBuild) global).combine((JoinBuild.Local) local);
    }

    @Override
    public void finalizeSink(ExecutionContext ctx, GlobalSinkState global) {
        boolean nullAware = condition.nullAware() && (type == JoinType.ANTI || type == JoinType.MARK);
        JoinBuild build = (JoinBuild) global;
        build.finish(condition.hasKeys() ? condition.nullsEqual() : null, scansBuildRows(),
                nullAware && condition.firstIsKey());
        if (filterSlot != null && build.table() != null) ctx.publishJoinFilter(filterSlot, JoinFilter.of(build.table(), filterSlot.key()));
    }

    // ---- operator: the probe side ----------------------------------------------------------------

    @Override
    public OperatorState operatorState(ExecutionContext ctx, GlobalOperatorState global, GlobalSinkState sinkState) {
        return new JoinProbe(type, condition, (JoinBuild) sinkState, left.types(), right.types());
    }

    @Override
    public OperatorResult execute(ExecutionContext ctx, DataChunk input, OperatorState state) {
        return ((JoinProbe) state).execute(input);
    }

    // ---- source: build rows by match, of RIGHT / FULL / RIGHT_SEMI / RIGHT_ANTI joins ------------

    @Override
    public GlobalSourceState globalSourceState(ExecutionContext ctx, GlobalSinkState sinkState) {
        boolean rightOnly = type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI;
        return new UnmatchedBuildScan((JoinBuild) sinkState, rightOnly ? 0 : left.types().size(), type == JoinType.RIGHT_SEMI);
    }

    @Override
    public LocalSourceState localSourceState(ExecutionContext ctx, GlobalSourceState global) {
        return new UnmatchedBuildScan.Local();
    }

    @Override
    public SourceResult getData(ExecutionContext ctx, DataChunk out, GlobalSourceState global, LocalSourceState local) {
        return ((UnmatchedBuildScan) global).next(out, (UnmatchedBuildScan.Local) local);
    }
}
