package dev.mallard.execution.window;

import dev.mallard.execution.window.FrameComputer.Frames;
import dev.mallard.plan.LogicalPlan.BoundKind;
import dev.mallard.plan.LogicalPlan.Frame;
import dev.mallard.plan.LogicalPlan.WindowCall;
import dev.mallard.plan.LogicalPlan.WindowFunctionKind;
import dev.mallard.vector.Vector;

/**
 * Computes one window function over a fully materialized input. The rows are sorted once by
 * (PARTITION BY, ORDER BY) with the {@link dev.mallard.execution.sort.Sorter}; partition and peer
 * boundaries and, where needed, each row's frame are derived from that order; results are written
 * back at the rows' input positions.
 */
public final class WindowEvaluator {
    private WindowEvaluator() {}

    /**
     * @param call             the window function; its ORDER BY directions come from {@code call.orderBy()}
     * @param rowCount         input rows: positions {@code 0..rowCount)} of every vector
     * @param partitionKeys    PARTITION BY values (may be empty)
     * @param orderKeys        ORDER BY values, one per {@code call.orderBy()} entry (may be empty)
     * @param args             the function's arguments (LAG: value, offset, default; NTILE: buckets;
     *                         NTH_VALUE: value, n; aggregates: their arguments)
     * @param filter           BOOLEAN FILTER (WHERE ...) values for aggregates, or null
     * @param frameStartOffset the start bound's offset in physical form (ROWS/GROUPS: an integer;
     *                         RANGE: a number in the ORDER BY key's physical form, or an Interval
     *                         for DATE/TIMESTAMP/INTERVAL keys), null when the bound has none
     * @param frameEndOffset   likewise for the end bound
     * @return a new vector of {@code call.output().type()} holding each input row's result at its position
     */
    public static Vector evaluate(WindowCall call, int rowCount, Vector[] partitionKeys, Vector[] orderKeys,
                                  Vector[] args, Vector filter, Object frameStartOffset, Object frameEndOffset) {
        Vector out = new Vector(call.output().type(), Math.max(rowCount, 1));
        if (rowCount == 0) return out;
        Vector[] partitions = partitionKeys == null ? new Vector[0] : partitionKeys;
        Vector[] orders = orderKeys == null ? new Vector[0] : orderKeys;
        Vector[] arguments = args == null ? new Vector[0] : args;
        WindowLayout layout = WindowLayout.build(partitions, orders, call.orderBy(), rowCount);
        Frame frame = call.frame() == null ? Frame.DEFAULT : call.frame();
        switch (call.kind()) {
            case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE ->
                    RankingFunctions.evaluate(call.kind(), layout, arguments, out);
            case LAG, LEAD -> NavigationFunctions.lagLead(call.kind() == WindowFunctionKind.LEAD,
                    call.ignoreNulls(), layout, arguments, out);
            case FIRST_VALUE, LAST_VALUE, NTH_VALUE -> {
                Frames frames = FrameComputer.compute(frame, layout, orders, call.orderBy(), frameStartOffset,
                        frameEndOffset);
                NavigationFunctions.frameValue(call.kind(), call.ignoreNulls(), layout, frames, arguments, out);
            }
            case AGGREGATE -> {
                Frames frames = FrameComputer.compute(frame, layout, orders, call.orderBy(), frameStartOffset,
                        frameEndOffset);
                boolean running = frame.start().kind() == BoundKind.UNBOUNDED_PRECEDING;
                WindowAggregator.evaluate(call.aggregate(), layout, frames, arguments, filter, call.distinct(),
                        running, out);
            }
        }
        return out;
    }
}
