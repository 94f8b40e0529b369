package dev.mallard.execution;

import static dev.mallard.execution.PlanFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.catalog.TableEntry;
import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.plan.LogicalPlan.AggregateCall;
import dev.mallard.plan.LogicalPlan.Assignment;
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.plan.LogicalPlan.SortKey;
import dev.mallard.storage.DataTable;
import dev.mallard.types.LogicalType;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queries over several row groups give the same answer (and order) on one thread and on four. */
class ParallelExecutionTest {
    private static final LogicalType I = LogicalType.BIGINT;
    private static TableEntry facts;
    private static TableEntry dims;
    private static final int ROWS = DataTable.ROW_GROUP_SIZE * 3 + 1234;

    @BeforeAll
    static void tables() {
        Object[][] f = new Object[ROWS][];
        for (int i = 0; i < ROWS; i++) f[i] = row((long) i, (long) (i % 1000), i % 13 == 0 ? null : (long) (i % 97));
        facts = table("facts", List.of(I, I, I), f);
        Object[][] d = new Object[2000][];
        for (int i = 0; i < d.length; i++) d[i] = row((long) i, "dim" + i);
        dims = table("dims", List.of(I, LogicalType.VARCHAR), d);
    }

    private static void sameOnOneAndFourThreads(LogicalPlan plan) {
        List<List<Object>> one = run(plan, 1);
        List<List<Object>> four = run(plan, 4);
        assertThat(four).hasSameSizeAs(one);
        assertThat(four).isEqualTo(one);
    }

    @Test
    void scanFilterProjectKeepsOrder() {
        LogicalPlan.Get g = scan(facts);
        LogicalPlan f = new LogicalPlan.Filter(g, cmp("<", col(g, 2), lit(10L, I)));
        LogicalPlan p = new LogicalPlan.Project(f, List.of(new Assignment(ColumnIds.fresh("x", I), arith("*", col(g, 0), lit(2L, I)))));
        List<List<Object>> rows = run(p, 4);
        for (int i = 1; i < rows.size(); i++) assertThat((Long) rows.get(i).get(0)).isGreaterThan((Long) rows.get(i - 1).get(0));
        sameOnOneAndFourThreads(p);
    }

    @Test
    void aggregateJoinAndSort() {
        LogicalPlan.Get g = scan(facts);
        LogicalPlan.Get d = scan(dims);
        LogicalPlan j = new LogicalPlan.Join(JoinType.INNER, g, d, cmp("=", col(g, 1), col(d, 0)), null, false);
        ColumnRef name = ColumnIds.fresh("name", LogicalType.VARCHAR);
        LogicalPlan a = new LogicalPlan.Aggregate(j, List.of(new Assignment(name, col(d, 1))), List.of(
                new AggregateCall(ColumnIds.fresh("n", I), TestFunctions.count(null), List.of(), false, null),
                new AggregateCall(ColumnIds.fresh("s", I), TestFunctions.sum(), List.of(col(g, 2)), false, null),
                new AggregateCall(ColumnIds.fresh("sd", I), TestFunctions.sum(), List.of(col(g, 2)), true, null)));
        LogicalPlan s = new LogicalPlan.Sort(a, List.of(new SortKey(name, true, false)));
        sameOnOneAndFourThreads(s);
        assertThat(run(s, 4)).hasSize(1000);
    }

    @Test
    void rightJoinAndUngroupedAggregate() {
        LogicalPlan.Get g = scan(facts);
        LogicalPlan.Get d = scan(dims);
        LogicalPlan j = new LogicalPlan.Join(JoinType.RIGHT, g, d, cmp("=", col(g, 1), col(d, 0)), null, false);
        LogicalPlan a = new LogicalPlan.Aggregate(j, List.of(), List.of(
                new AggregateCall(ColumnIds.fresh("n", I), TestFunctions.count(null), List.of(), false, null),
                new AggregateCall(ColumnIds.fresh("nf", I), TestFunctions.count(I), List.of(col(g, 0)), false, null)));
        assertThat(run(a, 4)).isEqualTo(rows(row((long) ROWS + 1000, (long) ROWS)));
        sameOnOneAndFourThreads(a);
    }

    @Test
    void errorsInWorkersPropagate() {
        LogicalPlan.Get g = scan(facts);
        Expr boom = cmp(">", arith("/", lit(1L, I), arith("-", col(g, 0), lit((long) ROWS - 5, I))), lit(0L, I));
        LogicalPlan f = new LogicalPlan.Filter(g, boom);
        assertThatThrownBy(() -> run(f, 4)).isInstanceOf(MallardException.Data.class).hasMessage("division by zero");
    }
}
