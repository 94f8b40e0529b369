package dev.mallard.execution;

import static dev.mallard.execution.PlanFixture.arith;
import static dev.mallard.execution.PlanFixture.cmp;
import static dev.mallard.execution.PlanFixture.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.execution.expression.ExpressionEvaluator;
import dev.mallard.execution.expression.ExpressionResolver;
import dev.mallard.expression.Expr;
import dev.mallard.expression.Expr.ColumnRef;
import dev.mallard.plan.ColumnIds;
import dev.mallard.plan.LogicalPlan;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.DataChunk;
import dev.mallard.vector.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionEvaluatorTest {
    private static final LogicalType B = LogicalType.BOOLEAN;
    private static final LogicalType I = LogicalType.BIGINT;

    private final ColumnRef a = ColumnIds.fresh("a", B);
    private final ColumnRef b = ColumnIds.fresh("b", B);
    private final ColumnRef x = ColumnIds.fresh("x", I);
    private final ColumnRef s = ColumnIds.fresh("s", LogicalType.VARCHAR);

    /** Rows: a, b (BOOLEAN, all 9 combinations of TRUE/FALSE/NULL), x (BIGINT), s (VARCHAR). */
    private DataChunk chunk() {
        DataChunk c = new DataChunk(List.of(B, B, I, LogicalType.VARCHAR));
        Boolean[] vals = {true, false, null};
        Long[] xs = {0L, 1L, 2L, null, 4L, 0L, 6L, 7L, null};
        String[] ss = {"a", "b", null, "d", "a", "f", "g", "h", "i"};
        for (int i = 0; i < 9; i++) {
            c.column(0).setObject(i, vals[i / 3]);
            c.column(1).setObject(i, vals[i % 3]);
            c.column(2).setObject(i, xs[i]);
            c.column(3).setObject(i, ss[i]);
        }
        c.setCount(9);
        return c;
    }

    private List<Object> eval(Expr e, DataChunk c) {
        ExpressionEvaluator ev = new ExpressionEvaluator(ExpressionResolver.resolve(e, List.of(a, b, x, s)));
        Vector v = ev.evaluate(c);
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < c.count(); k++) out.add(v.getObject(c.position(k)));
        return out;
    }

    private List<Object> eval(Expr e) {
        return eval(e, chunk());
    }

    @Test
    void andOrFollowThreeValuedLogic() {
        assertThat(eval(new Expr.And(List.of(a, b)))).containsExactly(true, false, null, false, false, false, null, false, null);
        assertThat(eval(new Expr.Or(List.of(a, b)))).containsExactly(true, true, true, true, false, null, true, null, null);
        assertThat(eval(new Expr.Not(a))).containsExactly(false, false, false, true, true, true, null, null, null);
        assertThat(eval(new Expr.IsNull(a, false))).containsExactly(false, false, false, false, false, false, true, true, true);
        assertThat(eval(new Expr.IsNull(b, true))).containsExactly(true, true, false, true, true, false, true, true, false);
    }

    @Test
    void andEvaluatesRightSideOnlyOnUndecidedRows() {
        // a AND (10 / x > 1): rows where a is FALSE or x = 0 with a FALSE must not divide
        Expr div = cmp(">", arith("/", lit(10L, I), x), lit(1L, I));
        Expr guarded = new Expr.And(List.of(cmp("<>", x, lit(0L, I)), div));
        assertThat(eval(guarded)).containsExactly(false, true, true, null, true, false, false, false, null);
        assertThatThrownBy(() -> eval(div)).isInstanceOf(MallardException.Data.class);
    }

    @Test
    void caseEvaluatesBranchesOnlyForTheirRows() {
        Expr c = new Expr.Case(List.of(new Expr.When(cmp("<>", x, lit(0L, I)), arith("/", lit(12L, I), x))),
                lit(-1L, I), I);
        assertThat(eval(c)).containsExactly(-1L, 12L, 6L, -1L, 3L, -1L, 2L, 1L, -1L);
        Expr noElse = new Expr.Case(List.of(new Expr.When(a, lit(1L, I)), new Expr.When(b, lit(2L, I))),
                new Expr.Constant(null, I), I);
        assertThat(eval(noElse)).containsExactly(1L, 1L, 1L, 2L, null, null, 2L, null, null);
    }

    @Test
    void coalesceIsLazy() {
        Expr c = new Expr.Coalesce(List.of(x, arith("/", lit(1L, I), lit(0L, I))), I);
        DataChunk ch = chunk();
        ch.setSelection(new int[] {0, 1, 2, 4}, 4); // no NULL x: the division never runs
        assertThat(eval(c, ch)).containsExactly(0L, 1L, 2L, 4L);
        Expr d = new Expr.Coalesce(List.of(x, lit(99L, I)), I);
        assertThat(eval(d)).containsExactly(0L, 1L, 2L, 99L, 4L, 0L, 6L, 7L, 99L);
    }

    @Test
    void inListWithConstantsAndNulls() {
        Expr in = new Expr.InList(x, List.of(lit(1L, I), lit(4L, I)), false);
        assertThat(eval(in)).containsExactly(false, true, false, null, true, false, false, false, null);
        Expr withNull = new Expr.InList(x, List.of(lit(1L, I), new Expr.Constant(null, I)), false);
        assertThat(eval(withNull)).containsExactly(null, true, null, null, null, null, null, null, null);
        Expr notIn = new Expr.InList(x, List.of(lit(1L, I), lit(4L, I)), true);
        assertThat(eval(notIn)).containsExactly(true, false, true, null, false, true, true, true, null);
        Expr strings = new Expr.InList(s, List.of(lit("a", LogicalType.VARCHAR), lit("h", LogicalType.VARCHAR)), false);
        assertThat(eval(strings)).containsExactly(true, false, null, false, true, false, false, true, false);
    }

    @Test
    void inListWithColumns() {
        Expr in = new Expr.InList(x, List.of(lit(7L, I), arith("+", x, lit(0L, I))), false);
        assertThat(eval(in)).containsExactly(true, true, true, null, true, true, true, true, null);
        Expr notIn = new Expr.InList(lit(5L, I), List.of(x), true);
        assertThat(eval(notIn)).containsExactly(true, true, true, null, true, true, true, true, null);
    }

    @Test
    void selectProducesTruePositionsOfTheSelection() {
        ExpressionEvaluator ev = new ExpressionEvaluator(ExpressionResolver.resolve(new Expr.Or(List.of(a, b)), List.of(a, b, x, s)));
        DataChunk c = chunk();
        int[] out = new int[9];
        int n = ev.select(c, out);
        assertThat(Arrays.copyOf(out, n)).containsExactly(0, 1, 2, 3, 6);
        c.setSelection(new int[] {1, 4, 5, 6, 8}, 5);
        n = ev.select(c, out);
        assertThat(Arrays.copyOf(out, n)).containsExactly(1, 6);
        ExpressionEvaluator and = new ExpressionEvaluator(ExpressionResolver.resolve(
                new Expr.And(List.of(a, new Expr.Not(b))), List.of(a, b, x, s)));
        c.setCount(9);
        n = and.select(c, out);
        assertThat(Arrays.copyOf(out, n)).containsExactly(1);
    }

    @Test
    void orOfAndWithSharedOperand() {
        // (a AND b) OR a == a (three-valued): row-wise and as a filter
        Expr e = new Expr.Or(List.of(new Expr.And(List.of(a, b)), a));
        assertThat(eval(e)).containsExactly(true, true, true, false, false, false, null, null, null);
        ExpressionEvaluator ev = new ExpressionEvaluator(ExpressionResolver.resolve(e, List.of(a, b, x, s)));
        int[] out = new int[9];
        assertThat(Arrays.copyOf(out, ev.select(chunk(), out))).containsExactly(0, 1, 2);
    }

    @Test
    void resultsLandAtSelectedPositionsOnly() {
        DataChunk c = chunk();
        c.setSelection(new int[] {2, 7}, 2);
        ExpressionEvaluator ev = new ExpressionEvaluator(ExpressionResolver.resolve(arith("+", x, lit(1L, I)), List.of(a, b, x, s)));
        Vector v = ev.evaluate(c);
        assertThat(v.getObject(2)).isEqualTo(3L);
        assertThat(v.getObject(7)).isEqualTo(8L);
    }

    @Test
    void evaluateConstantFolds() {
        assertThat(ExpressionEvaluator.evaluateConstant(arith("*", lit(6L, I), lit(7L, I)))).isEqualTo(42L);
        assertThat(ExpressionEvaluator.evaluateConstant(new Expr.And(List.of(lit(true, B), new Expr.Constant(null, B))))).isNull();
        assertThat(ExpressionEvaluator.evaluateConstant(new Expr.Constant(null, LogicalType.NULL))).isNull();
        assertThat(ExpressionEvaluator.evaluateConstant(new Expr.IsNull(new Expr.Constant(null, LogicalType.NULL), false))).isEqualTo(true);
        assertThatThrownBy(() -> ExpressionEvaluator.evaluateConstant(x)).isInstanceOf(MallardException.Internal.class);
        assertThatThrownBy(() -> ExpressionEvaluator.evaluateConstant(new Expr.Subquery(Expr.SubqueryKind.EXISTS,
                new LogicalPlan.Empty(List.of()), null, null, B))).isInstanceOf(MallardException.Internal.class);
    }
}
