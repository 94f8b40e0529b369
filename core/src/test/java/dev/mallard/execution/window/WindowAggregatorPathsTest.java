package dev.mallard.execution.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.plan.LogicalPlan.BoundKind;
import dev.mallard.plan.LogicalPlan.Frame;
import dev.mallard.plan.LogicalPlan.FrameBound;
import dev.mallard.plan.LogicalPlan.FrameUnit;
import dev.mallard.plan.LogicalPlan.WindowCall;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The running, direct and segment-tree aggregation paths against a brute-force reference on inputs
 * large enough for several tree levels, with an order-sensitive aggregate so that a frame assembled
 * out of order is caught.
 */
class WindowAggregatorPathsTest {
    private static final int N = 6000;

    @Test
    void rowsFramesOfAllSizesMatchBruteForce() {
        Random random = new Random(9);
        Vector key = new Vector(LogicalType.INTEGER, N);
        Vector part = new Vector(LogicalType.INTEGER, N);
        Vector value = new Vector(LogicalType.BIGINT, N);
        Vector filter = new Vector(LogicalType.BOOLEAN, N);
        for (int i = 0; i < N; i++) {
            key.ints[i] = i; // input order is sorted order within each partition
            part.ints[i] = i < 4500 ? 0 : 1;
            value.setObject(i, random.nextInt(9) == 0 ? null : (long) random.nextInt(1000));
            filter.setObject(i, random.nextInt(10) == 0 ? null : random.nextInt(4) != 0);
        }
        long[][] bounds = {
                {1500, 400}, {5, 5}, {0, 70}, {200, -150}, {-40, 300}, {Long.MAX_VALUE, 0}, {0, Long.MAX_VALUE}};
        for (long[] b : bounds) {
            for (boolean filtered : new boolean[] {false, true}) {
                Frame frame = frame(b[0], b[1]);
                Object start = b[0] == Long.MAX_VALUE ? null : b[0];
                Object end = b[1] == Long.MAX_VALUE ? null : b[1];
                WindowCall call = WindowCalls.aggregate(TestAggregates.CONCAT, List.of(WindowCalls.asc()), frame);
                Vector out = WindowEvaluator.evaluate(call, N, new Vector[] {part}, new Vector[] {key},
                        new Vector[] {value}, filtered ? filter : null, start, end);
                for (int i = 0; i < N; i++) {
                    int ps = i < 4500 ? 0 : 4500;
                    int pe = i < 4500 ? 4500 : N;
                    long from = b[0] == Long.MAX_VALUE ? ps : Math.max(ps, i - b[0]);
                    long to = b[1] == Long.MAX_VALUE ? pe : Math.min(pe, i + b[1] + 1);
                    StringBuilder expected = new StringBuilder();
                    for (long r = from; r < to; r++) {
                        int row = (int) r;
                        if (value.isNull(row)) continue;
                        if (filtered && (filter.isNull(row) || !filter.bools[row])) continue;
                        if (!expected.isEmpty()) expected.append(',');
                        expected.append(value.longs[row]);
                    }
                    Object actual = out.getObject(i);
                    assertThat(actual == null ? "" : actual).as("frame %s %s row %d", b[0], b[1], i)
                            .isEqualTo(expected.toString());
                }
            }
        }
    }

    private static Frame frame(long preceding, long following) {
        FrameBound start = preceding == Long.MAX_VALUE
                ? WindowCalls.bound(BoundKind.UNBOUNDED_PRECEDING) : WindowCalls.bound(BoundKind.PRECEDING);
        FrameBound end = following == Long.MAX_VALUE
                ? WindowCalls.bound(BoundKind.UNBOUNDED_FOLLOWING) : WindowCalls.bound(BoundKind.FOLLOWING);
        return new Frame(FrameUnit.ROWS, start, end);
    }
}
