package dev.mallard.execution.window;

import static dev.mallard.execution.window.WindowCalls.aggregate;
import static dev.mallard.execution.window.WindowCalls.asc;
import static dev.mallard.execution.window.WindowCalls.call;
import static dev.mallard.execution.window.WindowCalls.constant;
import static dev.mallard.execution.window.WindowCalls.frame;
import static dev.mallard.execution.window.WindowCalls.key;
import static dev.mallard.execution.window.WindowCalls.values;
import static dev.mallard.execution.window.WindowCalls.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.plan.LogicalPlan.BoundKind;
import dev.mallard.plan.LogicalPlan.Frame;
import dev.mallard.plan.LogicalPlan.FrameUnit;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.plan.LogicalPlan.WindowCall;
import dev.mallard.plan.LogicalPlan.WindowFunctionKind;
import dev.mallard.types.Interval;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Window functions over a small table whose expected results were produced by DuckDB:
 * {@code t(p, o, v) = (1,1,10),(1,2,20),(1,2,30),(1,NULL,40),(2,5,50),(2,7,NULL),(NULL,1,70),(NULL,1,80)}.
 */
class WindowEvaluatorTest {
    private static final int N = 8;
    private final Vector p = vector(LogicalType.INTEGER, 1, 1, 1, 1, 2, 2, null, null);
    private final Vector o = vector(LogicalType.INTEGER, 1, 2, 2, null, 5, 7, 1, 1);
    private final Vector v = vector(LogicalType.BIGINT, 10L, 20L, 30L, 40L, 50L, null, 70L, 80L);
    private static final List<SortKey> BY_O = List.of(asc());

    private List<Object> run(WindowCall call, Vector[] args, Object startOffset, Object endOffset) {
        Vector out = WindowEvaluator.evaluate(call, N, new Vector[] {p}, new Vector[] {o}, args, null,
                startOffset, endOffset);
        assertThat(out.type()).isEqualTo(call.output().type());
        return values(out, N);
    }

    private List<Object> sum(Frame frame, Object startOffset, Object endOffset) {
        return run(aggregate(TestAggregates.SUM, BY_O, frame), new Vector[] {v}, startOffset, endOffset);
    }

    private static List<Object> longs(Object... values) {
        return Arrays.stream(values).map(x -> x == null ? null : ((Number) x).longValue()).map(x -> (Object) x).toList();
    }

    @Test
    void rangeWithPeersAndNullOrderKeys() {
        // RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING
        Frame f = frame(FrameUnit.RANGE, BoundKind.PRECEDING, BoundKind.FOLLOWING);
        assertThat(sum(f, 1, 1)).isEqualTo(longs(60, 60, 60, 40, 50, null, 150, 150));
        // RANGE BETWEEN 1 FOLLOWING AND 2 FOLLOWING: a NULL key's frame is its NULL peers
        assertThat(sum(frame(FrameUnit.RANGE, BoundKind.FOLLOWING, BoundKind.FOLLOWING), 1, 2))
                .isEqualTo(longs(50, null, null, 40, null, null, null, null));
        // RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING
        assertThat(sum(frame(FrameUnit.RANGE, BoundKind.FOLLOWING, BoundKind.UNBOUNDED_FOLLOWING), 1, null))
                .isEqualTo(longs(90, 40, 40, 40, null, null, null, null));
        // RANGE BETWEEN 3 PRECEDING AND 1 PRECEDING
        assertThat(sum(frame(FrameUnit.RANGE, BoundKind.PRECEDING, BoundKind.PRECEDING), 3, 1))
                .isEqualTo(longs(null, 10, 10, 40, null, 50, null, null));
        // RANGE BETWEEN CURRENT ROW AND CURRENT ROW
        assertThat(sum(frame(FrameUnit.RANGE, BoundKind.CURRENT_ROW, BoundKind.CURRENT_ROW), null, null))
                .isEqualTo(longs(10, 50, 50, 40, 50, null, 150, 150));
    }

    @Test
    void rangeDescendingAndNullsFirst() {
        Frame f = frame(FrameUnit.RANGE, BoundKind.PRECEDING, BoundKind.FOLLOWING);
        WindowCall desc = aggregate(TestAggregates.SUM, List.of(key(false, false)), f);
        assertThat(run(desc, new Vector[] {v}, 1L, 1L)).isEqualTo(longs(60, 60, 60, 40, 50, null, 150, 150));
        WindowCall nullsFirst = aggregate(TestAggregates.SUM, List.of(key(true, true)),
                frame(FrameUnit.RANGE, BoundKind.PRECEDING, BoundKind.FOLLOWING));
        assertThat(run(nullsFirst, new Vector[] {v}, 1L, 0L)).isEqualTo(longs(10, 60, 60, 40, 50, null, 150, 150));
    }

    @Test
    void groupsFrames() {
        assertThat(sum(frame(FrameUnit.GROUPS, BoundKind.PRECEDING, BoundKind.FOLLOWING), 1L, 1L))
                .isEqualTo(longs(60, 100, 100, 90, 50, 50, 150, 150));
        assertThat(sum(frame(FrameUnit.GROUPS, BoundKind.CURRENT_ROW, BoundKind.FOLLOWING), null, 1L))
                .isEqualTo(longs(60, 90, 90, 40, 50, null, 150, 150));
        assertThatThrownBy(() -> sum(frame(FrameUnit.GROUPS, BoundKind.PRECEDING, BoundKind.FOLLOWING), -1L, 1L))
                .isInstanceOf(MallardException.Data.class).hasMessageContaining("Invalid GROUPS PRECEDING value");
    }

    @Test
    void rowsFrames() {
        // ORDER BY o: partition 1 is 10, 20, 30, 40 (NULL last); stable sort keeps 20 before 30.
        assertThat(sum(frame(FrameUnit.ROWS, BoundKind.CURRENT_ROW, BoundKind.FOLLOWING), null, 1L))
                .isEqualTo(longs(30, 50, 70, 40, 50, null, 150, 80));
        // A negative PRECEDING offset points forward, as in DuckDB.
        assertThat(sum(frame(FrameUnit.ROWS, BoundKind.PRECEDING, BoundKind.FOLLOWING), -1L, 1L))
                .isEqualTo(longs(20, 30, 40, null, null, null, 80, null));
        assertThat(sum(frame(FrameUnit.ROWS, BoundKind.FOLLOWING, BoundKind.FOLLOWING), 2L, 1L))
                .isEqualTo(longs(null, null, null, null, null, null, null, null));
        assertThat(sum(frame(FrameUnit.ROWS, BoundKind.UNBOUNDED_PRECEDING, BoundKind.UNBOUNDED_FOLLOWING), null, null))
                .isEqualTo(longs(100, 100, 100, 100, 50, 50, 150, 150));
        assertThatThrownBy(() -> sum(frame(FrameUnit.ROWS, BoundKind.PRECEDING, BoundKind.FOLLOWING), null, 1L))
                .isInstanceOf(MallardException.Data.class);
    }

    @Test
    void defaultFrameWithAndWithoutOrderBy() {
        assertThat(sum(Frame.DEFAULT, null, null)).isEqualTo(longs(10, 60, 60, 100, 50, 50, 150, 150));
        WindowCall noOrder = aggregate(TestAggregates.SUM, List.of(), Frame.DEFAULT);
        Vector out = WindowEvaluator.evaluate(noOrder, N, new Vector[] {p}, new Vector[0], new Vector[] {v}, null, null, null);
        assertThat(values(out, N)).isEqualTo(longs(100, 100, 100, 100, 50, 50, 150, 150));
        // A null frame means the default too; COUNT(*) takes no arguments.
        WindowCall count = aggregate(TestAggregates.COUNT_STAR, BY_O, null);
        assertThat(run(count, new Vector[0], null, null)).isEqualTo(longs(1, 3, 3, 4, 1, 2, 2, 2));
    }

    @Test
    void filterAndDistinct() {
        Vector filter = vector(LogicalType.BOOLEAN, true, false, true, null, true, true, false, true);
        WindowCall call = aggregate(TestAggregates.SUM, BY_O, Frame.DEFAULT);
        Vector out = WindowEvaluator.evaluate(call, N, new Vector[] {p}, new Vector[] {o}, new Vector[] {v}, filter, null, null);
        assertThat(values(out, N)).isEqualTo(longs(10, 40, 40, 40, 50, 50, 80, 80));
        Vector dup = vector(LogicalType.BIGINT, 1L, 1L, 2L, 1L, 3L, 3L, null, 4L);
        WindowCall distinct = WindowCalls.call(WindowFunctionKind.AGGREGATE, TestAggregates.SUM, LogicalType.BIGINT, BY_O,
                Frame.DEFAULT, false, true);
        Vector d = WindowEvaluator.evaluate(distinct, N, new Vector[] {p}, new Vector[] {o}, new Vector[] {dup}, null, null, null);
        assertThat(values(d, N)).isEqualTo(longs(1, 3, 3, 3, 3, 3, 4, 4));
        WindowCall slidingDistinct = WindowCalls.call(WindowFunctionKind.AGGREGATE, TestAggregates.COUNT, LogicalType.BIGINT,
                BY_O, frame(FrameUnit.ROWS, BoundKind.PRECEDING, BoundKind.CURRENT_ROW), false, true);
        Vector sd = WindowEvaluator.evaluate(slidingDistinct, N, new Vector[] {p}, new Vector[] {o}, new Vector[] {dup}, null, 1L, null);
        assertThat(values(sd, N)).isEqualTo(longs(1, 1, 2, 2, 1, 1, 0, 1));
    }

    @Test
    void rankingFunctions() {
        assertThat(run(call(WindowFunctionKind.ROW_NUMBER, LogicalType.BIGINT, BY_O, null), new Vector[0], null, null))
                .isEqualTo(longs(1, 2, 3, 4, 1, 2, 1, 2));
        assertThat(run(call(WindowFunctionKind.RANK, LogicalType.BIGINT, BY_O, null), new Vector[0], null, null))
                .isEqualTo(longs(1, 2, 2, 4, 1, 2, 1, 1));
        assertThat(run(call(WindowFunctionKind.DENSE_RANK, LogicalType.BIGINT, BY_O, null), new Vector[0], null, null))
                .isEqualTo(longs(1, 2, 2, 3, 1, 2, 1, 1));
        assertThat(run(call(WindowFunctionKind.PERCENT_RANK, LogicalType.DOUBLE, BY_O, null), new Vector[0], null, null))
                .containsExactly(0.0, 1 / 3.0, 1 / 3.0, 1.0, 0.0, 1.0, 0.0, 0.0);
        assertThat(run(call(WindowFunctionKind.CUME_DIST, LogicalType.DOUBLE, BY_O, null), new Vector[0], null, null))
                .containsExactly(0.25, 0.75, 0.75, 1.0, 0.5, 1.0, 1.0, 1.0);
        Vector three = constant(LogicalType.BIGINT, 3L, N);
        assertThat(run(call(WindowFunctionKind.NTILE, LogicalType.BIGINT, BY_O, null), new Vector[] {three}, null, null))
                .isEqualTo(longs(1, 1, 2, 3, 1, 2, 1, 2));
    }

    @Test
    void ntileSizesAndErrors() {
        int n = 10;
        Vector k = new Vector(LogicalType.INTEGER, n);
        for (int i = 0; i < n; i++) k.ints[i] = i;
        Vector buckets = constant(LogicalType.INTEGER, 3, n);
        Vector out = WindowEvaluator.evaluate(call(WindowFunctionKind.NTILE, LogicalType.BIGINT, BY_O, null), n,
                new Vector[0], new Vector[] {k}, new Vector[] {buckets}, null, null, null);
        assertThat(values(out, n)).isEqualTo(longs(1, 1, 1, 1, 2, 2, 2, 3, 3, 3));
        Vector zero = constant(LogicalType.INTEGER, 0, n);
        assertThatThrownBy(() -> WindowEvaluator.evaluate(call(WindowFunctionKind.NTILE, LogicalType.BIGINT, BY_O, null),
                n, new Vector[0], new Vector[] {k}, new Vector[] {zero}, null, null, null))
                .hasMessageContaining("Argument for ntile must be greater than zero");
        Vector nulls = constant(LogicalType.INTEGER, null, n);
        Vector none = WindowEvaluator.evaluate(call(WindowFunctionKind.NTILE, LogicalType.BIGINT, BY_O, null), n,
                new Vector[0], new Vector[] {k}, new Vector[] {nulls}, null, null, null);
        assertThat(values(none, n)).containsOnlyNulls();
    }

    @Test
    void lagAndLead() {
        // ORDER BY o, v NULLS FIRST over the whole table (no partition): 10,70,80,20,30,50,NULL,40
        Vector[] noPartition = new Vector[0];
        Vector[] order = {o, v};
        List<SortKey> by = List.of(asc(), key(true, true));
        WindowCall lag = call(WindowFunctionKind.LAG, LogicalType.BIGINT, by, null);
        WindowCall lead = call(WindowFunctionKind.LEAD, LogicalType.BIGINT, by, null);
        List<Object> lag1 = values(WindowEvaluator.evaluate(lag, N, noPartition, order, new Vector[] {v}, null, null, null), N);
        // Results by input row: rows are (10, 20, 30, 40, 50, NULL, 70, 80)
        assertThat(lag1).isEqualTo(longs(null, 80, 20, null, 30, 50, 10, 70));
        Vector two = constant(LogicalType.BIGINT, 2L, N);
        Vector minusOne = constant(LogicalType.BIGINT, -1L, N);
        Vector one = constant(LogicalType.BIGINT, 1L, N);
        assertThat(values(WindowEvaluator.evaluate(lag, N, noPartition, order, new Vector[] {v, two}, null, null, null), N))
                .isEqualTo(longs(null, 70, 80, 50, 20, 30, null, 10));
        assertThat(values(WindowEvaluator.evaluate(lead, N, noPartition, order, new Vector[] {v, one, minusOne}, null, null, null), N))
                .isEqualTo(longs(70, 30, 50, -1, null, 40, 80, 20));
        // LAG(v, -1) = LEAD(v), LAG(v, 0) = v
        assertThat(values(WindowEvaluator.evaluate(lag, N, noPartition, order, new Vector[] {v, minusOne}, null, null, null), N))
                .isEqualTo(longs(70, 30, 50, null, null, 40, 80, 20));
        Vector zero = constant(LogicalType.BIGINT, 0L, N);
        assertThat(values(WindowEvaluator.evaluate(lag, N, noPartition, order, new Vector[] {v, zero}, null, null, null), N))
                .isEqualTo(values(v, N));
        // a NULL offset gives NULL, not the default
        Vector nullOffset = constant(LogicalType.BIGINT, null, N);
        assertThat(values(WindowEvaluator.evaluate(lag, N, noPartition, order, new Vector[] {v, nullOffset, minusOne}, null, null, null), N))
                .containsOnlyNulls();
    }

    @Test
    void lagAndLeadIgnoreNulls() {
        // ORDER BY o, p NULLS FIRST: (NULL,1,70),(NULL,1,80),(1,1,10),(1,2,20),(1,2,30),(2,5,50),(2,7,NULL),(1,NULL,40)
        Vector[] order = {o, p};
        List<SortKey> by = List.of(asc(), key(true, true));
        WindowCall lead = call(WindowFunctionKind.LEAD, null, LogicalType.BIGINT, by, null, true, false);
        WindowCall lag = call(WindowFunctionKind.LAG, null, LogicalType.BIGINT, by, null, true, false);
        assertThat(values(WindowEvaluator.evaluate(lead, N, new Vector[0], order, new Vector[] {v}, null, null, null), N))
                .isEqualTo(longs(20, 30, 50, null, 40, 40, 80, 10));
        assertThat(values(WindowEvaluator.evaluate(lag, N, new Vector[0], order, new Vector[] {v}, null, null, null), N))
                .isEqualTo(longs(80, 10, 20, 50, 30, 50, null, 70));
        Vector two = constant(LogicalType.BIGINT, 2L, N);
        Vector minusOne = constant(LogicalType.BIGINT, -1L, N);
        assertThat(values(WindowEvaluator.evaluate(lag, N, new Vector[0], order, new Vector[] {v, two, minusOne}, null, null, null), N))
                .isEqualTo(longs(70, 80, 10, 30, 20, 30, -1, -1));
        // offset 0 returns the current value even when it is NULL
        Vector zero = constant(LogicalType.BIGINT, 0L, N);
        assertThat(values(WindowEvaluator.evaluate(lag, N, new Vector[0], order, new Vector[] {v, zero, minusOne}, null, null, null), N))
                .isEqualTo(values(v, N));
    }

    @Test
    void firstLastNthValue() {
        // ORDER BY v NULLS FIRST over everything, default frame
        Vector[] order = {v};
        List<SortKey> by = List.of(key(true, true));
        Vector two = constant(LogicalType.BIGINT, 2L, N);
        assertThat(valueFn(WindowFunctionKind.FIRST_VALUE, false, order, by, new Vector[] {v}))
                .containsOnlyNulls();
        assertThat(valueFn(WindowFunctionKind.LAST_VALUE, false, order, by, new Vector[] {v})).isEqualTo(values(v, N));
        assertThat(valueFn(WindowFunctionKind.NTH_VALUE, false, order, by, new Vector[] {v, two}))
                .isEqualTo(longs(10, 10, 10, 10, 10, null, 10, 10));
        assertThat(valueFn(WindowFunctionKind.FIRST_VALUE, true, order, by, new Vector[] {v}))
                .isEqualTo(longs(10, 10, 10, 10, 10, null, 10, 10));
        assertThat(valueFn(WindowFunctionKind.LAST_VALUE, true, order, by, new Vector[] {v}))
                .isEqualTo(longs(10, 20, 30, 40, 50, null, 70, 80));
        assertThat(valueFn(WindowFunctionKind.NTH_VALUE, true, order, by, new Vector[] {v, two}))
                .isEqualTo(longs(null, 20, 20, 20, 20, null, 20, 20));
        // n <= 0 or NULL gives NULL, as in DuckDB
        Vector zero = constant(LogicalType.BIGINT, 0L, N);
        assertThat(valueFn(WindowFunctionKind.NTH_VALUE, false, order, by, new Vector[] {v, zero})).containsOnlyNulls();
    }

    @Test
    void valueFunctionsRespectTheFrame() {
        int n = 4;
        Vector k = vector(LogicalType.BIGINT, 0L, 1L, 2L, 3L);
        Frame f = frame(FrameUnit.ROWS, BoundKind.FOLLOWING, BoundKind.FOLLOWING);
        WindowCall first = call(WindowFunctionKind.FIRST_VALUE, LogicalType.BIGINT, List.of(asc()), f);
        WindowCall last = call(WindowFunctionKind.LAST_VALUE, LogicalType.BIGINT, List.of(asc()), f);
        assertThat(values(WindowEvaluator.evaluate(first, n, null, new Vector[] {k}, new Vector[] {k}, null, 2L, 3L), n))
                .isEqualTo(longs(2, 3, null, null));
        assertThat(values(WindowEvaluator.evaluate(last, n, null, new Vector[] {k}, new Vector[] {k}, null, 2L, 3L), n))
                .isEqualTo(longs(3, 3, null, null));
        WindowCall nth = call(WindowFunctionKind.NTH_VALUE, LogicalType.BIGINT, List.of(asc()),
                frame(FrameUnit.ROWS, BoundKind.UNBOUNDED_PRECEDING, BoundKind.UNBOUNDED_FOLLOWING));
        Vector ns = vector(LogicalType.BIGINT, 5L, 4L, 3L, 2L);
        assertThat(values(WindowEvaluator.evaluate(nth, n, null, new Vector[] {k}, new Vector[] {k, ns}, null, null, null), n))
                .isEqualTo(longs(null, 3, 2, 1));
    }

    private List<Object> valueFn(WindowFunctionKind kind, boolean ignoreNulls, Vector[] order, List<SortKey> by, Vector[] args) {
        WindowCall c = call(kind, null, LogicalType.BIGINT, by, null, ignoreNulls, false);
        return values(WindowEvaluator.evaluate(c, N, new Vector[0], order, args, null, null, null), N);
    }

    @Test
    void rangeOverDatesWithMonthIntervals() {
        int n = 5;
        Vector d = vector(LogicalType.DATE, day("2024-01-31"), day("2024-02-29"), day("2024-03-01"), day("2024-03-31"), null);
        Frame f = frame(FrameUnit.RANGE, BoundKind.PRECEDING, BoundKind.FOLLOWING);
        Interval month = new Interval(1, 0, 0);
        Interval oneDay = new Interval(0, 1, 0);
        WindowCall count = aggregate(TestAggregates.COUNT_STAR, List.of(asc()), f);
        assertThat(values(WindowEvaluator.evaluate(count, n, null, new Vector[] {d}, null, null, month, oneDay), n))
                .isEqualTo(longs(1, 3, 2, 3, 1));
        WindowCall desc = aggregate(TestAggregates.COUNT_STAR, List.of(key(false, false)), f);
        assertThat(values(WindowEvaluator.evaluate(desc, n, null, new Vector[] {d}, null, null, month, oneDay), n))
                .isEqualTo(longs(2, 2, 3, 1, 1));
        // DATE with an integer offset counts days
        WindowCall days = aggregate(TestAggregates.COUNT_STAR, List.of(asc()),
                frame(FrameUnit.RANGE, BoundKind.PRECEDING, BoundKind.CURRENT_ROW));
        assertThat(values(WindowEvaluator.evaluate(days, n, null, new Vector[] {d}, null, null, 1, null), n))
                .isEqualTo(longs(1, 1, 2, 1, 1));
    }

    @Test
    void rangeOverTimestampsDoublesDecimalsAndIntervals() {
        long hour = 3_600_000_000L;
        Vector ts = vector(LogicalType.TIMESTAMP, 10 * hour, 10 * hour + hour / 2, 11 * hour, 11 * hour + 1_000_000L);
        WindowCall count = aggregate(TestAggregates.COUNT_STAR, List.of(asc()),
                frame(FrameUnit.RANGE, BoundKind.PRECEDING, BoundKind.CURRENT_ROW));
        assertThat(values(WindowEvaluator.evaluate(count, 4, null, new Vector[] {ts}, null, null, new Interval(0, 0, hour), null), 4))
                .isEqualTo(longs(1, 2, 3, 3));

        Vector dbl = vector(LogicalType.DOUBLE, 1.0, 1.5, 2.2, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, null);
        WindowCall around = aggregate(TestAggregates.COUNT_STAR, List.of(asc()),
                frame(FrameUnit.RANGE, BoundKind.PRECEDING, BoundKind.FOLLOWING));
        assertThat(values(WindowEvaluator.evaluate(around, 7, null, new Vector[] {dbl}, null, null, 0.5, 0.5), 7))
                .isEqualTo(longs(2, 2, 1, 1, 1, 1, 1));
        assertThatThrownBy(() -> WindowEvaluator.evaluate(around, 7, null, new Vector[] {dbl}, null, null,
                Double.POSITIVE_INFINITY, 0.5)).hasMessageContaining("Invalid RANGE PRECEDING value");
        assertThatThrownBy(() -> WindowEvaluator.evaluate(around, 7, null, new Vector[] {dbl}, null, null, 1.0, -1.0))
                .hasMessageContaining("Invalid RANGE FOLLOWING value");

        Vector dec = vector(LogicalType.decimal(10, 2), 100L, 150L, 250L, null);
        WindowCall decimals = aggregate(TestAggregates.COUNT_STAR, List.of(asc()),
                frame(FrameUnit.RANGE, BoundKind.PRECEDING, BoundKind.FOLLOWING));
        assertThat(values(WindowEvaluator.evaluate(decimals, 4, null, new Vector[] {dec}, null, null, 150L, 0L), 4))
                .isEqualTo(longs(1, 2, 3, 1));

        Vector iv = vector(LogicalType.INTERVAL, new Interval(0, 1, 0), new Interval(0, 0, 24 * hour), new Interval(0, 2, 0),
                new Interval(0, 4, 0));
        assertThat(values(WindowEvaluator.evaluate(decimals, 4, null, new Vector[] {iv}, null, null,
                new Interval(0, 1, 0), new Interval(0, 1, 0)), 4)).isEqualTo(longs(3, 3, 3, 1));
    }

    @Test
    void rangeWithOffsetNeedsExactlyOneOrderKey() {
        WindowCall call = aggregate(TestAggregates.SUM, List.of(asc(), asc()),
                frame(FrameUnit.RANGE, BoundKind.PRECEDING, BoundKind.CURRENT_ROW));
        assertThatThrownBy(() -> WindowEvaluator.evaluate(call, N, new Vector[0], new Vector[] {o, v}, new Vector[] {v},
                null, 1L, null)).isInstanceOf(MallardException.Binder.class);
    }

    @Test
    void emptyInput() {
        for (WindowFunctionKind kind : WindowFunctionKind.values()) {
            WindowCall c = kind == WindowFunctionKind.AGGREGATE ? aggregate(TestAggregates.SUM, BY_O, null)
                    : call(kind, LogicalType.BIGINT, BY_O, null);
            Vector out = WindowEvaluator.evaluate(c, 0, new Vector[] {p}, new Vector[] {o}, new Vector[] {v, v, v}, null, null, null);
            assertThat(out.capacity()).isPositive();
        }
    }

    @Test
    void onePartitionPerNullAndValue() {
        Vector part = vector(LogicalType.VARCHAR, "a", null, "b", null, "a");
        Vector k = vector(LogicalType.INTEGER, 5, 4, 3, 2, 1);
        WindowCall rn = call(WindowFunctionKind.ROW_NUMBER, LogicalType.BIGINT, List.of(asc()), null);
        Vector out = WindowEvaluator.evaluate(rn, 5, new Vector[] {part}, new Vector[] {k}, new Vector[0], null, null, null);
        assertThat(values(out, 5)).isEqualTo(longs(2, 2, 1, 1, 1));
    }

    private static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }
}
