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
import dev.mallard.plan.LogicalPlan.JoinType;
import dev.mallard.types.LogicalType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinOperatorTest {
    private static final LogicalType I = LogicalType.BIGINT;
    private static final LogicalType S = LogicalType.VARCHAR;

    private final TableEntry left = table("l", List.of(I, S),
            row(1L, "a"), row(2L, "b"), row(2L, "b2"), row(null, "n"), row(5L, "e"));
    private final TableEntry right = table("r", List.of(I, S),
            row(2L, "x"), row(2L, "y"), row(3L, "z"), row(null, "rn"));

    private static LogicalPlan.Join join(JoinType type, LogicalPlan l, LogicalPlan r, Expr cond, boolean nullAware) {
        ColumnRef mark = type == JoinType.MARK ? ColumnIds.fresh("mark", LogicalType.BOOLEAN) : null;
        return new LogicalPlan.Join(type, l, r, cond, mark, nullAware);
    }

    private List<List<Object>> eqJoin(JoinType type) {
        LogicalPlan.Get l = scan(left), r = scan(right);
        return sorted(run(join(type, l, r, cmp("=", col(l, 0), col(r, 0)), false)));
    }

    /** Rows sorted by their text, so tests do not depend on output order where SQL leaves it open. */
    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(Object::toString));
        return out;
    }

    private static List<List<Object>> sortedRows(Object[]... rows) {
        return sorted(rows(rows));
    }

    @Test
    void innerJoin() {
        assertThat(eqJoin(JoinType.INNER)).isEqualTo(sortedRows(
                row(2L, "b", 2L, "x"), row(2L, "b", 2L, "y"), row(2L, "b2", 2L, "x"), row(2L, "b2", 2L, "y")));
    }

    @Test
    void leftJoinPadsUnmatchedAndNullKeys() {
        assertThat(eqJoin(JoinType.LEFT)).isEqualTo(sortedRows(
                row(2L, "b", 2L, "x"), row(2L, "b", 2L, "y"), row(2L, "b2", 2L, "x"), row(2L, "b2", 2L, "y"),
                row(1L, "a", null, null), row(null, "n", null, null), row(5L, "e", null, null)));
    }

    @Test
    void rightJoinEmitsUnmatchedBuildRows() {
        assertThat(eqJoin(JoinType.RIGHT)).isEqualTo(sortedRows(
                row(2L, "b", 2L, "x"), row(2L, "b", 2L, "y"), row(2L, "b2", 2L, "x"), row(2L, "b2", 2L, "y"),
                row(null, null, 3L, "z"), row(null, null, null, "rn")));
    }

    @Test
    void fullJoin() {
        assertThat(eqJoin(JoinType.FULL)).isEqualTo(sortedRows(
                row(2L, "b", 2L, "x"), row(2L, "b", 2L, "y"), row(2L, "b2", 2L, "x"), row(2L, "b2", 2L, "y"),
                row(1L, "a", null, null), row(null, "n", null, null), row(5L, "e", null, null),
                row(null, null, 3L, "z"), row(null, null, null, "rn")));
    }

    @Test
    void semiAndAntiJoin() {
        assertThat(eqJoin(JoinType.SEMI)).isEqualTo(sortedRows(row(2L, "b"), row(2L, "b2")));
        assertThat(eqJoin(JoinType.ANTI)).isEqualTo(sortedRows(row(1L, "a"), row(null, "n"), row(5L, "e")));
    }

    @Test
    void rightSemiAndRightAntiJoinOutputBuildRowsByMatch() {
        assertThat(eqJoin(JoinType.RIGHT_SEMI)).isEqualTo(sortedRows(row(2L, "x"), row(2L, "y")));
        assertThat(eqJoin(JoinType.RIGHT_ANTI)).isEqualTo(sortedRows(row(3L, "z"), row(null, "rn")));
    }

    @Test
    void markJoinWithoutNullAwareness() {
        assertThat(eqJoin(JoinType.MARK)).isEqualTo(sortedRows(
                row(1L, "a", false), row(2L, "b", true), row(2L, "b2", true), row(null, "n", false), row(5L, "e", false)));
    }

    @Test
    void nullAwareMarkAndAntiFollowInSemantics() {
        LogicalPlan.Get l = scan(left), r = scan(right);
        // right has a NULL: x IN (...) is NULL unless it matches
        assertThat(sorted(run(join(JoinType.MARK, l, r, cmp("=", col(l, 0), col(r, 0)), true)))).isEqualTo(sortedRows(
                row(1L, "a", null), row(2L, "b", true), row(2L, "b2", true), row(null, "n", null), row(5L, "e", null)));
        assertThat(run(join(JoinType.ANTI, l, r, cmp("=", col(l, 0), col(r, 0)), true))).isEmpty();

        TableEntry noNull = table("r2", List.of(I), row(2L), row(3L));
        LogicalPlan.Get r2 = scan(noNull);
        assertThat(sorted(run(join(JoinType.ANTI, l, r2, cmp("=", col(l, 0), col(r2, 0)), true))))
                .isEqualTo(sortedRows(row(1L, "a"), row(5L, "e")));
        assertThat(sorted(run(join(JoinType.MARK, l, r2, cmp("=", col(l, 0), col(r2, 0)), true)))).isEqualTo(sortedRows(
                row(1L, "a", false), row(2L, "b", true), row(2L, "b2", true), row(null, "n", null), row(5L, "e", false)));

        TableEntry empty = table("r3", List.of(I));
        LogicalPlan.Get r3 = scan(empty);
        assertThat(run(join(JoinType.ANTI, l, r3, cmp("=", col(l, 0), col(r3, 0)), true))).hasSize(5);
        assertThat(run(join(JoinType.MARK, l, r3, cmp("=", col(l, 0), col(r3, 0)), true)))
                .allSatisfy(row -> assertThat(row.get(2)).isEqualTo(false));
    }

    @Test
    void nullAwareWithCorrelationConjunct() {
        // x NOT IN (SELECT y FROM r WHERE r.g = l.g)
        TableEntry lt = table("lt", List.of(I, S), row(1L, "a"), row(null, "a"), row(3L, "b"), row(4L, "c"));
        TableEntry rt = table("rt", List.of(I, S), row(1L, "a"), row(null, "b"), row(5L, "a"));
        LogicalPlan.Get l = scan(lt), r = scan(rt);
        Expr cond = new Expr.And(List.of(cmp("=", col(l, 0), col(r, 0)), cmp("=", col(l, 1), col(r, 1))));
        assertThat(run(join(JoinType.ANTI, l, r, cond, true))).isEqualTo(rows(row(4L, "c")));
        assertThat(run(join(JoinType.MARK, l, r, cond, true))).isEqualTo(rows(
                row(1L, "a", true), row(null, "a", null), row(3L, "b", null), row(4L, "c", false)));
    }

    @Test
    void nullAwareNonEquiFirstConjunctUsesNestedLoops() {
        // x > ANY (SELECT y ...) as a null-aware MARK join
        TableEntry lt = table("lt", List.of(I), row(1L), row((Object) null), row(3L));
        TableEntry rt = table("rt", List.of(I), row(2L), row((Object) null));
        LogicalPlan.Get l = scan(lt), r = scan(rt);
        assertThat(run(join(JoinType.MARK, l, r, cmp(">", col(l, 0), col(r, 0)), true)))
                .isEqualTo(rows(row(1L, null), row(null, null), row(3L, true)));
    }

    @Test
    void singleJoinFailsOnSecondMatch() {
        TableEntry unique = table("u", List.of(I, S), row(2L, "x"), row(3L, "z"));
        LogicalPlan.Get l = scan(left), u = scan(unique);
        assertThat(sorted(run(join(JoinType.SINGLE, l, u, cmp("=", col(l, 0), col(u, 0)), false)))).isEqualTo(sortedRows(
                row(1L, "a", null, null), row(2L, "b", 2L, "x"), row(2L, "b2", 2L, "x"), row(null, "n", null, null),
                row(5L, "e", null, null)));
        assertThatThrownBy(() -> eqJoin(JoinType.SINGLE))
                .isInstanceOf(MallardException.Data.class)
                .hasMessage("More than one row returned by a subquery used as an expression");
        // no condition (an uncorrelated scalar subquery) with two rows fails as well
        LogicalPlan.Get l2 = scan(left), u2 = scan(unique);
        assertThatThrownBy(() -> run(join(JoinType.SINGLE, l2, u2, null, false))).isInstanceOf(MallardException.Data.class);
    }

    @Test
    void residualPredicateOnHashJoin() {
        LogicalPlan.Get l = scan(left), r = scan(right);
        Expr cond = new Expr.And(List.of(cmp("=", col(l, 0), col(r, 0)), cmp("<>", col(r, 1), lit("x", S))));
        assertThat(sorted(run(join(JoinType.INNER, l, r, cond, false))))
                .isEqualTo(sortedRows(row(2L, "b", 2L, "y"), row(2L, "b2", 2L, "y")));
        LogicalPlan.Get l2 = scan(left), r2 = scan(right);
        Expr cond2 = new Expr.And(List.of(cmp("=", col(l2, 0), col(r2, 0)), cmp("=", col(r2, 1), lit("x", S))));
        assertThat(sorted(run(join(JoinType.LEFT, l2, r2, cond2, false)))).isEqualTo(sortedRows(
                row(2L, "b", 2L, "x"), row(2L, "b2", 2L, "x"), row(1L, "a", null, null), row(null, "n", null, null),
                row(5L, "e", null, null)));
        LogicalPlan.Get l3 = scan(left), r3 = scan(right);
        Expr cond3 = new Expr.And(List.of(cmp("=", col(l3, 0), col(r3, 0)), cmp("=", col(r3, 1), lit("x", S))));
        assertThat(sorted(run(join(JoinType.RIGHT, l3, r3, cond3, false)))).isEqualTo(sortedRows(
                row(2L, "b", 2L, "x"), row(2L, "b2", 2L, "x"), row(null, null, 2L, "y"), row(null, null, 3L, "z"),
                row(null, null, null, "rn")));
        LogicalPlan.Get l4 = scan(left), r4 = scan(right);
        Expr cond4 = new Expr.And(List.of(cmp("=", col(l4, 0), col(r4, 0)), cmp("=", col(r4, 1), lit("y", S))));
        assertThat(sorted(run(join(JoinType.ANTI, l4, r4, cond4, false))))
                .isEqualTo(sortedRows(row(1L, "a"), row(null, "n"), row(5L, "e")));
    }

    @Test
    void isNotDistinctFromKeyMatchesNulls() {
        LogicalPlan.Get l = scan(left), r = scan(right);
        Expr cond = new Expr.Call(TestFunctions.isNotDistinctFrom(I), List.of(col(l, 0), col(r, 0)));
        assertThat(sorted(run(join(JoinType.INNER, l, r, cond, false)))).isEqualTo(sortedRows(
                row(2L, "b", 2L, "x"), row(2L, "b", 2L, "y"), row(2L, "b2", 2L, "x"), row(2L, "b2", 2L, "y"),
                row(null, "n", null, "rn")));
    }

    @Test
    void multiColumnStringKeys() {
        TableEntry a = table("a", List.of(S, I), row("k", 1L), row("k", 2L), row("m", 1L));
        TableEntry b = table("b", List.of(S, I, S), row("k", 2L, "hit"), row("m", 2L, "miss"), row("k", 1L, "hit2"));
        LogicalPlan.Get l = scan(a), r = scan(b);
        Expr cond = new Expr.And(List.of(cmp("=", col(l, 0), col(r, 0)), cmp("=", col(r, 1), col(l, 1))));
        assertThat(sorted(run(join(JoinType.INNER, l, r, cond, false)))).isEqualTo(sortedRows(
                row("k", 1L, "k", 1L, "hit2"), row("k", 2L, "k", 2L, "hit")));
    }

    @Test
    void nestedLoopJoinForEveryType() {
        TableEntry a = table("a", List.of(I), row(1L), row(3L), row((Object) null));
        TableEntry b = table("b", List.of(I), row(2L), row(4L));
        java.util.function.Function<JoinType, List<List<Object>>> nl = type -> {
            LogicalPlan.Get l = scan(a), r = scan(b);
            return sorted(run(join(type, l, r, cmp("<", col(l, 0), col(r, 0)), false)));
        };
        assertThat(nl.apply(JoinType.INNER)).isEqualTo(sortedRows(row(1L, 2L), row(1L, 4L), row(3L, 4L)));
        assertThat(nl.apply(JoinType.LEFT)).isEqualTo(sortedRows(row(1L, 2L), row(1L, 4L), row(3L, 4L), row(null, null)));
        assertThat(nl.apply(JoinType.RIGHT)).isEqualTo(sortedRows(row(1L, 2L), row(1L, 4L), row(3L, 4L)));
        assertThat(nl.apply(JoinType.FULL)).isEqualTo(sortedRows(row(1L, 2L), row(1L, 4L), row(3L, 4L), row(null, null)));
        assertThat(nl.apply(JoinType.SEMI)).isEqualTo(sortedRows(row(1L), row(3L)));
        assertThat(nl.apply(JoinType.ANTI)).isEqualTo(sortedRows(row((Object) null)));
        assertThat(nl.apply(JoinType.MARK)).isEqualTo(sortedRows(row(1L, true), row(3L, true), row(null, false)));
        // right-outer: a build row nobody matches
        TableEntry c = table("c", List.of(I), row(0L), row(2L));
        LogicalPlan.Get l = scan(a), r = scan(c);
        assertThat(sorted(run(join(JoinType.FULL, l, r, cmp("<", col(l, 0), col(r, 0)), false))))
                .isEqualTo(sortedRows(row(1L, 2L), row(3L, null), row(null, null), row(null, 0L)));
    }

    @Test
    void crossProduct() {
        TableEntry a = table("a", List.of(I), row(1L), row(2L));
        TableEntry b = table("b", List.of(S), row("x"), row("y"), row("z"));
        LogicalPlan.Get l = scan(a), r = scan(b);
        assertThat(run(join(JoinType.INNER, l, r, null, false))).isEqualTo(rows(
                row(1L, "x"), row(1L, "y"), row(1L, "z"), row(2L, "x"), row(2L, "y"), row(2L, "z")));
        TableEntry none = table("none", List.of(S));
        LogicalPlan.Get l2 = scan(a), r2 = scan(none);
        assertThat(run(join(JoinType.INNER, l2, r2, null, false))).isEmpty();
        LogicalPlan.Get l3 = scan(a), r3 = scan(none);
        assertThat(run(join(JoinType.LEFT, l3, r3, null, false))).isEqualTo(rows(row(1L, null), row(2L, null)));
    }

    @Test
    void emptyInputs() {
        TableEntry none = table("none", List.of(I, S));
        for (JoinType type : JoinType.values()) {
            LogicalPlan.Get l = scan(none), r = scan(right);
            assertThat(run(join(type, l, r, cmp("=", col(l, 0), col(r, 0)), false))).as(type + " with empty probe")
                    .hasSize(type == JoinType.RIGHT || type == JoinType.FULL || type == JoinType.RIGHT_ANTI ? 4 : 0);
            LogicalPlan.Get l2 = scan(left), r2 = scan(none);
            int expected = switch (type) {
                case INNER, RIGHT, SEMI, RIGHT_SEMI, RIGHT_ANTI -> 0;
                default -> 5;
            };
            assertThat(run(join(type, l2, r2, cmp("=", col(l2, 0), col(r2, 0)), false))).as(type + " with empty build")
                    .hasSize(expected);
        }
    }

    @Test
    void largeJoinWithManyMatchesPerKeyAcrossChunks() {
        Object[][] l = new Object[5000][];
        for (int i = 0; i < l.length; i++) l[i] = row((long) (i % 10), (long) i);
        Object[][] r = new Object[3000][];
        for (int i = 0; i < r.length; i++) r[i] = row((long) (i % 20));
        TableEntry lt = table("lt", List.of(I, I), l);
        TableEntry rt = table("rt", List.of(I), r);
        LogicalPlan.Get lg = scan(lt), rg = scan(rt);
        // each left row (keys 0..9) matches 150 right rows
        assertThat(run(join(JoinType.INNER, lg, rg, cmp("=", col(lg, 0), col(rg, 0)), false))).hasSize(5000 * 150);
        LogicalPlan.Get lg2 = scan(lt), rg2 = scan(rt);
        assertThat(run(join(JoinType.SEMI, lg2, rg2, cmp("=", col(lg2, 0), col(rg2, 0)), false))).hasSize(5000);
        // build rows with keys 0..9 are matched (many times each) and come out once
        for (JoinType t : new JoinType[] {JoinType.RIGHT_SEMI, JoinType.RIGHT_ANTI}) {
            LogicalPlan.Get lg4 = scan(lt), rg4 = scan(rt);
            assertThat(run(join(t, lg4, rg4, cmp("=", col(lg4, 0), col(rg4, 0)), false))).as(t.name()).hasSize(1500);
        }
        LogicalPlan.Get lg3 = scan(lt), rg3 = scan(rt);
        assertThat(run(join(JoinType.RIGHT, lg3, rg3, cmp("=", col(lg3, 0), col(rg3, 0)), false))).hasSize(5000 * 150 + 1500);
    }
}
