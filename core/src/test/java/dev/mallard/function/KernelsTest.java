package dev.mallard.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mallard.types.LogicalType;
import dev.mallard.vector.Vector;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelsTest {
    @Test
    void strictKernelSkipsNullRowsAndPositionsOutsideTheSelection() {
        ScalarFunction div = FunctionRegistry.scalar("//", List.of(LogicalType.INTEGER, LogicalType.INTEGER));
        Vector x = new Vector(LogicalType.INTEGER, 8), y = new Vector(LogicalType.INTEGER, 8);
        for (int i = 0; i < 8; i++) {
            x.ints[i] = 100;
            y.ints[i] = i;
        }
        y.setNull(0); // the data under this NULL is 0: it must not raise division by zero
        Vector out = new Vector(LogicalType.INTEGER, 8);
        out.ints[7] = 42;
        div.kernel().execute(new Vector[] {x, y}, new int[] {0, 2, 5}, 3, out);
        assertThat(out.isNull(0)).isTrue();
        assertThat(out.getObject(2)).isEqualTo(50);
        assertThat(out.getObject(5)).isEqualTo(20);
        assertThat(out.ints[7]).isEqualTo(42);
        assertThat(out.isNull(7)).isFalse();
    }

    @Test
    void denseFastPathClearsStaleNullBits() {
        ScalarFunction plus = FunctionRegistry.scalar("+", List.of(LogicalType.BIGINT, LogicalType.BIGINT));
        Vector x = new Vector(LogicalType.BIGINT, 4), y = new Vector(LogicalType.BIGINT, 4);
        for (int i = 0; i < 4; i++) {
            x.longs[i] = i;
            y.longs[i] = 10;
        }
        Vector out = new Vector(LogicalType.BIGINT, 4);
        out.setNull(1);
        plus.kernel().execute(new Vector[] {x, y}, null, 4, out);
        assertThat(out.getObject(1)).isEqualTo(11L);
        assertThat(out.getObject(3)).isEqualTo(13L);
    }

    @Test
    void lenientKernelsSeeNulls() {
        ScalarFunction concat = FunctionRegistry.scalar("concat", List.of(LogicalType.VARCHAR, LogicalType.VARCHAR));
        Vector a = new Vector(LogicalType.VARCHAR, 2), b = new Vector(LogicalType.VARCHAR, 2);
        a.setObject(0, "x");
        b.setNull(0);
        a.setNull(1);
        b.setNull(1);
        Vector out = new Vector(LogicalType.VARCHAR, 2);
        concat.kernel().execute(new Vector[] {a, b}, null, 2, out);
        assertThat(out.getObject(0)).isEqualTo("x");
        assertThat(out.getObject(1)).isEqualTo("");
    }

    @Test
    void eachBodyClassGetsItsOwnLoopClass() {
        ScalarKernel lt = FunctionRegistry.scalar("<", List.of(LogicalType.BIGINT, LogicalType.BIGINT)).kernel();
        ScalarKernel plus = FunctionRegistry.scalar("+", List.of(LogicalType.BIGINT, LogicalType.BIGINT)).kernel();
        assertThat(lt.getClass()).isNotEqualTo(plus.getClass());
        assertThat(lt.getClass().isHidden()).isTrue();
        ScalarKernel gt = FunctionRegistry.scalar(">", List.of(LogicalType.BIGINT, LogicalType.BIGINT)).kernel();
        assertThat(gt.getClass()).as("same body class, same loop copy").isEqualTo(lt.getClass());
    }

    @Test
    void zeroArgumentFunctionsFillEverySelectedRow() {
        ScalarFunction pi = FunctionRegistry.scalar("pi", List.of());
        Vector out = new Vector(LogicalType.DOUBLE, 4);
        pi.kernel().execute(new Vector[0], new int[] {1, 3}, 2, out);
        assertThat(out.doubles[1]).isEqualTo(Math.PI);
        assertThat(out.doubles[3]).isEqualTo(Math.PI);
        assertThat(out.doubles[0]).isZero();
    }
}
