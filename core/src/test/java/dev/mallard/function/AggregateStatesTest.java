package dev.mallard.function;

import static dev.mallard.function.AggregateTester.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mallard.MallardException;
import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AggregateStatesTest {
    private static final LogicalType I = LogicalType.INTEGER;

    /** Updates one state with rows of one INTEGER column spread over groups. */
    private static AggregateState run(AggregateFunction fn, int[] values, int[] groups, int groupCount) {
        AggregateState s = fn.newState();
        s.ensureGroups(groupCount);
        Vector v = new Vector(fn.argTypes().get(0), values.length);
        for (int i = 0; i < values.length; i++) v.setObject(i, values[i]);
        s.update(new Vector[] {v}, null, values.length, groups);
        return s;
    }

    private static Object result(AggregateFunction fn, AggregateState s, int group) {
        Vector out = new Vector(fn.returnType(), 4);
        s.finalize(group, out, 0);
        return out.getObject(0);
    }

    @Test
    void statesKeepGroupsApart() {
        AggregateFunction sum = FunctionRegistry.aggregate("sum", List.of(I));
        AggregateState s = run(sum, new int[] {1, 2, 3, 4, 5}, new int[] {0, 1, 0, 1, 2}, 4);
        assertThat(result(sum, s, 0)).isEqualTo(4L);
        assertThat(result(sum, s, 1)).isEqualTo(6L);
        assertThat(result(sum, s, 2)).isEqualTo(5L);
        assertThat(result(sum, s, 3)).isNull();
        s.clear(1);
        assertThat(result(sum, s, 1)).isNull();
    }

    @Test
    void growingGroupsKeepsExistingStates() {
        AggregateFunction max = FunctionRegistry.aggregate("max", List.of(LogicalType.VARCHAR));
        AggregateState s = max.newState();
        s.ensureGroups(1);
        Vector v = new Vector(LogicalType.VARCHAR, 2);
        v.setObject(0, "b");
        v.setObject(1, "a");
        s.update(new Vector[] {v}, null, 2, new int[] {0, 0});
        s.ensureGroups(5000);
        s.update(new Vector[] {v}, null, 2, new int[] {4999, 4999});
        assertThat(result(max, s, 0)).isEqualTo("b");
        assertThat(result(max, s, 4999)).isEqualTo("b");
        assertThat(result(max, s, 17)).isNull();
    }

    @Test
    void countsAreNeverNull() {
        AggregateFunction count = FunctionRegistry.aggregate("count_star", List.of());
        AggregateState s = count.newState();
        s.ensureGroups(2);
        s.update(new Vector[0], null, 3, new int[] {1, 1, 1});
        assertThat(result(count, s, 0)).isEqualTo(0L);
        assertThat(result(count, s, 1)).isEqualTo(3L);
    }

    @Test
    void mergeFoldsIntoTargetGroups() {
        AggregateFunction avg = FunctionRegistry.aggregate("avg", List.of(I));
        AggregateState a = run(avg, new int[] {1, 2}, new int[] {0, 1}, 2);
        AggregateState b = run(avg, new int[] {10, 20}, new int[] {0, 1}, 2);
        AggregateState total = avg.newState();
        total.ensureGroups(2);
        total.merge(a, null, new int[] {0, 1}, 2);
        total.merge(b, null, new int[] {1, 0}, 2);
        assertThat(result(avg, total, 0)).isEqualTo(10.5);
        assertThat(result(avg, total, 1)).isEqualTo(6.0);
    }

    @Test
    void sumsAreExactAndOverflowIsAnError() {
        assertThat(text("sum", "DECIMAL(38,2) 12345678901234567.89", "DECIMAL(38,2) 12345678901234567.89"))
                .isEqualTo("DECIMAL(38,2) 24691357802469135.78");
        assertThat(text("sum", "BIGINT 9223372036854775807", "BIGINT 9223372036854775807", "BIGINT 9223372036854775807"))
                .isEqualTo("DECIMAL(38,0) 27670116110564327421");
        assertThatThrownBy(() -> text("sum", "DECIMAL(38,0) 99999999999999999999999999999999999999", "DECIMAL(38,0) 1"))
                .isInstanceOf(MallardException.Data.class).hasMessageContaining("Overflow in SUM");
    }

    @Test
    void emptyAndAllNullInputGiveNull() {
        for (String agg : List.of("sum", "avg", "min", "max", "stddev", "median", "first", "mode")) {
            assertThat(text(agg, "INTEGER NULL", "INTEGER NULL")).as(agg).endsWith(" NULL");
        }
        assertThat(text("count", "INTEGER NULL")).isEqualTo("BIGINT 0");
        assertThat(text("approx_count_distinct", "INTEGER NULL")).isEqualTo("BIGINT 0");
    }

    @Test
    void decimalAverageIsTheCorrectlyRoundedQuotient() {
        Random r = new Random(7);
        LogicalType t = LogicalType.decimal(15, 4);
        AggregateFunction avg = FunctionRegistry.aggregate("avg", List.of(t));
        AggregateState s = avg.newState();
        s.ensureGroups(1);
        int n = 10_000;
        Vector v = new Vector(t, n);
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            long unscaled = r.nextLong() % 100_000_000_000_000L;
            v.longs[i] = unscaled;
            exact = exact.add(BigDecimal.valueOf(unscaled, 4));
        }
        s.update(new Vector[] {v}, null, n, new int[n]);
        double expected = exact.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
        assertThat((Double) result(avg, s, 0)).isEqualTo(expected);
    }

    @Test
    void quantilesReadTheirParameterAndValidateIt() {
        AggregateFunction q = FunctionRegistry.aggregate("quantile_cont", List.of(I, LogicalType.DOUBLE));
        AggregateState s = q.newState();
        s.ensureGroups(1);
        Vector v = new Vector(I, 4), p = new Vector(LogicalType.DOUBLE, 4);
        for (int i = 0; i < 4; i++) {
            v.ints[i] = i * 10;
            p.doubles[i] = 1.5;
        }
        assertThatThrownBy(() -> s.update(new Vector[] {v, p}, null, 4, new int[4])).hasMessageContaining("[0, 1]");
    }

    @Test
    void windowStyleClearAndReuse() {
        AggregateFunction agg = FunctionRegistry.aggregate("string_agg", List.of(LogicalType.VARCHAR));
        AggregateState s = agg.newState();
        s.ensureGroups(1);
        Vector v = new Vector(LogicalType.VARCHAR, 2);
        v.setObject(0, "a");
        v.setObject(1, "b");
        s.update(new Vector[] {v}, null, 2, new int[2]);
        assertThat(result(agg, s, 0)).isEqualTo("a,b");
        s.clear(0);
        s.update(new Vector[] {v}, new int[] {1}, 1, new int[1]);
        assertThat(result(agg, s, 0)).isEqualTo("b");
    }
}
